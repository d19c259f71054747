//! Heap types: type objects made at run time (what a `class` statement will produce), refcounted
//! containers that inherit their base's layout and slots, own a reference to their base, and get
//! fresh version tags. The namespace machinery (`__dict__` lookups, dunder-to-slot updates, MRO
//! for multiple inheritance) comes with the eval loop.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{alloc_object, free_object};
use crate::object::{HEADER_SIZE, Object, ObjectRef, PyObject};
use crate::types::dict::{as_dict, new_dict};
use crate::types::typeobject::{
    FIRST_HEAP_VERSION_TAG, PyType, Slots, TYPE_TYPE, TypeFlags, as_type, decref_type_if_heap,
};

/// The flags a subclass inherits from its base.
const INHERITED: TypeFlags = TypeFlags(
    TypeFlags::HAVE_GC.0
        | TypeFlags::LONG_SUBCLASS.0
        | TypeFlags::LIST_SUBCLASS.0
        | TypeFlags::TUPLE_SUBCLASS.0
        | TypeFlags::BYTES_SUBCLASS.0
        | TypeFlags::UNICODE_SUBCLASS.0
        | TypeFlags::DICT_SUBCLASS.0
        | TypeFlags::BASE_EXC_SUBCLASS.0
        | TypeFlags::TYPE_SUBCLASS.0
        | crate::types::instance::INSTANCE_DICT.0,
);

fn type_payload_layout() -> Layout {
    Layout::from_size_align(std::mem::size_of::<PyType>() - HEADER_SIZE, 8).expect("layout")
}

/// The next heap-type version tag (per interpreter; 0 once exhausted).
static NEXT_VERSION_TAG: crate::gil::GilCell<Cell<u32>> =
    crate::gil::GilCell::new(Cell::new(FIRST_HEAP_VERSION_TAG));

fn next_version_tag() -> u32 {
    let v = NEXT_VERSION_TAG.get();
    if v != 0 {
        NEXT_VERSION_TAG.set(v.checked_add(1).unwrap_or(0));
    }
    v
}

/// Creates a heap type named `name` deriving from `base`: it shares the base's instance layout,
/// deallocator and traverse function, and starts with a copy of its slots.
pub fn new_heap_type(name: &str, base: &PyType) -> PyResult<Object> {
    new_heap_type_with_layout(name, base, None)
}

/// A heap instance layout different from the base's: the payload size, deallocator, traverse
/// function and extra flags (used for Python classes deriving from `object`, whose instances
/// carry a `__dict__`).
pub struct InstanceLayout {
    pub basicsize: usize,
    pub dealloc: crate::types::typeobject::DeallocFn,
    pub traverse: Option<crate::types::typeobject::TraverseFn>,
    pub flags: TypeFlags,
}

/// `new_heap_type`, optionally with its own instance layout.
pub fn new_heap_type_with_layout(
    name: &str,
    base: &PyType,
    layout: Option<InstanceLayout>,
) -> PyResult<Object> {
    let bases = crate::types::tuple::new_tuple(vec![base.as_object().to_owned()]);
    new_heap_type_full(&TYPE_TYPE.0, name, base, bases, layout)
}

