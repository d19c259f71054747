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

pub fn module_dict(o: ObjectRef<'_>) -> Option<ObjectRef<'_>> {
    o.payload::<ModulePayload>().map(|m| m.dict.as_ref())
}

fn module_name(o: ObjectRef<'_>) -> String {
    module_dict(o)
        .and_then(|d| as_dict(d)?.get_str("__name__").ok().flatten())
        .and_then(|n| crate::types::str::str_to_string(n.as_ref()))
        .unwrap_or_else(|| "?".into())
}

fn module_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let name = module_name(o);
    let builtin = matches!(name.as_str(), "sys" | "builtins");
    Ok(new_str(&if builtin {
        format!("<module '{name}' (built-in)>")
    } else {
        format!("<module '{name}'>")
    }))
}

fn module_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let d = module_dict(o).and_then(as_dict).expect("module dict");
    if let Some(v) = d.get_item(name)? {
        return Ok(v);
    }
    if Str::new(name).is_some_and(|s| s.as_str() == Some("__dict__")) {
        return Ok(module_dict(o).expect("dict").to_owned());
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
    generic_getattr(o, name).map_err(|_| {
        PyErr::new(
            &ATTRIBUTE_ERROR,
            format!(
                "module '{}' has no attribute '{}'",
                module_name(o),
                Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default()
            ),
        )
    })
}

fn module_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
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
        ..crate::types::object::object_slots()
    },
));
