//! Attribute lookup on types (CPython's `_PyType_Lookup`): the first type along the MRO whose dict
//! holds the name, answered from a per-interpreter method cache keyed by (version tag, interned
//! name) when it can be. Static builtin types keep their dicts here, per interpreter, so the
//! immortal statics are never written (docs/vm.md, "Types and slots", "Version tags").

use std::cell::RefCell;

use taipan_compiler::fxhash::FastMap;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::heaptype::ensure_cache_tag;
use crate::types::str::Str;
use crate::types::typeobject::{PyType, TypeFlags};

/// Entries in the method cache (a power of two, as CPython's 4096).
const CACHE_SIZE: usize = 4096;

#[derive(Clone, Default)]
struct CacheEntry {
    /// The type's cache tag (`PyType::cache_tag`) when the entry was made.
    version: u64,
    /// Identity of the interned name; 0 for an empty entry.
    name: usize,
    /// The value found (a strong reference), or `None` for a cached miss.
    value: Option<Object>,
    /// Whether the type whose dict held the value is a heap type (a Python class).
    heap_owner: bool,
}

static CACHE: crate::gil::GilLazy<RefCell<Vec<CacheEntry>>> =
    crate::gil::GilLazy::new(|| RefCell::new(vec![CacheEntry::default(); CACHE_SIZE]));
/// Whether an entry was stored since the cache was last emptied: emptying an unused cache (the
/// hundreds of start-up registrations) costs nothing then.
static CACHE_USED: crate::gil::GilCell<std::cell::Cell<bool>> =
    crate::gil::GilCell::new(std::cell::Cell::new(false));

/// Empties the method cache (its old entries are dropped after the borrow ends: dropping a value
/// may run a finaliser that looks a type up again).
fn empty_cache() {
    if !CACHE_USED.with(|u| u.replace(false)) {
        return;
    }
    let old = CACHE
        .with(|c| std::mem::replace(&mut *c.borrow_mut(), vec![CacheEntry::default(); CACHE_SIZE]));
    drop(old);
}
/// The dicts of static types, per interpreter: address of the static -> dict.
static STATIC_DICTS: crate::gil::GilLazy<RefCell<FastMap<usize, Object>>> =
    crate::gil::GilLazy::new(|| RefCell::new(FastMap::default()));

#[inline]
fn slot_index(version: u64, name_id: usize) -> usize {
    // A static type's tag is its address: fold its higher bits in as well.
    ((version ^ (version >> 12)) as usize ^ (name_id >> 3)) & (CACHE_SIZE - 1)
}

/// The dict of a type: a heap type's own, or this interpreter's dict for a static type (created
/// empty on first use; builtins fill it when they are registered).
pub fn type_dict(ty: &PyType) -> Object {
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        let d = ty.dict.take();
        let out = d.clone().expect("a heap type has a dict");
        ty.dict.set(d);
        return out;
    }
    let key = ty as *const PyType as usize;
    STATIC_DICTS.with(|m| m.borrow_mut().entry(key).or_insert_with(new_dict).clone())
}

/// Retags the heap type `ty` and its subclasses (`PyType::modified`) before its attribute `name`
/// is stored or deleted, and drops the method cache's entries for `name` on them: the cache
/// holds strong references, and a class attribute that is replaced or deleted must be freed
/// then (its `__del__` runs at once, as in CPython), not whenever its cache slot is reused. The
/// entries are released after the retagging, so a finaliser that looks the name up caches it
/// under the new tag.
pub(crate) fn attr_modified(ty: &PyType, name: &str) {
    let mut old = Vec::new();
    if CACHE_USED.with(|u| u.get()) {
        let name_id = crate::types::str::intern(name).id();
        let mut pending: Vec<std::ptr::NonNull<PyType>> = vec![std::ptr::NonNull::from(ty)];
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            while let Some(t) = pending.pop() {
                // SAFETY: `ty` is borrowed; a subclass in the list is alive, since it removes
                // itself from its base's list when it is freed (docs/vm.md, "Version tags").
                let t = unsafe { t.as_ref() };
                let version = t.cache_tag();
                if version != 0 {
                    let e = &mut c[slot_index(version, name_id)];
                    if e.version == version && e.name == name_id {
                        old.push(std::mem::take(e));
                    }
                }
                pending.extend(t.subclasses.borrow().iter().copied());
            }
        });
    }
    ty.modified();
    drop(old);
}

