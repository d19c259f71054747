//! `module`: a namespace object whose attributes live in its `__dict__` (the module's globals).

use crate::attr::generic_getattr;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{
    GetAttrFn, PyType, SetAttrFn, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct ModulePayload {
    pub dict: Object,
}

// SAFETY: modules are built only by `new_module` with a `ModulePayload`.
unsafe impl PyPayload for ModulePayload {
    fn type_object() -> &'static PyType {
        &MODULE_TYPE.0
    }
}

/// A module named `name` with a fresh dict holding `__name__` (and `__doc__ = None` etc.).
pub fn new_module(name: &str) -> Object {
    let dict = new_dict();
    let d = as_dict(dict.as_ref()).expect("dict");
    let _ = d.set_str("__name__", new_str(name));
    let _ = d.set_str("__doc__", crate::types::singletons::none());
    let _ = d.set_str("__package__", crate::types::singletons::none());
    let _ = d.set_str("__loader__", crate::types::singletons::none());
    let _ = d.set_str("__spec__", crate::types::singletons::none());
    new_object(&MODULE_TYPE.0, ModulePayload { dict })
}

/// `module(name, doc=None)` (`types.ModuleType`).
pub fn module_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = new_blank(&MODULE_TYPE.0);
    module_init(m.as_ref(), args, kw)?;
    Ok(m)
}

/// `module.__new__(cls)` for a Python subclass: a module of that class with an empty dict (its
/// `__init__` fills it).
pub fn new_blank(ty: &PyType) -> Object {
    new_object(ty, ModulePayload { dict: new_dict() })
}

/// `module.__init__(self, name, doc=None)`: `__name__` and `__doc__`, and the import attributes
/// (`__package__`, `__loader__`, `__spec__`) set to None.
fn module_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let mut a = crate::builtins::args::Args::new(args, kw);
    let name_kw = a.take_kw("name").cloned();
    let doc_kw = a.take_kw("doc").cloned();
    a.no_kw("module")?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let name =
        a.pos.first().cloned().or(name_kw).ok_or_else(|| {
            PyErr::type_error("module() missing required argument 'name' (pos 1)")
        })?;
    if Str::new(name.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.type_().name()
        )));
    }
    let none = crate::types::singletons::none;
    let d = module_dict(o).and_then(as_dict).expect("module dict");
    d.set_str("__name__", name)?;
    d.set_str("__doc__", a.pos.get(1).cloned().or(doc_kw).unwrap_or_else(none))?;
    for key in ["__package__", "__loader__", "__spec__"] {
        d.set_str(key, none())?;
    }
    Ok(())
}