/// A heap type whose type is `meta` (`type` or a metaclass deriving from it), with `base` as its
/// layout base (`__base__`) and `bases` (a tuple) as `__bases__`. The MRO is set by the caller.
pub fn new_heap_type_full(
    meta: &PyType,
    name: &str,
    base: &PyType,
    bases: Object,
    layout: Option<InstanceLayout>,
) -> PyResult<Object> {
    debug_assert!(meta.is_subtype(&TYPE_TYPE.0));
    if !base.has_flag(TypeFlags::BASETYPE) {
        return Err(PyErr::type_error(format!(
            "type '{}' is not an acceptable base type",
            base.name()
        )));
    }
    base.incref_if_heap();
    let extra = layout.as_ref().map_or(0, |l| l.flags.0);
    let ty = PyType {
        ob_base: PyObject::new_immortal(&TYPE_TYPE.0),
        name: Cell::new(""),
        names: RefCell::new(Vec::new()),
        basicsize: layout.as_ref().map_or(base.basicsize, |l| l.basicsize),
        itemsize: base.itemsize,
        flags: TypeFlags(
            TypeFlags::HEAPTYPE.0 | TypeFlags::BASETYPE.0 | (base.flags.0 & INHERITED.0) | extra,
        ),
        base: Cell::new(base as *const PyType),
        mro: Cell::new(None),
        bases: Cell::new(Some(bases)),
        qualname: Cell::new(None),
        nslots: Cell::new(base.nslots.get()),
        is_abstract: Cell::new(false),
        collection_flags: Cell::new(0),
        dict: Cell::new(Some(new_dict())),
        version_tag: Cell::new(next_version_tag()),
        subclasses: RefCell::new(Vec::new()),
        shared_keys: RefCell::new(Vec::new()),
        shared_keys_bloom: std::cell::Cell::new(0),
        dealloc: layout.as_ref().map_or(base.dealloc, |l| l.dealloc),
        traverse: layout.as_ref().map_or(base.traverse, |l| l.traverse),
        slots: Slots::inherit(&base.slots),
    };
    let obj = alloc_object(meta, type_payload_layout());
    // SAFETY: the allocation holds a header and a type-sized payload right after it, i.e. room
    // for a whole `PyType` at the header; we keep the header `alloc_object` wrote (refcount 1,
    // type `type`) and move the rest of `ty` in (docs/vm.md, "Object layout").
    unsafe {
        let header = std::ptr::read(obj.as_ptr());
        let p = obj.cast::<PyType>().as_ptr();
        p.write(ty);
        std::ptr::write(obj.as_ptr(), header);
        // Every heap base (not only the layout base) lists it, so that a change to any of them
        // reaches it; the deallocator removes it from the same lists.
        let me = &*p;
        me.set_heap_name(name);
        for_each_heap_base(me, |b| b.subclasses.borrow_mut().push(obj.cast::<PyType>()));
        Ok(Object::from_raw(obj))
    }
}

/// The current version tag of a type, assigning a fresh one to a heap type whose tag was dropped
/// by `modified()`; 0 if the counter is exhausted (caches then stay off for that type).
pub fn ensure_version_tag(ty: &PyType) -> u32 {
    let v = ty.version_tag.get();
    if v == 0 && ty.has_flag(TypeFlags::HEAPTYPE) {
        let fresh = next_version_tag();
        ty.version_tag.set(fresh);
        return fresh;
    }
    v
}

/// The tag caches record for `ty` (`PyType::cache_tag`), assigning a fresh version tag to a heap
/// type whose tag was dropped; 0 if the heap counter is exhausted.
pub fn ensure_cache_tag(ty: &PyType) -> u64 {
    if ty.has_flag(TypeFlags::HEAPTYPE) { ensure_version_tag(ty) as u64 } else { ty.cache_tag() }
}

/// `setattr(type, name, value)` on a type: heap types store it in their dict and drop their
/// version tag; immutable (static) types refuse.
pub fn set_type_attr(ty_obj: ObjectRef<'_>, name: &str, value: Object) -> PyResult<()> {
    change_type_attr(ty_obj, name, Some(value))
}

/// `delattr(type, name)`: as `set_type_attr`, removing the name (AttributeError if absent).
pub fn del_type_attr(ty_obj: ObjectRef<'_>, name: &str) -> PyResult<()> {
    change_type_attr(ty_obj, name, None)
}

