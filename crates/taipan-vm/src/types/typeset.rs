//! The setters of `type`'s getsets: assigning `__name__`, `__qualname__`, `__module__`,
//! `__doc__` and `__bases__` of a class (CPython's `type_set_*`), with the immutable-type
//! refusals of built-in types, and the `__bases__` assignment's layout checks and MRO
//! recomputation over the class and its subclasses.

use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::heaptype::{for_each_heap_base, set_type_attr};
use crate::types::str::Str;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{PyType, TypeFlags, as_type};

fn ty_of<'a>(o: ObjectRef<'a>) -> &'a PyType {
    as_type(o).expect("a type")
}

/// Whether a type's attributes may change: heap types that are not marked immutable.
pub fn is_mutable_type(t: &PyType) -> bool {
    t.has_flag(TypeFlags::HEAPTYPE) && !t.has_flag(TypeFlags::IMMUTABLETYPE)
}

/// CPython's `check_set_special_type_attr`: the value to store, or the refusal for built-in
/// types and for deletion.
fn special_value<'a>(t: &PyType, name: &str, v: Option<ObjectRef<'a>>) -> PyResult<ObjectRef<'a>> {
    if !is_mutable_type(t) {
        return Err(PyErr::type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    v.ok_or_else(|| {
        PyErr::type_error(format!(
            "cannot delete '{name}' attribute of immutable type '{}'",
            t.name()
        ))
    })
}

/// `cls.__name__ = text`.
pub(crate) fn set_name(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    let v = special_value(t, "__name__", v)?;
    let Some(s) = Str::new(v) else {
        return Err(PyErr::type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name(),
            v.type_().name()
        )));
    };
    let text = s.to_string_lossy();
    if text.contains('\0') {
        return Err(PyErr::value_error("type name must not contain null characters"));
    }
    t.set_heap_name(&text);
    Ok(())
}

/// `cls.__qualname__ = text`.
pub(crate) fn set_qualname(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    let v = special_value(t, "__qualname__", v)?;
    if Str::new(v).is_none() {
        return Err(PyErr::type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            t.name(),
            v.type_().name()
        )));
    }
    drop(t.qualname.replace(Some(v.to_owned())));
    Ok(())
}

/// `cls.__module__ = value`: stored in the class's dict.
pub(crate) fn set_module(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let v = special_value(ty_of(o), "__module__", v)?;
    set_type_attr(o, "__module__", v.to_owned())
}

/// `cls.__doc__ = value`: stored in the class's dict.
pub(crate) fn set_doc(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let v = special_value(ty_of(o), "__doc__", v)?;
    set_type_attr(o, "__doc__", v.to_owned())
}

/// `cls.__type_params__ = v` (stored as is, as CPython does; `typing.NamedTuple` sets it).
pub(crate) fn set_type_params(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let v = special_value(ty_of(o), "__type_params__", v)?;
    set_type_attr(o, "__type_params__", v.to_owned())
}

/// `cls.__annotate__ = f`: stored as `__annotate_func__`; a new function drops the cached
/// annotations.
pub(crate) fn set_annotate(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    let Some(v) = v else {
        return Err(PyErr::type_error("cannot delete __annotate__ attribute"));
    };
    let v = special_value(t, "__annotate__", Some(v))?;
    let none = crate::types::singletons::is_none(v);
    if !none && v.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("__annotate__ must be callable or None"));
    }
    set_type_attr(o, "__annotate_func__", v.to_owned())?;
    if !none {
        let d = crate::types::typelookup::type_dict(t);
        let d = crate::types::dict::as_dict(d.as_ref()).expect("a dict");
        if d.get_str("__annotations_cache__")?.is_some() {
            crate::types::heaptype::del_type_attr(o, "__annotations_cache__")?;
        }
    }
    Ok(())
}

