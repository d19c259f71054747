//! `_native_handle`: an opaque object owning one piece of Rust state (a zlib stream, a hash
//! state, ...). The compression and hash modules keep their Python-visible classes in Python
//! (`py/*.py`) and hold the native state in one of these; their native functions take the
//! handle and borrow the state with [`with_state`]. Also the argument conversions they share
//! (C `int`, `Py_ssize_t`, masked `unsigned int`, bytes-like data), with CPython's messages.

use std::any::Any;
use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::typeobject::{PyType, StaticType, TypeFlags};

pub struct HandlePayload {
    state: RefCell<Box<dyn Any>>,
}

// SAFETY: `_native_handle` objects are built only by `new_handle`, with a `HandlePayload`; the
// type cannot be subclassed or instantiated from Python.
unsafe impl PyPayload for HandlePayload {
    fn type_object() -> &'static PyType {
        &HANDLE_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead handle.
unsafe fn handle_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: handles carry a `HandlePayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<HandlePayload>(obj) }
}

pub static HANDLE_TYPE: StaticType = StaticType(PyType::new_static(
    "_native_handle",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<HandlePayload>(),
    0,
    TypeFlags(0),
    1501,
    handle_dealloc,
    None,
    crate::types::object::object_slots(),
));

/// A new handle owning `state`.
pub fn new_handle<T: Any>(state: T) -> Object {
    new_object(&HANDLE_TYPE.0, HandlePayload { state: RefCell::new(Box::new(state)) })
}

/// Runs `f` on the state of type `T` held by handle `h`; a TypeError if `h` is not a handle
/// of that state, a RuntimeError if the state is already borrowed (re-entrant use).
pub fn with_state<T: Any, R>(
    h: ObjectRef<'_>,
    f: impl FnOnce(&mut T) -> PyResult<R>,
) -> PyResult<R> {
    let p = h
        .payload::<HandlePayload>()
        .ok_or_else(|| PyErr::type_error("expected a native handle"))?;
    let mut b = p.state.try_borrow_mut().map_err(|_| {
        PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "native state already in use")
    })?;
    let s = b.downcast_mut::<T>().ok_or_else(|| PyErr::type_error("wrong native handle"))?;
    f(s)
}

/// The integer value of `o` (an int, or an object with `__index__`; never a float), or
/// CPython's TypeError.
pub fn index_ibig(o: ObjectRef<'_>) -> PyResult<dashu_int::IBig> {
    use crate::types::int::int_value;
    let not_int = || {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    };
    if crate::types::float::float_value(o).is_some() && int_value(o).is_none() {
        return Err(not_int());
    }
    if let Some(v) = int_value(o) {
        return Ok(v.to_ibig().into_owned());
    }
    match crate::ops::index_via_slot(o)? {
        Some(v) => {
            Ok(int_value(v.as_ref()).expect("__index__ gives an int").to_ibig().into_owned())
        }
        None => Err(not_int()),
    }
}

/// A C `int` argument (`i`): OverflowError outside its range.
pub fn c_int(o: ObjectRef<'_>) -> PyResult<i32> {
    let v = index_ibig(o)?;
    i32::try_from(&v).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// A `Py_ssize_t` argument (`n`).
pub fn c_ssize(o: ObjectRef<'_>) -> PyResult<isize> {
    let v = index_ibig(o)?;
    isize::try_from(&v)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// An `unsigned int` taken modulo 2**32 (clinic's `unsigned_int(bitwise=True)`).
pub fn c_uint_mask(o: ObjectRef<'_>) -> PyResult<u32> {
    let v = index_ibig(o)?;
    let m = v % dashu_int::IBig::from(1u64 << 32);
    let m =
        if m.signum() < dashu_int::IBig::ZERO { m + dashu_int::IBig::from(1u64 << 32) } else { m };
    Ok(u32::try_from(&m).unwrap_or(0))
}

/// The bytes of a bytes-like argument, or `a bytes-like object is required, not 'X'`.
pub fn buffer(o: ObjectRef<'_>) -> PyResult<std::borrow::Cow<'_, [u8]>> {
    crate::builtins::bytesmethods::bytes_like(o).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}
