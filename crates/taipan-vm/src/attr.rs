//! The attribute protocol: `getattr`, `setattr`/`delattr` with the generic lookup CPython's
//! `PyObject_GenericGetAttr` and `type_getattro` do (type attributes found through the method
//! cache, descriptors bound through `descr_get`/`descr_set`). Instance `__dict__`s come with
//! Python classes' instances; until then an object's attributes are its type's.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::str::Str;
use crate::types::typelookup::type_lookup;
use crate::types::typeobject::as_type;

fn attribute_error(msg: String) -> PyErr {
    PyErr::new(&ATTRIBUTE_ERROR, msg)
}

fn check_name(name: ObjectRef<'_>) -> PyResult<Str<'_>> {
    Str::new(name).ok_or_else(|| {
        PyErr::type_error(format!("attribute name must be string, not '{}'", name.type_().name()))
    })
}

/// `getattr(o, name)`.
pub fn getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    check_name(name)?;
    match o.type_().slots.getattr.get() {
        Some(f) => f(o, name),
        None if as_type(o).is_some() => type_getattr(o, name),
        None => generic_getattr(o, name),
    }
}

/// Binds what a type lookup found to `instance` (or to the type alone, for `instance = None`).
fn bind(attr: Object, instance: Option<ObjectRef<'_>>, owner: ObjectRef<'_>) -> PyResult<Object> {
    match attr.type_().slots.descr_get.get() {
        Some(get) => get(attr.as_ref(), instance, Some(owner)),
        None => Ok(attr),
    }
}

/// `PyObject_GenericGetAttr`, without instance dicts yet.
pub fn generic_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let s = check_name(name)?;
    let ty = o.type_();
    match type_lookup(ty, name)? {
        Some(attr) => bind(attr, Some(o), ty.as_object()),
        None if s.as_str() == Some("__class__") => Ok(ty.as_object().to_owned()),
        None => Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            ty.name(),
            s.to_string_lossy()
        ))),
    }
}

/// Attribute lookup on a type object: its own MRO first, then its metatype's.
pub fn type_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let s = check_name(name)?;
    let ty = as_type(o).expect("a type");
    let meta = o.type_();
    // A data descriptor of the metatype (`__name__`, `__dict__`, `__mro__`, ...) wins.
    let meta_attr = type_lookup(meta, name)?;
    if let Some(ma) = &meta_attr
        && ma.type_().slots.descr_set.get().is_some()
        && let Some(get) = ma.type_().slots.descr_get.get()
    {
        return get(ma.as_ref(), Some(o), Some(meta.as_object()));
    }
    if let Some(attr) = type_lookup(ty, name)? {
        return bind(attr, None, o);
    }
    if let Some(attr) = meta_attr {
        return bind(attr, Some(o), meta.as_object());
    }
    Err(attribute_error(format!(
        "type object '{}' has no attribute '{}'",
        ty.name(),
        s.to_string_lossy()
    )))
}

/// `setattr(o, name, value)`, or `delattr(o, name)` for `value = None`.
pub fn setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    value: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    check_name(name)?;
    if let Some(f) = o.type_().slots.setattr.get() {
        return f(o, name, value);
    }
    if as_type(o).is_some() {
        return crate::types::instance::type_setattr(o, name, value);
    }
    setattr_without_dict(o, name, value)
}

/// Setting an attribute on an object with no instance dict: through a data descriptor on its
/// type, else AttributeError (what a native type's own `setattr` slot falls back to).
pub fn setattr_without_dict(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    value: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let s = check_name(name)?;
    let ty = o.type_();
    if let Some(attr) = type_lookup(ty, name)? {
        if let Some(set) = attr.type_().slots.descr_set.get() {
            return set(attr.as_ref(), o, value);
        }
        // No instance dict to shadow it in, and not a data descriptor.
        return Err(attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            ty.name(),
            s.to_string_lossy()
        )));
    }
    Err(attribute_error(format!(
        "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
        ty.name(),
        s.to_string_lossy()
    )))
}
