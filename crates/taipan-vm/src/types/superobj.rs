//! `super`: `super()`, `super(type, obj)`, `super(type, type2)` and unbound `super(type)`.
//! Attribute lookups walk the MRO of the object's type (or of `type2`) after `type`, and bind
//! what they find to the object (CPython's `super_getattro`).

use crate::error::{PyErr, PyResult};
use crate::object::alloc::dealloc_payload;
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::as_dict;
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{GetAttrFn, PyType, StaticType, TypeFlags, UnaryFn, as_type};

/// A `super()` object.
pub struct SuperPayload {
    /// The class whose successors are searched (`__thisclass__`).
    pub cls: Object,
    /// The object the results are bound to (`__self__`), `None` for unbound super.
    pub obj: Option<Object>,
    /// The type whose MRO is searched (`__self_class__`).
    pub obj_type: Option<Object>,
}

// SAFETY: super objects are built only by `new_super` with a `SuperPayload`.
unsafe impl PyPayload for SuperPayload {
    fn type_object() -> &'static PyType {
        &SUPER_TYPE.0
    }
}

/// CPython's `supercheck`: the type whose MRO `super(cls, obj)` searches.
pub fn supercheck<'a>(cls: &PyType, obj: ObjectRef<'a>) -> PyResult<&'a PyType> {
    if let Some(t) = as_type(obj)
        && t.is_subtype(cls)
    {
        return Ok(t);
    }
    if obj.type_().is_subtype(cls) {
        return Ok(obj.type_());
    }
    let (kind, name) = match as_type(obj) {
        Some(t) => ("type", t.name().to_string()),
        None => ("instance of", obj.type_().name().to_string()),
    };
    Err(PyErr::type_error(format!(
        "super(type, obj): obj ({kind} {name}) is not an instance or subtype of type ({}).",
        cls.name()
    )))
}

/// `super(cls, obj)`.
pub fn new_super(cls: Object, obj: Option<Object>) -> PyResult<Object> {
    let Some(c) = as_type(cls.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            cls.type_().name()
        )));
    };
    let obj_type = match &obj {
        Some(o) => Some(supercheck(c, o.as_ref())?.as_object().to_owned()),
        None => None,
    };
    Ok(crate::object::alloc::new_object(&SUPER_TYPE.0, SuperPayload { cls, obj, obj_type }))
}

/// Looks `name` up after `cls` in `start`'s MRO and binds it to `obj` (unbound when `obj` is
/// `start` itself); `None` if no class after `cls` has it.
pub fn super_lookup(
    cls: &PyType,
    obj: ObjectRef<'_>,
    start: &PyType,
    name: ObjectRef<'_>,
) -> PyResult<Option<Object>> {
    let mro = crate::types::classnew::mro_of(start);
    let Some(i) = mro.iter().position(|t| t.as_ref().is(cls.as_object())) else {
        return Ok(None);
    };
    for t in &mro[i + 1..] {
        let Some(tt) = as_type(t.as_ref()) else { continue };
        let d = crate::types::typelookup::type_dict(tt);
        if let Some(res) = as_dict(d.as_ref()).expect("dict").get_item(name)? {
            return match res.type_().slots.descr_get.get() {
                Some(get) => {
                    let inst = if obj.is(start.as_object()) { None } else { Some(obj) };
                    get(res.as_ref(), inst, Some(start.as_object())).map(Some)
                }
                None => Ok(Some(res)),
            };
        }
    }
    Ok(None)
}

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

fn super_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<SuperPayload>().expect("super");
    let cls = as_type(p.cls.as_ref()).expect("type");
    let s = Str::new(name).and_then(|s| s.as_str());
    if let (Some(obj), Some(start)) = (&p.obj, &p.obj_type)
        && s != Some("__class__")
    {
        let start = as_type(start.as_ref()).expect("type");
        if let Some(v) = super_lookup(cls, obj.as_ref(), start, name)? {
            return Ok(v);
        }
    }
    match s {
        Some("__thisclass__") => return Ok(p.cls.clone()),
        Some("__self__") => return Ok(p.obj.clone().unwrap_or_else(none)),
        Some("__self_class__") => return Ok(p.obj_type.clone().unwrap_or_else(none)),
        _ => {}
    }
    crate::attr::generic_getattr(o, name).map_err(|e| {
        if e.matches(&ATTRIBUTE_ERROR) {
            PyErr::new(
                &ATTRIBUTE_ERROR,
                format!("'super' object has no attribute '{}'", text(name)),
            )
        } else {
            e
        }
    })
}

fn super_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<SuperPayload>().expect("super");
    let cls = as_type(p.cls.as_ref()).expect("type");
    Ok(new_str(&match &p.obj_type {
        Some(t) => format!(
            "<super: <class '{}'>, <{} object>>",
            cls.name(),
            as_type(t.as_ref()).expect("type").name()
        ),
        None => format!("<super: <class '{}'>, NULL>", cls.name()),
    }))
}

fn super_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<SuperPayload>().expect("super");
    visit(p.cls.as_ref());
    if let Some(x) = &p.obj {
        visit(x.as_ref());
    }
    if let Some(x) = &p.obj_type {
        visit(x.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead super object.
unsafe fn super_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: super objects carry a `SuperPayload`.
    unsafe { dealloc_payload::<SuperPayload>(obj) }
}

pub static SUPER_TYPE: StaticType = StaticType(PyType::new_static(
    "super",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SuperPayload>(),
    0,
    TypeFlags::HAVE_GC,
    209,
    super_dealloc,
    Some(super_traverse),
    crate::types::typeobject::Slots {
        repr: crate::types::typeobject::slot(super_repr as UnaryFn),
        getattr: crate::types::typeobject::slot(super_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));
