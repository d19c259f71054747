//! The payload-less singletons: `None` (`NoneType`), `NotImplemented` (`NotImplementedType`) and
//! `Ellipsis` (`ellipsis`), all immortal statics.

use crate::error::PyResult;
use crate::object::statics::StaticObject;
use crate::object::{Object, ObjectRef};
use crate::types::typeobject::{
    HashFn, InquiryFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, dealloc_immortal, slot,
};

fn none_repr(_: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str("None"))
}

fn none_bool(_: ObjectRef<'_>) -> PyResult<bool> {
    Ok(false)
}

/// `hash(None)` is a constant since 3.12, not the address.
fn none_hash(_: ObjectRef<'_>) -> PyResult<isize> {
    Ok(0xFCA86420)
}

fn not_implemented_repr(_: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str("NotImplemented"))
}

/// Since 3.14 `NotImplemented` has no truth value.
fn not_implemented_bool(_: ObjectRef<'_>) -> PyResult<bool> {
    Err(crate::error::PyErr::type_error("NotImplemented should not be used in a boolean context"))
}

fn ellipsis_repr(_: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str("Ellipsis"))
}

pub static NONE_TYPE: StaticType = StaticType(PyType::new_static(
    "NoneType",
    Some(&crate::types::object::OBJECT_TYPE.0),
    0,
    0,
    TypeFlags(0),
    3,
    dealloc_immortal,
    None,
    Slots {
        repr: slot(none_repr as UnaryFn),
        hash: slot(none_hash as HashFn),
        nb_bool: slot(none_bool as InquiryFn),
        ..crate::types::object::object_slots()
    },
));

pub static NOT_IMPLEMENTED_TYPE: StaticType = StaticType(PyType::new_static(
    "NotImplementedType",
    Some(&crate::types::object::OBJECT_TYPE.0),
    0,
    0,
    TypeFlags(0),
    4,
    dealloc_immortal,
    None,
    Slots {
        repr: slot(not_implemented_repr as UnaryFn),
        nb_bool: slot(not_implemented_bool as InquiryFn),
        ..crate::types::object::object_slots()
    },
));

pub static ELLIPSIS_TYPE: StaticType = StaticType(PyType::new_static(
    "ellipsis",
    Some(&crate::types::object::OBJECT_TYPE.0),
    0,
    0,
    TypeFlags(0),
    5,
    dealloc_immortal,
    None,
    Slots { repr: slot(ellipsis_repr as UnaryFn), ..crate::types::object::object_slots() },
));

pub static NONE: StaticObject<()> = StaticObject::new(&NONE_TYPE.0, ());
pub static NOT_IMPLEMENTED: StaticObject<()> = StaticObject::new(&NOT_IMPLEMENTED_TYPE.0, ());
pub static ELLIPSIS: StaticObject<()> = StaticObject::new(&ELLIPSIS_TYPE.0, ());

#[inline]
pub fn none() -> Object {
    NONE.object()
}

#[inline]
pub fn not_implemented() -> Object {
    NOT_IMPLEMENTED.object()
}

#[inline]
pub fn is_none(o: ObjectRef<'_>) -> bool {
    o.is(NONE.as_ref())
}

#[inline]
pub fn is_not_implemented(o: ObjectRef<'_>) -> bool {
    o.is(NOT_IMPLEMENTED.as_ref())
}
