//! `object`: the root type, and the default behaviour every type inherits (identity equality,
//! pointer hash, `<T object at 0x...>` repr).

use crate::error::PyResult;
use crate::hash::hash_pointer;
use crate::object::{Object, ObjectRef};
use crate::types::singletons::not_implemented;
use crate::types::typeobject::{
    CompareOp, HashFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags, UnaryFn,
    dealloc_immortal, slot,
};

/// The default repr: `<name object at 0x...>`.
pub fn object_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str(&default_repr(o)))
}

pub fn default_repr(o: ObjectRef<'_>) -> String {
    let ty = o.type_();
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        // `<module.qualname object at 0x...>`, the module omitted for builtins.
        let d = crate::types::typelookup::type_dict(ty);
        if let Some(d) = crate::types::dict::as_dict(d.as_ref()) {
            let text = |k: &str| {
                d.get_str(k)
                    .ok()
                    .flatten()
                    .and_then(|v| crate::types::str::str_to_string(v.as_ref()))
            };
            let qual = text("__qualname__").unwrap_or_else(|| ty.name().to_string());
            return match text("__module__") {
                Some(m) if m != "builtins" => format!("<{m}.{qual} object at {:#x}>", o.id()),
                _ => format!("<{qual} object at {:#x}>", o.id()),
            };
        }
    }
    format!("<{} object at {:#x}>", ty.name(), o.id())
}

/// The default hash: derived from the object's identity.
pub fn object_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    Ok(hash_pointer(o.id()))
}

/// The default comparison: `==` is identity, `!=` its negation, ordering is not supported.
pub fn object_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    Ok(match op {
        CompareOp::Eq if a.is(b) => crate::types::bool::py_bool(true),
        CompareOp::Ne if a.is(b) => crate::types::bool::py_bool(false),
        CompareOp::Ne => {
            // `!=` inverts `==` when the type defines its own equality; with the default one,
            // different objects are unequal.
            crate::types::bool::py_bool(true)
        }
        _ => not_implemented(),
    })
}

pub static OBJECT_TYPE: StaticType = StaticType(PyType::new_static(
    "object",
    None,
    0,
    0,
    TypeFlags::BASETYPE,
    1,
    dealloc_immortal,
    None,
    object_slots(),
));

/// `object`'s slots: the defaults every static type's definition starts from (slots are inherited
/// at compile time, so a lookup is one load; docs/vm.md, "Types and slots").
pub const fn object_slots() -> Slots {
    Slots {
        repr: slot(object_repr as UnaryFn),
        hash: slot(object_hash as HashFn),
        richcompare: slot(object_richcompare as RichCompareFn),
        ..Slots::empty()
    }
}
