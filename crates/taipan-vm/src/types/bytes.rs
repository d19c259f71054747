//! `bytes`: an immutable byte string stored inline after a small head (length, cached hash), the
//! immortal empty bytes, SipHash-1-3 hash (equal to the hash of the same ASCII text as str).

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{alloc_object, free_object, payload_ptr};
use crate::object::statics::StaticObject;
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::singletons::not_implemented;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, HashFn, LenFn, PyType, RichCompareFn, SeqItemFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

#[repr(C)]
pub struct BytesHead {
    len: usize,
    hash: Cell<isize>,
}

const HEAD_SIZE: usize = std::mem::size_of::<BytesHead>();

// SAFETY: bytes objects are made by `new_bytes` (or are the static empty bytes) with a
// `BytesHead` followed by `len` bytes.
unsafe impl PyPayload for BytesHead {
    fn type_object() -> &'static PyType {
        &BYTES_TYPE.0
    }
}

fn layout(n: usize) -> Layout {
    Layout::from_size_align(HEAD_SIZE.checked_add(n).expect("bytes too long"), 8)
        .expect("bytes too long")
}

/// The content of a bytes object, `None` for other objects.
pub fn bytes_data(o: ObjectRef<'_>) -> Option<&[u8]> {
    if o.is_small_int() || !o.type_().has_flag(TypeFlags::BYTES_SUBCLASS) {
        return None;
    }
    // SAFETY: a bytes object's head is followed by `len` initialised, immutable bytes.
    unsafe {
        let len = o.payload_unchecked::<BytesHead>().len;
        let p = payload_ptr::<u8>(o.raw()).add(HEAD_SIZE);
        Some(std::slice::from_raw_parts(p.as_ptr(), len))
    }
}

pub fn new_bytes(data: &[u8]) -> Object {
    if data.is_empty() {
        return EMPTY_BYTES.object();
    }
    bytes_of_type(&BYTES_TYPE.0, data)
}

/// A bytes object of type `ty` (`bytes` or a Python subclass of it) holding a copy of `data`.
pub fn bytes_of_type(ty: &PyType, data: &[u8]) -> Object {
    let obj = alloc_object(ty, layout(data.len()));
    // SAFETY: room for the head and `data.len()` bytes, ours alone.
    unsafe {
        payload_ptr::<BytesHead>(obj).write(BytesHead { len: data.len(), hash: Cell::new(-1) });
        let dst = payload_ptr::<u8>(obj).add(HEAD_SIZE);
        std::ptr::copy_nonoverlapping(data.as_ptr(), dst.as_ptr(), data.len());
        Object::from_raw(obj)
    }
}

/// Deallocates a bytes object.
///
/// # Safety
/// Called only by the deallocation path on a dead bytes object made by `new_bytes`.
unsafe fn bytes_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the head says how many bytes follow; free with the layout `new_bytes` used.
    unsafe {
        let len = payload_ptr::<BytesHead>(obj).as_ref().len;
        free_object(obj, layout(len));
    }
}

pub static EMPTY_BYTES: StaticObject<BytesHead> =
    StaticObject::new(&BYTES_TYPE.0, BytesHead { len: 0, hash: Cell::new(0) });

fn bytes_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = bytes_data(o).expect("bytes");
    Ok(crate::types::str::new_str(&taipan_common::repr::repr_bytes(d)))
}

fn bytes_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let d = bytes_data(o).expect("bytes");
    // SAFETY: `bytes_data` succeeded, so the object is bytes and its payload a BytesHead.
    let head = unsafe { o.payload_unchecked::<BytesHead>() };
    let h = head.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = crate::hash::hash_bytes(d);
    if !o.header().is_some_and(PyObject::is_immortal) {
        head.hash.set(h);
    }
    Ok(h)
}

fn bytes_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (bytes_data(a), bytes_data(b)) else {
        return Ok(not_implemented());
    };
    Ok(py_bool(op.matches(x.cmp(y))))
}

fn bytes_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(bytes_data(o).expect("bytes").len())
}

fn bytes_item(o: ObjectRef<'_>, i: isize) -> PyResult<Object> {
    let d = bytes_data(o).expect("bytes");
    usize::try_from(i)
        .ok()
        .and_then(|i| d.get(i))
        .map(|&b| crate::types::int::new_int_i64(b as i64))
        .ok_or_else(|| PyErr::index_error("index out of range"))
}

fn bytes_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let d = bytes_data(o).expect("bytes");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(d.len())?;
        let out: Vec<u8> = (0..n).map(|k| d[(start + k as isize * step) as usize]).collect();
        return Ok(new_bytes(&out));
    }
    match ops::index_value(key)? {
        Some(i) => bytes_item(o, if i < 0 { i + d.len() as isize } else { i }),
        None => Err(PyErr::type_error(format!(
            "byte indices must be integers or slices, not {}",
            key.type_().name()
        ))),
    }
}

fn bytes_concat(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let x = bytes_data(a).expect("bytes");
    let Some(y) = crate::builtins::bytesmethods::bytes_like(b) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            b.type_().name(),
            a.type_().name()
        )));
    };
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend_from_slice(x);
    out.extend_from_slice(&y);
    Ok(new_bytes(&out))
}

fn bytes_repeat(a: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let x = bytes_data(a).expect("bytes");
    if n <= 0 || x.is_empty() {
        return Ok(EMPTY_BYTES.object());
    }
    let total = x.len().checked_mul(n as usize).ok_or_else(PyErr::memory_error)?;
    if total > isize::MAX as usize / 2 {
        return Err(PyErr::memory_error());
    }
    Ok(new_bytes(&x.repeat(n as usize)))
}

fn bytes_contains(a: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let hay = bytes_data(a).expect("bytes");
    if let Some(needle) = crate::builtins::bytesmethods::bytes_like(v) {
        return Ok(memchr::memmem::find(hay, &needle).is_some());
    }
    match ops::index_value(v)? {
        Some(b) if (0..256).contains(&b) => Ok(hay.contains(&(b as u8))),
        Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_().name()
        ))),
    }
}

pub static BYTES_TYPE: StaticType = StaticType(PyType::new_static(
    "bytes",
    Some(&crate::types::object::OBJECT_TYPE.0),
    HEAD_SIZE,
    1,
    TypeFlags::BASETYPE.union(TypeFlags::BYTES_SUBCLASS),
    18,
    bytes_dealloc,
    None,
    Slots {
        iter: slot(crate::types::iter::BYTES_ITER),
        repr: slot(bytes_repr as UnaryFn),
        // `str(b)` is the bytes' own repr, even for a subclass that overrides `__repr__`.
        str: slot(bytes_repr as UnaryFn),
        hash: slot(bytes_hash as HashFn),
        richcompare: slot(bytes_richcompare as RichCompareFn),
        sq_length: slot(bytes_len as LenFn),
        sq_concat: slot(bytes_concat as BinaryFn),
        sq_repeat: slot(bytes_repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        sq_item: slot(bytes_item as SeqItemFn),
        sq_contains: slot(bytes_contains as ContainsFn),
        mp_length: slot(bytes_len as LenFn),
        mp_subscript: slot(bytes_subscript as BinaryFn),
        ..crate::types::object::object_slots()
    },
));
