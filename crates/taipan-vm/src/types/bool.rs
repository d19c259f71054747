//! `bool`: a subclass of `int` with exactly two instances, the immortal statics `True` and `False`
//! (their int payloads are 1 and 0). `&`, `|`, `^` of two bools give a bool.

use dashu_int::IBig;

use crate::error::PyResult;
use crate::object::statics::StaticObject;
use crate::object::{Object, ObjectRef};
use crate::types::int::{INT_TYPE, IntPayload};
use crate::types::typeobject::{
    BinaryFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, dealloc_immortal, slot,
};

pub static TRUE: StaticObject<IntPayload> =
    StaticObject::new(&BOOL_TYPE.0, IntPayload { value: IBig::ONE });
pub static FALSE: StaticObject<IntPayload> =
    StaticObject::new(&BOOL_TYPE.0, IntPayload { value: IBig::ZERO });

/// `True` or `False`.
#[inline]
pub fn py_bool(b: bool) -> Object {
    if b { TRUE.object() } else { FALSE.object() }
}

/// The truth of a bool object, `None` for anything else.
#[inline]
pub fn bool_value(o: ObjectRef<'_>) -> Option<bool> {
    if o.is(TRUE.as_ref()) {
        Some(true)
    } else if o.is(FALSE.as_ref()) {
        Some(false)
    } else {
        None
    }
}

fn bool_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let b = bool_value(o).expect("bool_repr on a bool");
    Ok(crate::types::str::new_str(if b { "True" } else { "False" }))
}

macro_rules! bool_bitwise {
    ($name:ident, $op:tt, $int_slot:ident) => {
        fn $name(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
            match (bool_value(a), bool_value(b)) {
                (Some(x), Some(y)) => Ok(py_bool(x $op y)),
                _ => (INT_TYPE.0.slots.$int_slot.get().expect("int has the slot"))(a, b),
            }
        }
    };
}

bool_bitwise!(bool_and, &, nb_and);
bool_bitwise!(bool_or, |, nb_or);
bool_bitwise!(bool_xor, ^, nb_xor);

/// `~b`: the int's inversion, after CPython 3.14's DeprecationWarning.
fn bool_invert(a: ObjectRef<'_>) -> PyResult<Object> {
    crate::modules::warnings::warn(
        &crate::types::exceptions::DEPRECATION_WARNING,
        "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. \
         This returns the bitwise inversion of the underlying int object and is usually not \
         what you expect from negating a bool. Use the 'not' operator for boolean negation or \
         ~int(x) if you really want the bitwise inversion of the underlying int.",
        1,
    )?;
    (INT_TYPE.0.slots.nb_invert.get().expect("int has the slot"))(a)
}

pub static BOOL_TYPE: StaticType = StaticType(PyType::new_static(
    "bool",
    Some(&INT_TYPE.0),
    std::mem::size_of::<IntPayload>(),
    0,
    TypeFlags::LONG_SUBCLASS,
    11,
    dealloc_immortal,
    None,
    Slots {
        repr: slot(bool_repr as UnaryFn),
        nb_and: slot(bool_and as BinaryFn),
        nb_or: slot(bool_or as BinaryFn),
        nb_xor: slot(bool_xor as BinaryFn),
        nb_invert: slot(bool_invert as UnaryFn),
        ..crate::types::int::int_slots()
    },
));
