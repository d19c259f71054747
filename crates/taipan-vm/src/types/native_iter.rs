//! Lazy iterators implemented by a Rust closure: `enumerate`, `zip`, `map`, `filter`,
//! `reversed` share one payload (the closure producing the next item) under a hidden base type.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::typeobject::{IterNextFn, PyType, Slots, StaticType, UnaryFn, slot};

type NextFn = Box<dyn FnMut() -> PyResult<Option<Object>>>;

pub struct NativeIterPayload {
    /// The producer; `None` once exhausted (which also releases what it captured).
    next: RefCell<Option<NextFn>>,
}

// SAFETY: these iterators are built only by `new_native_iter` with a `NativeIterPayload`, and
// all their types derive from `NATIVE_ITER_BASE`.
unsafe impl PyPayload for NativeIterPayload {
    fn type_object() -> &'static PyType {
        &NATIVE_ITER_BASE.0
    }
}

/// A lazy iterator of type `ty` (one of the static types below) producing items with `next`.
pub fn new_native_iter(ty: &'static StaticType, next: NextFn) -> Object {
    new_object(&ty.0, NativeIterPayload { next: RefCell::new(Some(next)) })
}

pub(crate) fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = o.payload::<NativeIterPayload>().expect("native iterator");
    // Take the closure out while it runs: it may run Python code that re-enters this iterator.
    let Some(mut f) = p.next.borrow_mut().take() else { return Ok(None) };
    let r = f();
    if matches!(r, Ok(Some(_))) {
        *p.next.borrow_mut() = Some(f);
    }
    r
}

/// # Safety
/// Called only by the deallocation path on a dead native iterator.
pub(crate) unsafe fn native_iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: these iterators carry a `NativeIterPayload`.
    unsafe { dealloc_payload::<NativeIterPayload>(obj) }
}

pub(crate) const fn iter_slots() -> Slots {
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(iter_next as IterNextFn),
        ..crate::types::object::object_slots()
    }
}

macro_rules! native_iter_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        pub static $static: $crate::types::typeobject::StaticType =
            $crate::types::typeobject::StaticType($crate::types::typeobject::PyType::new_static(
                $name,
                Some($base),
                std::mem::size_of::<$crate::types::native_iter::NativeIterPayload>(),
                0,
                $crate::types::typeobject::TypeFlags(0),
                $tag,
                $crate::types::native_iter::native_iter_dealloc,
                None,
                $crate::types::native_iter::iter_slots(),
            ));
    };
}

pub(crate) use native_iter_type;

native_iter_type!(NATIVE_ITER_BASE, "native_iterator", &crate::types::object::OBJECT_TYPE.0, 210);
native_iter_type!(ENUMERATE_TYPE, "enumerate", &NATIVE_ITER_BASE.0, 211);
native_iter_type!(ZIP_TYPE, "zip", &NATIVE_ITER_BASE.0, 212);
native_iter_type!(MAP_TYPE, "map", &NATIVE_ITER_BASE.0, 213);
native_iter_type!(FILTER_TYPE, "filter", &NATIVE_ITER_BASE.0, 214);
native_iter_type!(REVERSED_TYPE, "reversed", &NATIVE_ITER_BASE.0, 215);
native_iter_type!(CALLABLE_ITER_TYPE, "callable_iterator", &NATIVE_ITER_BASE.0, 216);
native_iter_type!(SEQ_ITER_TYPE, "iterator", &NATIVE_ITER_BASE.0, 227);
native_iter_type!(
    DICT_REVERSEKEYITERATOR_TYPE,
    "dict_reversekeyiterator",
    &NATIVE_ITER_BASE.0,
    400
);
native_iter_type!(
    DICT_REVERSEVALUEITERATOR_TYPE,
    "dict_reversevalueiterator",
    &NATIVE_ITER_BASE.0,
    401
);
native_iter_type!(
    DICT_REVERSEITEMITERATOR_TYPE,
    "dict_reverseitemiterator",
    &NATIVE_ITER_BASE.0,
    402
);
