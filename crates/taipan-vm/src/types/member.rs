//! `member_descriptor`: the descriptor `__slots__` puts in a class for each slot name. It reads
//! and writes one value of an instance's slot storage (`instance::with_slot_storage`), by index.

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{
    DescrGetFn, DescrSetFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

pub struct MemberPayload {
    /// The class that declared the slot.
    owner: Object,
    /// The (mangled) slot name.
    name: Object,
    /// Position in the instance's slot storage.
    index: usize,
}

// SAFETY: member descriptors are built only by `new_member` with a `MemberPayload`.
unsafe impl PyPayload for MemberPayload {
    fn type_object() -> &'static PyType {
        &MEMBER_DESCRIPTOR_TYPE.0
    }
}

/// The slot index a member descriptor reads and writes (`None` for any other object).
pub(crate) fn member_index(d: ObjectRef<'_>) -> Option<usize> {
    d.payload::<MemberPayload>().map(|p| p.index)
}

/// The slot name and index of a member descriptor (`None` for any other object).
pub(crate) fn member_slot(d: ObjectRef<'_>) -> Option<(Object, usize)> {
    d.payload::<MemberPayload>().map(|p| (p.name.clone(), p.index))
}

/// A member descriptor for slot `name` of class `owner`, stored at `index`.
pub fn new_member(owner: Object, name: Object, index: usize) -> Object {
    new_object(&MEMBER_DESCRIPTOR_TYPE.0, MemberPayload { owner, name, index })
}

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

fn owner_type(p: &MemberPayload) -> &PyType {
    as_type(p.owner.as_ref()).expect("a member's owner is a type")
}

fn check(p: &MemberPayload, inst: ObjectRef<'_>) -> PyResult<()> {
    let owner = owner_type(p);
    if inst.type_().is_subtype(owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        text(p.name.as_ref()),
        owner.name(),
        inst.type_().name()
    )))
}

fn missing(p: &MemberPayload, inst: ObjectRef<'_>) -> PyErr {
    PyErr::new(
        &ATTRIBUTE_ERROR,
        format!("'{}' object has no attribute '{}'", inst.type_().name(), text(p.name.as_ref())),
    )
}

fn member_get(
    d: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = d.payload::<MemberPayload>().expect("member");
    let Some(inst) = inst else { return Ok(d.to_owned()) };
    check(p, inst)?;
    let v = crate::types::instance::with_slot_storage(inst, |s| {
        s.borrow().get(p.index).cloned().flatten()
    })
    .flatten();
    v.ok_or_else(|| missing(p, inst))
}

fn member_set(d: ObjectRef<'_>, inst: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let p = d.payload::<MemberPayload>().expect("member");
    check(p, inst)?;
    let deleting = v.is_none();
    let old = crate::types::instance::with_slot_storage(inst, |s| {
        let mut s = s.borrow_mut();
        if s.len() <= p.index {
            s.resize(p.index + 1, None);
        }
        std::mem::replace(&mut s[p.index], v.map(|v| v.to_owned()))
    });
    match old {
        None => Err(missing(p, inst)),
        Some(None) if deleting => Err(missing(p, inst)),
        Some(old) => {
            drop(old);
            Ok(())
        }
    }
}

fn member_repr(d: ObjectRef<'_>) -> PyResult<Object> {
    let p = d.payload::<MemberPayload>().expect("member");
    Ok(new_str(&format!(
        "<member '{}' of '{}' objects>",
        text(p.name.as_ref()),
        owner_type(p).name()
    )))
}

fn member_getattr(d: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = d.payload::<MemberPayload>().expect("member");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(p.name.clone()),
        Some("__qualname__") => {
            Ok(new_str(&format!("{}.{}", owner_type(p).name(), text(p.name.as_ref()))))
        }
        Some("__objclass__") => Ok(p.owner.clone()),
        Some("__doc__") => Ok(crate::types::singletons::none()),
        _ => crate::attr::generic_getattr(d, name),
    }
}

fn method_get(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__get__", 1, 2)?;
    let d = s.expect("self");
    let inst = Some(args[0].as_ref()).filter(|i| !crate::types::singletons::is_none(*i));
    if inst.is_none() && args.get(1).is_none_or(|o| crate::types::singletons::is_none(o.as_ref())) {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    member_get(d, inst, args.get(1).map(|o| o.as_ref()))
}

fn method_set(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__set__", 2, 2)?;
    member_set(s.expect("self"), args[0].as_ref(), Some(args[1].as_ref()))?;
    Ok(crate::types::singletons::none())
}

fn method_delete(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__delete__", 1, 1)?;
    member_set(s.expect("self"), args[0].as_ref(), None)?;
    Ok(crate::types::singletons::none())
}

/// Registers `__get__`, `__set__` and `__delete__` on the slot member type.
pub(crate) fn register() {
    let t = &MEMBER_DESCRIPTOR_TYPE.0;
    for (n, f) in [
        ("__get__", method_get as crate::types::function::NativeFn),
        ("__set__", method_set),
        ("__delete__", method_delete),
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            t,
            n,
            crate::types::function::new_method_descriptor(t, n, f),
        );
    }
}

fn member_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<MemberPayload>().expect("member");
    visit(p.owner.as_ref());
    visit(p.name.as_ref());
}

/// # Safety
/// Called only by the deallocation path on a dead member descriptor.
unsafe fn member_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: member descriptors carry a `MemberPayload` (see `new_member`).
    unsafe { dealloc_payload::<MemberPayload>(obj) }
}

pub static MEMBER_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "member_descriptor",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MemberPayload>(),
    0,
    TypeFlags::HAVE_GC,
    240,
    member_dealloc,
    Some(member_traverse),
    Slots {
        repr: slot(member_repr as UnaryFn),
        getattr: slot(member_getattr as GetAttrFn),
        descr_get: slot(member_get as DescrGetFn),
        descr_set: slot(member_set as DescrSetFn),
        ..crate::types::object::object_slots()
    },
));
