//! The `match` statement's opcodes: `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS` and
//! `MATCH_CLASS` (PEP 634 semantics and CPython's error messages).

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::BOOL_TYPE;
use crate::types::dict::DICT_TYPE;
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::list::LIST_TYPE;
use crate::types::range::RANGE_TYPE;
use crate::types::str::{Str, intern};
use crate::types::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::types::typeobject::{PyType, as_type};

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`, the bits `__abc_tpflags__` uses.
const FLAG_SEQUENCE: i64 = 1 << 5;
const FLAG_MAPPING: i64 = 1 << 6;

/// The collection flag a type sets itself: the builtin sequences' and `dict`'s, or, for an ABC (a
/// class whose metaclass is not plain `type`), the one `_abc` set on it (from the
/// `__abc_tpflags__` of `collections.abc.Sequence` and `Mapping`, or by `register()`), else the
/// one `__abc_tpflags__` in its own namespace gives.
fn own_collection_flag(ty: &PyType) -> i64 {
    use crate::types::typeobject::{TYPE_TYPE, TypeFlags};
    if !ty.has_flag(TypeFlags::HEAPTYPE) {
        let seqs: [&PyType; 5] = [
            &LIST_TYPE.0,
            &TUPLE_TYPE.0,
            &RANGE_TYPE.0,
            &crate::modules::collections_deque::DEQUE_TYPE.0,
            &crate::types::memoryview::MEMORYVIEW_TYPE.0,
        ];
        if seqs.iter().any(|s| std::ptr::eq(*s, ty)) {
            return FLAG_SEQUENCE;
        }
        return if std::ptr::eq(ty, &DICT_TYPE.0) { FLAG_MAPPING } else { 0 };
    }
    let own = ty.collection_flags.get() as i64;
    if own != 0 {
        return own;
    }
    if std::ptr::eq(ty.as_object().type_(), &TYPE_TYPE.0) {
        return 0;
    }
    let own = crate::types::typelookup::type_dict(ty);
    if let Some(d) = crate::types::dict::as_dict(own.as_ref())
        && let Ok(Some(v)) = d.get_str("__abc_tpflags__")
        && let Some(crate::types::int::IntVal::Small(bits)) =
            crate::types::int::int_value(v.as_ref())
    {
        return bits & (FLAG_SEQUENCE | FLAG_MAPPING);
    }
    0
}

/// The collection flag of a type as CPython computes it: its own, else the first one along its
/// MRO (a static type's MRO is its base chain).
pub(crate) fn collection_flag(t: &PyType) -> i64 {
    if let Some(mro) = t.mro_tuple() {
        for b in tuple_items(mro.as_ref()).unwrap_or(&[]) {
            if let Some(bt) = as_type(b.as_ref()) {
                let f = own_collection_flag(bt);
                if f != 0 {
                    return f;
                }
            }
        }
        return 0;
    }
    let mut cur = Some(t);
    while let Some(ty) = cur {
        let f = own_collection_flag(ty);
        if f != 0 {
            return f;
        }
        cur = ty.base();
    }
    0
}

/// Whether a mapping pattern may match the subject (CPython's `Py_TPFLAGS_MAPPING`).
pub fn is_mapping(o: ObjectRef<'_>) -> bool {
    collection_flag(o.type_()) & FLAG_MAPPING != 0
}

/// Whether a sequence pattern may match (`Py_TPFLAGS_SEQUENCE`: never str, bytes or bytearray,
/// which have no flag).
pub fn is_sequence(o: ObjectRef<'_>) -> bool {
    collection_flag(o.type_()) & FLAG_SEQUENCE != 0
}

/// `MATCH_KEYS`: the values for `keys` (a tuple) looked up with the subject's `get`, or `None`
/// if one is missing.
pub fn match_keys(subject: ObjectRef<'_>, keys: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let keys = tuple_items(keys).unwrap_or(&[]);
    if keys.is_empty() {
        return Ok(Some(new_tuple(Vec::new())));
    }
    let get = crate::attr::getattr(subject, intern("get").as_ref())?;
    let dummy = crate::types::instance::new_plain_object()?;
    let mut seen: Vec<Object> = Vec::new();
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        for s in &seen {
            if crate::ops::rich_compare_bool(
                s.as_ref(),
                k.as_ref(),
                crate::types::typeobject::CompareOp::Eq,
            )? {
                return Err(PyErr::value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    crate::ops::repr_string(k.as_ref())?
                )));
            }
        }
        seen.push(k.clone());
        let v = crate::ops::call(get.as_ref(), &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(None);
        }
        values.push(v);
    }
    Ok(Some(new_tuple(values)))
}

/// Types whose single positional sub-pattern matches the subject itself.
fn matches_self(t: &PyType) -> bool {
    use crate::types::*;
    [
        &BOOL_TYPE.0,
        &bytes::BYTES_TYPE.0,
        &DICT_TYPE.0,
        &float::FLOAT_TYPE.0,
        &set::FROZENSET_TYPE.0,
        &int::INT_TYPE.0,
        &LIST_TYPE.0,
        &set::SET_TYPE.0,
        &str::STR_TYPE.0,
        &TUPLE_TYPE.0,
    ]
    .iter()
    .any(|b| t.is_subtype(b))
}

fn getattr_or_none(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `MATCH_CLASS nargs`: the attributes a class pattern extracts, or `None` for no match.
pub fn match_class(
    subject: ObjectRef<'_>,
    cls: ObjectRef<'_>,
    nargs: usize,
    names: ObjectRef<'_>,
) -> PyResult<Option<Object>> {
    let Some(t) = as_type(cls) else {
        return Err(PyErr::type_error("called match pattern must be a class"));
    };
    if !subject.type_().is_subtype(t) {
        return Ok(None);
    }
    let kw = tuple_items(names).unwrap_or(&[]);
    let mut seen: Vec<String> = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + kw.len());
    if nargs > 0 {
        let match_args = getattr_or_none(cls, intern("__match_args__").as_ref())?;
        match match_args {
            None if matches_self(t) => {
                if nargs > 1 {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({nargs} given)",
                        t.name()
                    )));
                }
                attrs.push(subject.to_owned());
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({nargs} given)",
                    t.name()
                )));
            }
            Some(ma) => {
                let Some(items) = tuple_items(ma.as_ref()) else {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name(),
                        ma.type_().name()
                    )));
                };
                if nargs > items.len() {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({nargs} given)",
                        t.name(),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &items[..nargs] {
                    let Some(s) = Str::new(name.as_ref()) else {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_().name()
                        )));
                    };
                    seen.push(s.to_string_lossy());
                    match getattr_or_none(subject, name.as_ref())? {
                        Some(v) => attrs.push(v),
                        None => return Ok(None),
                    }
                }
            }
        }
    }
    for name in kw {
        let s = Str::new(name.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
        if seen.contains(&s) {
            return Err(PyErr::type_error(format!(
                "{}() got multiple sub-patterns for attribute '{s}'",
                t.name()
            )));
        }
        seen.push(s);
        match getattr_or_none(subject, name.as_ref())? {
            Some(v) => attrs.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(new_tuple(attrs)))
}