/// Adds an attribute to a static type's per-interpreter dict, as builtin registration will. A
/// static type's version tag never changes, so this empties the whole method cache instead
/// (registration happens at start-up, when the cache is cold anyway).
pub fn register_static_attr(ty: &PyType, name: &str, value: Object) -> PyResult<()> {
    debug_assert!(!ty.has_flag(TypeFlags::HEAPTYPE));
    let d = type_dict(ty);
    as_dict(d.as_ref()).expect("a dict").set_str(name, value)?;
    empty_cache();
    Ok(())
}

/// Empties the method cache. Its entries hold strong references, which would keep cyclic garbage
/// (a class's methods, their globals) alive; the collector calls this before a full collection.
pub(crate) fn clear_method_cache() {
    empty_cache();
}

/// Replaces a static type's per-interpreter dict (the attribute surface is built once, at
/// start-up); empties the method cache, as `register_static_attr` does.
pub fn replace_static_dict(ty: &PyType, dict: Object) {
    debug_assert!(!ty.has_flag(TypeFlags::HEAPTYPE));
    let key = ty as *const PyType as usize;
    let old = STATIC_DICTS.with(|m| m.borrow_mut().insert(key, dict));
    drop(old);
    empty_cache();
}

/// A walk's answer as the cache keeps it: the value, and whether its holder is a heap type.
fn split_owner(found: Option<(Object, Object)>) -> (Option<Object>, bool) {
    match found {
        Some((v, owner)) => {
            let heap = crate::types::typeobject::as_type(owner.as_ref())
                .is_some_and(|o| o.has_flag(TypeFlags::HEAPTYPE));
            (Some(v), heap)
        }
        None => (None, false),
    }
}

/// Walks the MRO without the cache and also answers which type's dict held the name.
pub fn lookup_with_owner(ty: &PyType, name: ObjectRef<'_>) -> PyResult<Option<(Object, Object)>> {
    if let Some(mro) = ty.mro_tuple() {
        for t in crate::types::tuple::tuple_items(mro.as_ref()).unwrap_or(&[]) {
            let Some(cur) = crate::types::typeobject::as_type(t.as_ref()) else { continue };
            let d = type_dict(cur);
            if let Some(v) = as_dict(d.as_ref()).expect("a dict").get_item(name)? {
                return Ok(Some((v, t.clone())));
            }
        }
        return Ok(None);
    }
    let mut t = Some(ty);
    while let Some(cur) = t {
        let d = type_dict(cur);
        if let Some(v) = as_dict(d.as_ref()).expect("a dict").get_item(name)? {
            return Ok(Some((v, cur.as_object().to_owned())));
        }
        t = cur.base();
    }
    Ok(None)
}

/// `_PyType_Lookup(ty, name)`: the attribute `name` (a str) as found along `ty`'s MRO, or `None`.
/// Interned names are served from the method cache while the type's version tag is unchanged.
pub fn type_lookup(ty: &PyType, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    Ok(lookup_entry(ty, name)?.0)
}

/// The attribute `name` along `ty`'s MRO when the type holding it is a Python class (a heap
/// type), not a built-in: how a class call finds a user `__new__`/`__init__`. Cached as
/// [`type_lookup`] is.
pub fn lookup_python_attr(ty: &PyType, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let (value, heap_owner) = lookup_entry(ty, name)?;
    Ok(value.filter(|_| heap_owner))
}

/// The method cache's answer for (`ty`, `name`): the value and whether a heap type held it.
fn lookup_entry(ty: &PyType, name: ObjectRef<'_>) -> PyResult<(Option<Object>, bool)> {
    let Some(s) = Str::new(name) else {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            name.type_().name()
        )));
    };
    let version = ensure_cache_tag(ty);
    if version == 0 || !s.is_interned() {
        return Ok(split_owner(lookup_with_owner(ty, name)?));
    }
    let name_id = name.id();
    let idx = slot_index(version, name_id);
    let hit = CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[idx];
        (e.version == version && e.name == name_id).then(|| (e.value.clone(), e.heap_owner))
    });
    if let Some(found) = hit {
        return Ok(found);
    }
    let (found, heap_owner) = split_owner(lookup_with_owner(ty, name)?);
    // The lookup may have run code that changed the type; only cache under the tag it still has.
    if ty.cache_tag() == version {
        let old = CACHE.with(|c| {
            let entry = CacheEntry { version, name: name_id, value: found.clone(), heap_owner };
            std::mem::replace(&mut c.borrow_mut()[idx], entry)
        });
        CACHE_USED.with(|u| u.set(true));
        drop(old);
    }
    Ok((found, heap_owner))
}