pub fn module_dict(o: ObjectRef<'_>) -> Option<ObjectRef<'_>> {
    o.payload::<ModulePayload>().map(|m| m.dict.as_ref())
}

fn module_name(o: ObjectRef<'_>) -> String {
    module_dict(o)
        .and_then(|d| as_dict(d)?.get_str("__name__").ok().flatten())
        .and_then(|n| crate::types::str::str_to_string(n.as_ref()))
        .unwrap_or_else(|| "?".into())
}

fn dict_get(o: ObjectRef<'_>, key: &str) -> Option<Object> {
    module_dict(o)
        .and_then(|d| as_dict(d)?.get_str(key).ok().flatten())
        .filter(|v| !crate::types::singletons::is_none(v.as_ref()))
}

fn attr_opt(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, crate::types::str::intern(name).as_ref()) {
        Ok(v) if crate::types::singletons::is_none(v.as_ref()) => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// CPython's module repr: from the spec (`from 'file'`, `(built-in)`, `(namespace) from [...]`),
/// else `__file__`, else the loader.
fn module_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let name = dict_get(o, "__name__")
        .map(|n| crate::ops::repr_string(n.as_ref()))
        .transpose()?
        .unwrap_or_else(|| "'?'".into());
    if let Some(spec) = dict_get(o, "__spec__") {
        let origin = attr_opt(spec.as_ref(), "origin")?;
        let has_location = attr_opt(spec.as_ref(), "has_location")?
            .map(|h| crate::ops::is_true(h.as_ref()))
            .transpose()?
            .unwrap_or(false);
        let locations = attr_opt(spec.as_ref(), "submodule_search_locations")?;
        return Ok(new_str(&match (origin, has_location) {
            (Some(origin), true) => {
                format!("<module {name} from {}>", crate::ops::repr_string(origin.as_ref())?)
            }
            (Some(origin), false) => {
                format!("<module {name} ({})>", crate::ops::str_string(origin.as_ref())?)
            }
            (None, _) => match (locations, attr_opt(spec.as_ref(), "loader")?) {
                (Some(l), _) => {
                    format!(
                        "<module {name} (namespace) from {}>",
                        crate::ops::repr_string(l.as_ref())?
                    )
                }
                (None, Some(loader)) => {
                    format!("<module {name} ({})>", crate::ops::repr_string(loader.as_ref())?)
                }
                (None, None) => format!("<module {name}>"),
            },
        }));
    }
    if let Some(f) = dict_get(o, "__file__") {
        return Ok(new_str(&format!(
            "<module {name} from {}>",
            crate::ops::repr_string(f.as_ref())?
        )));
    }
    if let Some(l) = dict_get(o, "__loader__") {
        return Ok(new_str(&format!("<module {name} ({})>", crate::ops::repr_string(l.as_ref())?)));
    }
    let builtin = matches!(name.as_str(), "'sys'" | "'builtins'");
    Ok(new_str(&if builtin {
        format!("<module {name} (built-in)>")
    } else {
        format!("<module {name}>")
    }))
}

pub(crate) fn module_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let d = module_dict(o).and_then(as_dict).expect("module dict");
    if Str::new(name).is_some_and(|s| s.as_str() == Some("__dict__")) {
        return Ok(module_dict(o).expect("dict").to_owned());
    }
    // A subclass's data descriptors (properties) come before the module's dict, as for any
    // instance.
    if !std::ptr::eq(o.type_(), &MODULE_TYPE.0)
        && let Some(attr) = crate::types::typelookup::type_lookup(o.type_(), name)?
        && attr.type_().slots.descr_set.get().is_some()
    {
        return generic_getattr(o, name);
    }
    if let Some(v) = d.get_item(name)? {
        return Ok(v);
    }
    if Str::new(name).is_some_and(|s| s.as_str() == Some("__annotations__")) {
        // PEP 649: made by the module's `__annotate__`, then kept.
        let value = match d.get_str("__annotate__")? {
            Some(f) if !crate::types::singletons::is_none(f.as_ref()) => {
                crate::ops::call(f.as_ref(), &[crate::types::int::new_int_i64(1)], None)?
            }
            _ => crate::types::dict::new_dict(),
        };
        d.set_str("__annotations__", value.clone())?;
        return Ok(value);
    }
    match generic_getattr(o, name) {
        Ok(v) => return Ok(v),
        Err(e) if !e.matches(&ATTRIBUTE_ERROR) => return Err(e),
        Err(_) => {}
    }
    // PEP 562: the module's own `__getattr__`.
    if let Some(f) = d.get_str("__getattr__")? {
        return crate::ops::call(f.as_ref(), &[name.to_owned()], None);
    }
    let attr = Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default();
    let initializing = dict_get(o, "__spec__")
        .and_then(|s| attr_opt(s.as_ref(), "_initializing").ok().flatten())
        .is_some_and(|v| crate::ops::is_true(v.as_ref()).unwrap_or(false));
    let msg = if initializing {
        format!(
            "partially initialized module '{}' has no attribute '{attr}' (most likely due to a circular import)",
            module_name(o)
        )
    } else {
        format!("module '{}' has no attribute '{attr}'", module_name(o))
    };
    Err(PyErr::new(&ATTRIBUTE_ERROR, msg))
}

pub(crate) fn module_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    // Data descriptors of the type come first (`__class__`, a subclass's properties).
    if let Some(attr) = crate::types::typelookup::type_lookup(o.type_(), name)?
        && let Some(set) = attr.type_().slots.descr_set.get()
    {
        return set(attr.as_ref(), o, v);
    }
    let d = module_dict(o).and_then(as_dict).expect("module dict");
    match v {
        Some(v) => d.set_item(name.to_owned(), v.to_owned()),
        None => match d.del_item(name)? {
            Some(_) => Ok(()),
            None => Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                format!(
                    "module '{}' has no attribute '{}'",
                    module_name(o),
                    Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default()
                ),
            )),
        },
    }
}

fn module_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    visit(o.payload::<ModulePayload>().expect("module").dict.as_ref());
}

/// # Safety
/// Called only by the deallocation path on a dead module.
unsafe fn module_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: modules carry a `ModulePayload`.
    unsafe { dealloc_payload::<ModulePayload>(obj) }
}

pub static MODULE_TYPE: StaticType = StaticType(PyType::new_static(
    "module",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ModulePayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
    202,
    module_dealloc,
    Some(module_traverse),
    Slots {
        repr: slot(module_repr as UnaryFn),
        getattr: slot(module_getattr as GetAttrFn),
        setattr: slot(module_setattr as SetAttrFn),
        init: slot(module_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    },
));
