//! `getset_descriptor` (a computed attribute of a built-in type: `int.real`,
//! `function.__name__`) and `member_descriptor` (a stored field: `range.start`,
//! `BaseException.args`, a `__slots__` entry). Both are data descriptors; they share a payload
//! and a private base type.

use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::singletons::none;
use crate::types::str::{Str, intern, new_str};
use crate::types::typeobject::{
    DescrGetFn, DescrSetFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub type GetterFn = fn(ObjectRef<'_>) -> PyResult<Object>;
pub type SetterFn = fn(ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>;

/// Where a getset or member descriptor gets its value.
pub enum GetSetImpl {
    /// Native accessors; no setter means read-only.
    Native(GetterFn, Option<SetterFn>),
    /// A callable called with the instance (the getter of a read-only attribute registered as a
    /// property before the surface tables existed).
    Getter(Object),
    /// The instance type's own `getattr`/`setattr` slot, which answers the name itself (the
    /// attribute was implemented there); guarded so that a slot falling back to the generic
    /// lookup does not come back here forever.
    Delegate,
}

pub struct GetSetPayload {
    name: &'static str,
    /// The type whose dict holds the descriptor (`__objclass__`); owned, since it may be a heap
    /// type (a class's `__dict__` descriptor).
    owner: Object,
    imp: GetSetImpl,
}

impl GetSetPayload {
    fn owner(&self) -> &PyType {
        crate::types::typeobject::as_type(self.owner.as_ref()).expect("a type")
    }
}

// SAFETY: getset and member descriptors are made only by `new_getset`/`new_member` with this
// payload, and both types derive from `DESCR_BASE`.
unsafe impl PyPayload for GetSetPayload {
    fn type_object() -> &'static PyType {
        &DESCR_BASE.0
    }
}

/// A `getset_descriptor` for `owner.name`.
pub fn new_getset(owner: &PyType, name: &'static str, imp: GetSetImpl) -> Object {
    let owner = owner.as_object().to_owned();
    new_object(&GETSET_DESCRIPTOR_TYPE.0, GetSetPayload { name, owner, imp })
}

/// A `member_descriptor` for `owner.name`.
pub fn new_member(owner: &PyType, name: &'static str, imp: GetSetImpl) -> Object {
    let owner = owner.as_object().to_owned();
    new_object(&MEMBER_DESCRIPTOR_TYPE.0, GetSetPayload { name, owner, imp })
}

fn payload(o: ObjectRef<'_>) -> &GetSetPayload {
    o.payload::<GetSetPayload>().expect("getset descriptor")
}

thread_local! {
    /// (object id, descriptor id) pairs whose delegated lookup is in progress.
    static DELEGATING: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` unless the same (object, descriptor) delegation is already running.
fn guarded<T>(
    o: ObjectRef<'_>,
    d: ObjectRef<'_>,
    f: impl FnOnce() -> PyResult<T>,
) -> Option<PyResult<T>> {
    let key = (o.id(), d.id());
    if DELEGATING.with(|s| s.borrow().contains(&key)) {
        return None;
    }
    DELEGATING.with(|s| s.borrow_mut().push(key));
    let r = f();
    DELEGATING.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|k| *k == key) {
            s.remove(i);
        }
    });
    Some(r)
}

fn check_instance(p: &GetSetPayload, inst: ObjectRef<'_>) -> PyResult<()> {
    if inst.type_().is_subtype(p.owner())
        || (std::ptr::eq(p.owner(), &crate::types::typeobject::TYPE_TYPE.0)
            && crate::types::typeobject::as_type(inst).is_some())
    {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        p.name,
        p.owner().name(),
        inst.type_().name()
    )))
}

fn descr_get(
    d: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let Some(inst) = inst else { return Ok(d.to_owned()) };
    let p = payload(d);
    check_instance(p, inst)?;
    match &p.imp {
        GetSetImpl::Native(get, _) => get(inst),
        GetSetImpl::Getter(f) => crate::ops::call(f.as_ref(), &[inst.to_owned()], None),
        GetSetImpl::Delegate => {
            let missing = || {
                PyErr::new(
                    &ATTRIBUTE_ERROR,
                    format!("'{}' object has no attribute '{}'", inst.type_().name(), p.name),
                )
            };
            let name = intern(p.name);
            // Without a slot of its own, or when that slot came back here: the value is what the
            // instance's `__dict__` holds, as for an attribute stored there.
            let from_dict = || -> PyResult<Object> {
                let Some(dict) = crate::types::instance::instance_dict(inst) else {
                    return Err(missing());
                };
                if p.name == "__dict__" {
                    return Ok(dict);
                }
                crate::types::dict::as_dict(dict.as_ref())
                    .expect("dict")
                    .get_item(name.as_ref())?
                    .ok_or_else(missing)
            };
            let Some(f) = inst.type_().slots.getattr.get() else { return from_dict() };
            guarded(inst, d, || f(inst, name.as_ref())).unwrap_or_else(from_dict)
        }
    }
}

fn not_writable(p: &GetSetPayload, member: bool) -> PyErr {
    PyErr::new(
        &ATTRIBUTE_ERROR,
        if member {
            "readonly attribute".to_string()
        } else {
            format!("attribute '{}' of '{}' objects is not writable", p.name, p.owner().name())
        },
    )
}

fn descr_set(d: ObjectRef<'_>, inst: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let p = payload(d);
    check_instance(p, inst)?;
    let member = std::ptr::eq(d.type_(), &MEMBER_DESCRIPTOR_TYPE.0);
    match &p.imp {
        GetSetImpl::Native(_, Some(set)) => set(inst, v),
        GetSetImpl::Native(_, None) | GetSetImpl::Getter(_) => Err(not_writable(p, member)),
        GetSetImpl::Delegate => {
            let name = intern(p.name);
            let to_dict = || -> PyResult<()> {
                let Some(dict) = crate::types::instance::instance_dict(inst) else {
                    return Err(not_writable(p, member));
                };
                let dd = crate::types::dict::as_dict(dict.as_ref()).expect("dict");
                match v {
                    Some(v) => dd.set_item(name.clone(), v.to_owned()),
                    None => match dd.del_item(name.as_ref())? {
                        Some(_) => Ok(()),
                        None => Err(PyErr::new(&ATTRIBUTE_ERROR, p.name.to_string())),
                    },
                }
            };
            let Some(f) = inst.type_().slots.setattr.get() else { return to_dict() };
            guarded(inst, d, || f(inst, name.as_ref(), v)).unwrap_or_else(to_dict)
        }
    }
}

fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o);
    let what =
        if std::ptr::eq(o.type_(), &MEMBER_DESCRIPTOR_TYPE.0) { "member" } else { "attribute" };
    Ok(new_str(&format!("<{what} '{}' of '{}' objects>", p.name, p.owner().name())))
}

fn getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o);
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(new_str(p.name)),
        Some("__qualname__") => Ok(new_str(&format!("{}.{}", p.owner().name(), p.name))),
        Some("__objclass__") => Ok(p.owner.clone()),
        Some("__doc__") => Ok(none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = payload(o);
    visit(p.owner.as_ref());
    if let GetSetImpl::Getter(f) = &p.imp {
        visit(f.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead getset or member descriptor.
unsafe fn dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: these carry a `GetSetPayload`.
    unsafe { dealloc_payload::<GetSetPayload>(obj) }
}

const fn descr_slots() -> Slots {
    Slots {
        repr: slot(repr as UnaryFn),
        descr_get: slot(descr_get as DescrGetFn),
        descr_set: slot(descr_set as DescrSetFn),
        getattr: slot(getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    }
}

/// Private common base of the two descriptor types (hidden from `__mro__` and `dir()`).
pub static DESCR_BASE: StaticType = StaticType(PyType::new_static(
    "getset_member_base",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<GetSetPayload>(),
    0,
    TypeFlags::HAVE_GC,
    302,
    dealloc,
    Some(traverse),
    descr_slots(),
));

pub static GETSET_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "getset_descriptor",
    Some(&DESCR_BASE.0),
    std::mem::size_of::<GetSetPayload>(),
    0,
    TypeFlags::HAVE_GC,
    303,
    dealloc,
    Some(traverse),
    descr_slots(),
));

pub static MEMBER_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "member_descriptor",
    Some(&DESCR_BASE.0),
    std::mem::size_of::<GetSetPayload>(),
    0,
    TypeFlags::HAVE_GC,
    304,
    dealloc,
    Some(traverse),
    descr_slots(),
));