fn change_type_attr(ty_obj: ObjectRef<'_>, name: &str, value: Option<Object>) -> PyResult<()> {
    let ty = as_type(ty_obj).ok_or_else(|| PyErr::type_error("not a type"))?;
    if ty.has_flag(TypeFlags::IMMUTABLETYPE) || !ty.has_flag(TypeFlags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            ty.name()
        )));
    }
    // The dict stays on the type and the caches are invalidated first: the replaced or deleted
    // value may be freed inside the store, and its `__del__` may read the class's attributes.
    let dict = crate::types::typelookup::type_dict(ty);
    let d = as_dict(dict.as_ref()).expect("a dict");
    crate::types::typelookup::attr_modified(ty, name);
    let result = match value {
        Some(v) => d.set_str(name, v),
        None => {
            let key = crate::types::str::new_str(name);
            match d.del_item(key.as_ref()) {
                Ok(Some(_)) => Ok(()),
                Ok(None) => Err(PyErr::new(
                    &crate::types::exceptions::ATTRIBUTE_ERROR,
                    format!("type object '{}' has no attribute '{name}'", ty.name()),
                )),
                Err(e) => Err(e),
            }
        }
    };
    drop(dict);
    if name.starts_with("__") && name.ends_with("__") && result.is_ok() {
        // A dunder changes the slots of the class and of every heap subclass.
        let mut pending: Vec<NonNull<PyType>> = vec![NonNull::from(ty)];
        while let Some(t) = pending.pop() {
            // SAFETY: `ty` is borrowed; a subclass in a list is alive, since it removes itself
            // from its bases' lists when it is freed (docs/vm.md, "Version tags").
            let t = unsafe { t.as_ref() };
            crate::types::instance::fixup_slots(t);
            pending.extend(t.subclasses.borrow().iter().copied());
        }
    }
    result
}

/// `clear` of a heap type (the collector breaking a cycle): drops its MRO; its dict, being
/// garbage too, is emptied by its own `clear`.
pub(crate) fn type_gc_clear(o: ObjectRef<'_>) {
    let ty = as_type(o).expect("a type");
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        let m = ty.mro.take();
        drop(m);
    }
}

/// Calls `f` once on each distinct heap type among `ty`'s layout base and `__bases__`.
pub(crate) fn for_each_heap_base(ty: &PyType, mut f: impl FnMut(&PyType)) {
    let mut seen: Vec<*const PyType> = Vec::new();
    let mut visit = |b: &PyType| {
        if b.has_flag(TypeFlags::HEAPTYPE) && !seen.contains(&(b as *const PyType)) {
            seen.push(b as *const PyType);
            f(b);
        }
    };
    if let Some(b) = ty.base() {
        visit(b);
    }
    let bases = ty.bases.take();
    if let Some(t) = &bases {
        for b in crate::types::tuple::tuple_items(t.as_ref()).unwrap_or(&[]) {
            if let Some(b) = as_type(b.as_ref()) {
                visit(b);
            }
        }
    }
    ty.bases.set(bases);
}

/// Visits what a heap type owns: its dict, MRO and (heap) base.
pub(crate) fn type_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let ty = as_type(o).expect("a type");
    for cell in [&ty.dict, &ty.mro, &ty.bases, &ty.qualname] {
        let v = cell.take();
        if let Some(x) = &v {
            visit(x.as_ref());
        }
        cell.set(v);
    }
    if let Some(b) = ty.base()
        && b.has_flag(TypeFlags::HEAPTYPE)
    {
        visit(b.as_object());
    }
}

/// Deallocates a heap type (static types are immortal and never get here).
///
/// # Safety
/// Called only by the deallocation path on a dead heap type made by `new_heap_type`.
pub(crate) unsafe fn heap_type_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the object is a dead heap type: a whole `PyType` at the header. Drop its owned
    // fields (name, dict, MRO), then release the base it owned, then free the allocation with the
    // layout `new_heap_type` used.
    unsafe {
        let p = obj.cast::<PyType>().as_ptr();
        debug_assert!((*p).has_flag(TypeFlags::HEAPTYPE));
        let base = (*p).base.get();
        for_each_heap_base(&*p, |b| b.subclasses.borrow_mut().retain(|s| s.as_ptr() != p));
        std::ptr::drop_in_place(&raw mut (*p).subclasses);
        std::ptr::drop_in_place(&raw mut (*p).names);
        std::ptr::drop_in_place(&raw mut (*p).dict);
        std::ptr::drop_in_place(&raw mut (*p).mro);
        std::ptr::drop_in_place(&raw mut (*p).bases);
        std::ptr::drop_in_place(&raw mut (*p).qualname);
        std::ptr::drop_in_place(&raw mut (*p).shared_keys);
        free_object(obj, type_payload_layout());
        decref_type_if_heap(base);
    }
}