/// `cls.__annotations__ = d` (kept as `__annotations_cache__`, the annotate function cleared) and
/// `del cls.__annotations__`.
pub(crate) fn set_annotations(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    if !is_mutable_type(t) {
        let what = if v.is_some() { "set" } else { "delete" };
        return Err(PyErr::type_error(format!(
            "cannot {what} '__annotations__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    let d = crate::types::typelookup::type_dict(t);
    let d = crate::types::dict::as_dict(d.as_ref()).expect("a dict");
    match v {
        Some(v) => {
            set_type_attr(o, "__annotations_cache__", v.to_owned())?;
            set_type_attr(o, "__annotate_func__", crate::types::singletons::none())
        }
        None => {
            let mut found = false;
            for k in ["__annotations__", "__annotations_cache__"] {
                if d.get_str(k)?.is_some() {
                    crate::types::heaptype::del_type_attr(o, k)?;
                    found = true;
                }
            }
            if !found {
                return Err(PyErr::new(
                    &crate::types::exceptions::ATTRIBUTE_ERROR,
                    "__annotations__",
                ));
            }
            Ok(())
        }
    }
}

/// The sorted names of the slots `ty`'s own `__slots__` added (its member descriptors past the
/// base's slots).
fn own_slot_names(ty: &PyType) -> Vec<String> {
    let first = ty.base().map_or(0, |b| b.nslots.get());
    let d = crate::types::typelookup::type_dict(ty);
    let mut out: Vec<String> = crate::types::dict::as_dict(d.as_ref())
        .map(|d| d.items())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(_, v)| crate::types::member::member_slot(v.as_ref()))
        .filter(|(_, i)| *i >= first)
        .map(|(n, _)| Str::new(n.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default())
        .collect();
    out.sort();
    out
}

/// CPython's `compatible_for_assignment`: instances laid out for `old` must fit `new`.
pub(crate) fn check_compatible(old: &PyType, new: &PyType, attr: &str) -> PyResult<()> {
    if old.is_gc() != new.is_gc() {
        return Err(PyErr::type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    let (so, sn) =
        (crate::types::classnew::solid_base_pub(old), crate::types::classnew::solid_base_pub(new));
    let has_dict = crate::types::classnew::HAS_DICT;
    // Two different solid bases still fit when they add the same slots (by name, as CPython's
    // sorted `ht_slots`) to the same base.
    let same_added = |a: &PyType, b: &PyType| {
        a.has_flag(TypeFlags::HEAPTYPE)
            && b.has_flag(TypeFlags::HEAPTYPE)
            && a.base().map(|x| x as *const PyType) == b.base().map(|x| x as *const PyType)
            && a.nslots.get() == b.nslots.get()
            && a.has_flag(has_dict) == b.has_flag(has_dict)
            && own_slot_names(a) == own_slot_names(b)
    };
    // Instances with a weak-reference list do not fit a class without one (`tp_weaklistoffset`).
    let no_weakref = crate::types::weakref::NO_WEAKREF;
    if (!std::ptr::eq(so, sn) && !same_added(so, sn))
        || old.has_flag(no_weakref) != new.has_flag(no_weakref)
    {
        return Err(PyErr::type_error(format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    Ok(())
}

/// The MRO `ty` should have now: its metaclass's `mro()` if a Python class overrides it, else
/// the C3 linearisation of its bases.
pub(crate) fn compute_mro(ty: &PyType) -> PyResult<Vec<Object>> {
    crate::types::classnew::mro_for(ty)
}

/// `cls.__bases__ = (B, ...)`.
pub(crate) fn set_bases(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    let v = special_value(t, "__bases__", v)?;
    let Some(items) = tuple_items(v) else {
        return Err(PyErr::type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            t.name(),
            v.type_().name()
        )));
    };
    if items.is_empty() {
        return Err(PyErr::type_error(format!(
            "can only assign non-empty tuple to {}.__bases__, not ()",
            t.name()
        )));
    }
    for b in items {
        let Some(bt) = as_type(b.as_ref()) else {
            return Err(PyErr::type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                t.name(),
                b.type_().name()
            )));
        };
        if bt.is_subtype(t) || base_chain_reaches(bt, t) {
            return Err(PyErr::type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let items = items.to_vec();
    let new_base = crate::types::classnew::best_base(&items)?;
    let old_base = t.base().expect("a heap type has a base");
    check_compatible(old_base, new_base, "__bases__")?;

    // Swap in the new bases (owning the new base before the old one is released), moving the
    // class between its old and new bases' subclass lists.
    let me = NonNull::from(t);
    for_each_heap_base(t, |b| b.subclasses.borrow_mut().retain(|s| *s != me));
    new_base.incref_if_heap();
    let old_base_ptr = t.base.replace(new_base as *const PyType);
    let old_bases = t.bases.replace(Some(new_tuple(items)));
    for_each_heap_base(t, |b| b.subclasses.borrow_mut().push(me));

    let mut saved: Vec<(Object, Option<Object>)> = Vec::new();
    if let Err(e) = mro_hierarchy(o, &mut saved) {
        for (cls, mro) in saved.into_iter().rev() {
            drop(ty_of(cls.as_ref()).mro.replace(mro));
        }
        for_each_heap_base(t, |b| b.subclasses.borrow_mut().retain(|s| *s != me));
        let nb = t.base.replace(old_base_ptr);
        drop(t.bases.replace(old_bases));
        for_each_heap_base(t, |b| b.subclasses.borrow_mut().push(me));
        // SAFETY: the class owned the reference to the base it is giving up (docs/vm.md,
        // "Types and slots").
        unsafe { crate::types::typeobject::decref_type_if_heap(nb) };
        refresh(t);
        return Err(e);
    }
    drop(old_bases);
    refresh(t);
    // SAFETY: as above: the class owned its old base's reference; nothing borrowed from it is
    // used after this point.
    unsafe { crate::types::typeobject::decref_type_if_heap(old_base_ptr) };
    Ok(())
}

/// Whether `t` is found along `from`'s chain of layout bases.
fn base_chain_reaches(from: &PyType, t: &PyType) -> bool {
    let mut c = Some(from);
    while let Some(x) = c {
        if std::ptr::eq(x, t) {
            return true;
        }
        c = x.base();
    }
    false
}

/// Recomputes the MRO of `cls` and of its subclasses, recording each previous one in `saved`
/// (CPython's `mro_hierarchy`).
fn mro_hierarchy(cls: ObjectRef<'_>, saved: &mut Vec<(Object, Option<Object>)>) -> PyResult<()> {
    let mut pending: Vec<Object> = vec![cls.to_owned()];
    while let Some(c) = pending.pop() {
        let t = ty_of(c.as_ref());
        let mro = compute_mro(t)?;
        let old = t.mro.replace(Some(new_tuple(mro)));
        saved.push((c.clone(), old));
        // SAFETY: a subclass in the list is alive: it removes itself when freed (docs/vm.md,
        // "Version tags and the method cache"); we take a reference before any Python code runs.
        let subs: Vec<Object> = t
            .subclasses
            .borrow()
            .iter()
            .map(|p| unsafe { p.as_ref() }.as_object().to_owned())
            .collect();
        pending.extend(subs.into_iter().rev());
    }
    Ok(())
}

/// After a change of bases: drops the version tags and re-derives the slots of `t` and of its
/// subclasses.
fn refresh(t: &PyType) {
    t.modified();
    let mut pending: Vec<NonNull<PyType>> = vec![NonNull::from(t)];
    while let Some(p) = pending.pop() {
        // SAFETY: `t` is borrowed; subclasses in the lists are alive (docs/vm.md, "Version tags
        // and the method cache").
        let x = unsafe { p.as_ref() };
        crate::types::instance::fixup_slots(x);
        pending.extend(x.subclasses.borrow().iter().copied());
    }
}
