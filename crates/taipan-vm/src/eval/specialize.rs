//! Inline caches: what the eval loop remembers at an instruction to skip the generic lookup the
//! next time (CPython's adaptive specialisation, docs/vm.md "Inline caches"). Each code object
//! has one `Cell<u64>` word per code unit (`CodePayload::ic`); an instruction at unit `i` with
//! `n` CACHE units owns the words `i ..= i + n`: word 0 holds the kind of specialisation and the
//! back-off state, the others the kind's guards and data. The code units themselves are never
//! rewritten, so `co_code` and `dis` are unaffected.
//!
//! The words hold no references: every object pointer kept in a cache is borrowed and is only
//! followed after a guard proves it still alive (a type's version tag, a dict's version).

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::{Object, ObjectRef, PyObject};
use crate::types::descriptors::{PROPERTY_TYPE, PropertyPayload};
use crate::types::dict::{DICT_TYPE, DictPayload, as_dict};
use crate::types::function::METHOD_DESCRIPTOR_TYPE;
use crate::types::heaptype::ensure_cache_tag;
use crate::types::instance::{
    INSTANCE_DICT, attr_absent, attr_index, attr_store_at, attr_value_at, instance_getattr,
    instance_setattr,
};
use crate::types::member::{MEMBER_DESCRIPTOR_TYPE, member_index};
use crate::types::pyfunction::FUNCTION_TYPE;
use crate::types::typelookup::type_dict;
use crate::types::typeobject::{GetAttrFn, PyType, SetAttrFn, TypeFlags};

/// The words of one instruction: `[0]` kind and back-off, then its cache entries.
pub(crate) type Ic = [Cell<u64>];

/// Not specialised yet: the next execution tries.
const UNSPECIALISED: u64 = 0;
/// `LOAD_ATTR` of a value in the instance dict. Words: 1 type version, 2 entry index.
const ATTR_INSTANCE: u64 = 1;
/// `LOAD_ATTR` of a method (function or method descriptor) found on the type of an object
/// without an instance dict. Words: 1 type version, 2 holder dict, 3 its version, 4 method.
const ATTR_METHOD: u64 = 2;
/// As `ATTR_METHOD`, for instances of Python classes: the instance dict must not hold the name.
const ATTR_METHOD_DICT: u64 = 3;
/// `LOAD_ATTR` of a class attribute that is not a descriptor (a constant, a counter), through an
/// instance whose dict does not hold the name. Words as `ATTR_METHOD`.
const ATTR_CLASS_VALUE: u64 = 4;
/// `LOAD_GLOBAL` found in the globals. Words: 1 globals version, 3 entry index.
const GLOBAL_MODULE: u64 = 5;
/// `LOAD_GLOBAL` found in the builtins. Words: 1 globals version, 2 builtins version, 3 index.
const GLOBAL_BUILTIN: u64 = 6;
/// `STORE_ATTR` replacing a value in the instance dict. Words: 1 type version, 2 entry index.
const STORE_INSTANCE: u64 = 7;
/// `LOAD_ATTR` of a `__slots__` member of a class instance. Words: 1 type version, 2 holder
/// dict, 3 its version, 4 slot index.
const ATTR_SLOT: u64 = 8;
/// `STORE_ATTR` to a `__slots__` member of a class instance. Words as `ATTR_SLOT`.
const STORE_SLOT: u64 = 9;
/// `CALL` of a Python class whose instances are made by `object.__new__` and initialised by a
/// plain Python `__init__` (`python_init`). Words: 1 the class's version tag, 2 the dict
/// holding `__init__`, 3 its version; bits 32.. of word 0: the entry index of `__init__` in it.
const CALL_CLASS_INIT: u64 = 10;
/// `LOAD_ATTR` (not the method form) of a `property` whose getter is a Python function,
/// through a class instance: the loop runs the getter as a frame. Words: 1 type version, 2
/// holder dict, 3 its version, 4 the property.
const ATTR_PROPERTY: u64 = 11;
/// Not specialised; the count in bits 16.. says how many executions to wait before trying again.
const BACKOFF: u64 = 0xff;

const KIND_MASK: u64 = 0xff;
/// Bits 8..16: how many times this instruction was (re)specialised or failed to be.
const ATTEMPT_SHIFT: u32 = 8;
const COUNT_SHIFT: u32 = 16;

#[inline]
fn kind(ic: &Ic) -> u64 {
    ic[0].get() & KIND_MASK
}

fn attempts(ic: &Ic) -> u64 {
    (ic[0].get() >> ATTEMPT_SHIFT) & 0xff
}

/// Records a specialisation of kind `k` (the data words are written by the caller).
fn set_kind(ic: &Ic, k: u64) {
    let a = (attempts(ic) + 1).min(0xff);
    ic[0].set(k | (a << ATTEMPT_SHIFT));
}

/// Gives up for a while: longer after each failure, so a site that keeps changing type stops
/// paying for specialisation attempts.
fn back_off(ic: &Ic) {
    let a = (attempts(ic) + 1).min(0xff);
    let wait = 16u64 << a.min(10);
    ic[0].set(BACKOFF | (a << ATTEMPT_SHIFT) | (wait << COUNT_SHIFT));
}

/// Called when the fast path did not apply: whether to try specialising now.
#[inline]
pub(crate) fn should_specialise(ic: &Ic) -> bool {
    let w = ic[0].get();
    if w & KIND_MASK != BACKOFF {
        return true;
    }
    let count = w >> COUNT_SHIFT;
    if count <= 1 {
        ic[0].set(w & ((1 << COUNT_SHIFT) - 1) & !KIND_MASK);
        return true;
    }
    ic[0].set(w - (1 << COUNT_SHIFT));
    false
}

#[inline]
fn word_ptr(w: u64) -> NonNull<PyObject> {
    // A cache only stores object words (pointers or tagged ints, never 0) next to a kind that
    // uses them.
    NonNull::new(w as usize as *mut PyObject).expect("a cached pointer")
}

/// Ways of the polymorphic instance-dict caches (`ATTR_INSTANCE`, `STORE_INSTANCE`): words
/// `1..=WAYS` each hold `(type version tag << 32) | entry index`, 0 when empty.
const WAYS: usize = 4;

/// The entry index cached for objects whose type has version tag `tag`.
#[inline]
fn way_lookup(ic: &Ic, tag: u64) -> Option<usize> {
    if tag == 0 {
        return None;
    }
    ic[1..=WAYS].iter().map(Cell::get).find(|w| w >> 32 == tag).map(|w| (w & 0xffff_ffff) as usize)
}

/// Records kind `k` (an instance-dict kind) with entry `ix` for type tag `tag`: a site that
/// already has kind `k` keeps its other types' ways (the oldest goes when all are taken).
fn way_record(ic: &Ic, k: u64, tag: u64, ix: usize) -> bool {
    let Ok(ix) = u32::try_from(ix) else { return false };
    if tag == 0 || tag > u32::MAX as u64 {
        return false;
    }
    let entry = (tag << 32) | ix as u64;
    if kind(ic) == k {
        match ic[1..=WAYS].iter().find(|w| w.get() == 0 || w.get() >> 32 == tag) {
            Some(w) => w.set(entry),
            None => {
                for i in (2..=WAYS).rev() {
                    ic[i].set(ic[i - 1].get());
                }
                ic[1].set(entry);
            }
        }
    } else {
        ic[1].set(entry);
        for w in &ic[2..=WAYS] {
            w.set(0);
        }
    }
    set_kind(ic, k);
    true
}

/// The type's version tag as a cache guard (0 means "never matches": 0 is never stored).
#[inline]
fn version_of(ty: &PyType) -> u64 {
    ty.cache_tag()
}

fn is_instance_getattr(ty: &PyType) -> bool {
    ty.has_flag(INSTANCE_DICT)
        && ty
            .slots
            .getattr
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, instance_getattr as GetAttrFn))
}

/// Whether `ty`'s attribute lookup is the generic one without an instance dict (built-in types).
fn is_plain_getattr(ty: &PyType) -> bool {
    ty.slots.getattr.get().is_none() && !ty.is_subtype(&crate::types::typeobject::TYPE_TYPE.0)
}

/// Finds `name` along `ty`'s bases without running Python code: the dict holding it and its
/// value, `Some(None)` when no type has it, `None` when it cannot tell.
fn find_on_type(ty: &PyType, name: ObjectRef<'_>) -> Option<Option<(Object, Object)>> {
    // A class with several bases searches its MRO tuple, not the layout-base chain.
    if let Some(mro) = ty.mro_tuple() {
        for t in crate::types::tuple::tuple_items(mro.as_ref())? {
            let cur = crate::types::typeobject::as_type(t.as_ref())?;
            let d = type_dict(cur);
            let dp = as_dict(d.as_ref())?;
            if let Some(ix) = dp.str_key_index(name)? {
                let v = dp.value_at(ix)?;
                return Some(Some((d, v)));
            }
        }
        return Some(None);
    }
    let mut t = Some(ty);
    while let Some(cur) = t {
        let d = type_dict(cur);
        let dp = as_dict(d.as_ref())?;
        if let Some(ix) = dp.str_key_index(name)? {
            let v = dp.value_at(ix)?;
            return Some(Some((d, v)));
        }
        t = cur.base();
    }
    Some(None)
}

/// `LOAD_ATTR` through the cache: `Some((value, self_or_null))` on a hit.
#[inline]
pub(crate) fn load_attr_hit(
    ic: &Ic,
    owner: &Object,
    name: ObjectRef<'_>,
) -> Option<(Object, Option<Object>)> {
    let k = kind(ic);
    if k == UNSPECIALISED || k == BACKOFF {
        return None;
    }
    let ty = owner.type_();
    if k == ATTR_INSTANCE {
        let ix = way_lookup(ic, version_of(ty))?;
        let v = attr_value_at(owner.as_ref(), ix, name)?;
        return Some((v, None));
    }
    if version_of(ty) != ic[1].get() {
        return None;
    }
    match k {
        ATTR_SLOT => {
            if !holder_unchanged(ic) {
                return None;
            }
            let v =
                crate::types::instance::inline_slot_value(owner.as_ref(), ic[4].get() as usize)?;
            Some((v, None))
        }
        ATTR_METHOD | ATTR_METHOD_DICT | ATTR_CLASS_VALUE => {
            // SAFETY: the type's version tag is the one recorded with the holder dict, and tags
            // are never reused, so `ty` is the type that was inspected and its bases (which own
            // the holder dict) are unchanged and alive (docs/vm.md, "Inline caches").
            let holder = unsafe { ObjectRef::from_raw(word_ptr(ic[2].get())) };
            // SAFETY: the holder is a dict (checked when cached).
            let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
            if hd.version() != ic[3].get() {
                return None;
            }
            if k != ATTR_METHOD && !attr_absent(owner.as_ref(), name) {
                return None;
            }
            // SAFETY: the holder dict is unchanged since the value was found in it, so it still
            // owns a reference to the value (docs/vm.md, "Inline caches").
            let v = unsafe { ObjectRef::from_raw(word_ptr(ic[4].get())) }.to_owned();
            if k == ATTR_CLASS_VALUE { Some((v, None)) } else { Some((v, Some(owner.clone()))) }
        }
        _ => None,
    }
}

/// Whether `f` is a Python function taking exactly one positional argument (and nothing else).
fn simple_getter(f: ObjectRef<'_>) -> bool {
    use taipan_bytecode::code::{CO_VARARGS, CO_VARKEYWORDS};
    let Some(func) = crate::types::pyfunction::as_function(f) else { return false };
    crate::types::code::as_code(func.code()).is_some_and(|c| {
        c.code.argcount == 1
            && c.code.kwonlyargcount == 0
            && c.code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
    })
}

/// `LOAD_ATTR` of a property through the cache: the getter to run on `owner` as a new frame.
#[inline]
pub(crate) fn property_hit(ic: &Ic, owner: &Object) -> Option<Object> {
    if kind(ic) != ATTR_PROPERTY
        || version_of(owner.type_()) != ic[1].get()
        || !holder_unchanged(ic)
    {
        return None;
    }
    // SAFETY: the holder dict is unchanged since the property was found in it, so it still owns
    // a reference to it (docs/vm.md, "Inline caches").
    let prop = unsafe { ObjectRef::from_raw(word_ptr(ic[4].get())) };
    // SAFETY: the cached object was an exact `property` (a static type, whose instances cannot
    // change `__class__`).
    let fget = unsafe { prop.payload_unchecked::<PropertyPayload>() }.fget()?;
    // The getter may have been replaced (`property.__init__` again): check it each time.
    simple_getter(fget.as_ref()).then_some(fget)
}

/// Whether the dict recorded in words 2 and 3 (where the cached descriptor was found) still has
/// the recorded version. Call only after the type version guard matched.
#[inline]
fn holder_unchanged(ic: &Ic) -> bool {
    // SAFETY: the type's version tag matched the one recorded with the holder dict, and tags are
    // never reused, so the type and its bases (which own the holder dict) are alive
    // (docs/vm.md, "Inline caches").
    let holder = unsafe { ObjectRef::from_raw(word_ptr(ic[2].get())) };
    // SAFETY: the holder is a dict (checked when cached).
    let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
    hd.version() == ic[3].get()
}

/// For a `__slots__` member descriptor `value` found in `holder`: records kind `k` with the
/// slot index, or says it cannot.
fn record_slot(ic: &Ic, tag: u64, holder: &Object, value: &Object, k: u64) -> bool {
    if !std::ptr::eq(value.type_(), &MEMBER_DESCRIPTOR_TYPE.0)
        || !std::ptr::eq(holder.type_(), &DICT_TYPE.0)
    {
        return false;
    }
    let (Some(ix), Some(hd)) = (member_index(value.as_ref()), as_dict(holder.as_ref())) else {
        return false;
    };
    ic[1].set(tag);
    ic[2].set(holder.raw().as_ptr() as usize as u64);
    ic[3].set(hd.version());
    ic[4].set(ix as u64);
    set_kind(ic, k);
    true
}

/// Records what the next `LOAD_ATTR` of `name` on objects like `owner` may skip.
pub(crate) fn specialise_load_attr(
    ic: &Ic,
    owner: ObjectRef<'_>,
    name: ObjectRef<'_>,
    method: bool,
) {
    if k_is_specialised(ic) && attempts(ic) >= 16 {
        back_off(ic);
        return;
    }
    if !try_load_attr(ic, owner, name, method) {
        back_off(ic);
    }
}

fn k_is_specialised(ic: &Ic) -> bool {
    let k = kind(ic);
    k != UNSPECIALISED && k != BACKOFF
}

fn try_load_attr(ic: &Ic, owner: ObjectRef<'_>, name: ObjectRef<'_>, method: bool) -> bool {
    if owner.is_small_int() || ic.len() < 5 {
        return false;
    }
    let ty = owner.type_();
    let instance = is_instance_getattr(ty);
    if !instance && !is_plain_getattr(ty) {
        return false;
    }
    let tag = ensure_cache_tag(ty);
    if tag == 0 {
        return false;
    }
    let Some(found) = find_on_type(ty, name) else { return false };
    match found {
        None => {
            if !instance {
                return false;
            }
            let Some(ix) = attr_index(owner, name) else { return false };
            way_record(ic, ATTR_INSTANCE, tag, ix)
        }
        Some((holder, value)) => {
            if instance && std::ptr::eq(value.type_(), &MEMBER_DESCRIPTOR_TYPE.0) {
                return record_slot(ic, tag, &holder, &value, ATTR_SLOT);
            }
            let vt = value.type_();
            if instance && !method && std::ptr::eq(vt, &PROPERTY_TYPE.0) {
                let Some(hd) = as_dict(holder.as_ref()) else { return false };
                let getter = value.payload::<PropertyPayload>().and_then(PropertyPayload::fget);
                // A getter raising AttributeError gives `__getattr__` its turn: only without one.
                let hook = GETATTR_NAME.with(|n| find_on_type(ty, n.as_ref()));
                if !std::ptr::eq(holder.type_(), &DICT_TYPE.0)
                    || !getter.is_some_and(|f| simple_getter(f.as_ref()))
                    || !matches!(hook, Some(None))
                {
                    return false;
                }
                ic[1].set(tag);
                ic[2].set(holder.raw().as_ptr() as usize as u64);
                ic[3].set(hd.version());
                ic[4].set(value.raw().as_ptr() as usize as u64);
                set_kind(ic, ATTR_PROPERTY);
                return true;
            }
            let is_method =
                std::ptr::eq(vt, &FUNCTION_TYPE.0) || std::ptr::eq(vt, &METHOD_DESCRIPTOR_TYPE.0);
            let k = if method && is_method {
                if instance { ATTR_METHOD_DICT } else { ATTR_METHOD }
            } else if instance
                && !vt.has_flag(TypeFlags::HEAPTYPE)
                && vt.slots.descr_get.get().is_none()
                && vt.slots.descr_set.get().is_none()
            {
                ATTR_CLASS_VALUE
            } else if instance && vt.slots.descr_set.get().is_none() {
                // A method or other non-data descriptor: a value in the instance dict wins.
                let Some(ix) = attr_index(owner, name) else { return false };
                return way_record(ic, ATTR_INSTANCE, tag, ix);
            } else {
                return false;
            };
            let Some(hd) = as_dict(holder.as_ref()) else { return false };
            if !std::ptr::eq(holder.type_(), &DICT_TYPE.0) {
                return false;
            }
            ic[1].set(tag);
            ic[2].set(holder.raw().as_ptr() as usize as u64);
            ic[3].set(hd.version());
            ic[4].set(value.raw().as_ptr() as usize as u64);
            set_kind(ic, k);
            true
        }
    }
}

/// `STORE_ATTR` through the cache: `Ok(())` when the value was stored, else the value back.
#[inline]
pub(crate) fn store_attr_hit(
    ic: &Ic,
    owner: &Object,
    name: ObjectRef<'_>,
    value: Object,
) -> Result<(), Object> {
    let k = kind(ic);
    if k == STORE_SLOT {
        if version_of(owner.type_()) != ic[1].get() || !holder_unchanged(ic) {
            return Err(value);
        }
        let old =
            crate::types::instance::inline_slot_store(owner.as_ref(), ic[4].get() as usize, value)?;
        drop(old);
        return Ok(());
    }
    if k != STORE_INSTANCE {
        return Err(value);
    }
    let Some(ix) = way_lookup(ic, version_of(owner.type_())) else { return Err(value) };
    let old = attr_store_at(owner.as_ref(), ix, name, value)?;
    drop(old);
    Ok(())
}

pub(crate) fn specialise_store_attr(ic: &Ic, owner: ObjectRef<'_>, name: ObjectRef<'_>) {
    if k_is_specialised(ic) && attempts(ic) >= 16 {
        back_off(ic);
        return;
    }
    if !try_store_attr(ic, owner, name) {
        back_off(ic);
    }
}

fn try_store_attr(ic: &Ic, owner: ObjectRef<'_>, name: ObjectRef<'_>) -> bool {
    if owner.is_small_int() || ic.len() < 5 {
        return false;
    }
    let ty = owner.type_();
    if !ty.has_flag(INSTANCE_DICT)
        || !ty
            .slots
            .setattr
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, instance_setattr as SetAttrFn))
        || owner.payload::<crate::types::exceptions::ExcPayload>().is_some()
    {
        return false;
    }
    let tag = ensure_cache_tag(ty);
    if tag == 0 {
        return false;
    }
    match find_on_type(ty, name) {
        Some(Some((holder, v))) if std::ptr::eq(v.type_(), &MEMBER_DESCRIPTOR_TYPE.0) => {
            return record_slot(ic, tag, &holder, &v, STORE_SLOT);
        }
        Some(None) => {}
        Some(Some((_, v)))
            if !v.type_().has_flag(TypeFlags::HEAPTYPE)
                && v.type_().slots.descr_set.get().is_none() => {}
        _ => return false,
    }
    let Some(ix) = attr_index(owner, name) else { return false };
    way_record(ic, STORE_INSTANCE, tag, ix)
}

/// `LOAD_GLOBAL` through the cache.
#[inline]
pub(crate) fn load_global_hit(ic: &Ic, globals: &Object, builtins: &Object) -> Option<Object> {
    let k = kind(ic);
    if k != GLOBAL_MODULE && k != GLOBAL_BUILTIN {
        return None;
    }
    let g = as_dict(globals.as_ref())?;
    if g.version() != ic[1].get() {
        return None;
    }
    if k == GLOBAL_MODULE {
        return g.value_at(ic[3].get() as usize);
    }
    let b = as_dict(builtins.as_ref())?;
    if b.version() != ic[2].get() {
        return None;
    }
    b.value_at(ic[3].get() as usize)
}

pub(crate) fn specialise_load_global(
    ic: &Ic,
    globals: &Object,
    builtins: &Object,
    name: ObjectRef<'_>,
) {
    if ic.len() < 4 {
        return;
    }
    let exact = |o: &Object| std::ptr::eq(o.type_(), &DICT_TYPE.0);
    if !exact(globals) || !exact(builtins) {
        back_off(ic);
        return;
    }
    let g = as_dict(globals.as_ref()).expect("dict");
    match g.str_key_index(name) {
        Some(Some(ix)) => {
            ic[1].set(g.version());
            ic[3].set(ix as u64);
            set_kind(ic, GLOBAL_MODULE);
        }
        Some(None) => {
            let b = as_dict(builtins.as_ref()).expect("dict");
            match b.str_key_index(name) {
                Some(Some(ix)) => {
                    ic[1].set(g.version());
                    ic[2].set(b.version());
                    ic[3].set(ix as u64);
                    set_kind(ic, GLOBAL_BUILTIN);
                }
                _ => back_off(ic),
            }
        }
        None => back_off(ic),
    }
}

static GETATTR_NAME: crate::gil::GilLazy<Object> =
    crate::gil::GilLazy::new(|| crate::types::str::intern("__getattr__"));
static INIT_NAME: crate::gil::GilLazy<Object> =
    crate::gil::GilLazy::new(|| crate::types::str::intern("__init__"));
static NEW_NAME: crate::gil::GilLazy<Object> =
    crate::gil::GilLazy::new(|| crate::types::str::intern("__new__"));

/// For `CALL` of a class: the Python `__init__` to run in a new frame of the same activation,
/// when calling the class means exactly "make an instance with `object.__new__`, then run
/// `__init__`" (metatype `type`, instances with a `__dict__`, `__new__` inherited from
/// `object`, `__init__` a plain Python function that is not a generator or coroutine).
pub(crate) fn python_init(callable: ObjectRef<'_>) -> crate::error::PyResult<Option<Object>> {
    use taipan_bytecode::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};
    if callable.is_small_int()
        || !std::ptr::eq(callable.type_(), &crate::types::typeobject::TYPE_TYPE.0)
    {
        return Ok(None);
    }
    let Some(ty) = crate::types::typeobject::as_type(callable) else { return Ok(None) };
    if !ty.has_flag(TypeFlags::HEAPTYPE) || !ty.has_flag(INSTANCE_DICT) {
        return Ok(None);
    }
    let lookup = |t: &PyType, n: &'static crate::gil::GilLazy<Object>| {
        n.with(|n| crate::types::typelookup::type_lookup(t, n.as_ref()))
    };
    let Some(init) = lookup(ty, &INIT_NAME)? else { return Ok(None) };
    let Some(f) = crate::types::pyfunction::as_function(init.as_ref()) else { return Ok(None) };
    let flags = crate::types::code::as_code(f.code()).map_or(0, |c| c.flags());
    if flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
        return Ok(None);
    }
    let new = lookup(ty, &NEW_NAME)?;
    let base_new = lookup(&crate::types::object::OBJECT_TYPE.0, &NEW_NAME)?;
    match (new, base_new) {
        (Some(a), Some(b)) if a.is(&b) => Ok(Some(init)),
        (None, None) => Ok(Some(init)),
        _ => Ok(None),
    }
}

/// `CALL` of a class through the cache: the `__init__` to run (as `python_init` would find it)
/// when `callable` is the class recorded and nothing it depends on changed.
#[inline]
pub(crate) fn class_init_hit(ic: &Ic, callable: ObjectRef<'_>) -> Option<Object> {
    let w0 = ic[0].get();
    if w0 & KIND_MASK != CALL_CLASS_INIT
        || callable.is_small_int()
        || !std::ptr::eq(callable.type_(), &crate::types::typeobject::TYPE_TYPE.0)
    {
        return None;
    }
    let ty = crate::types::typeobject::as_type(callable)?;
    if version_of(ty) != ic[1].get() || !holder_unchanged(ic) {
        return None;
    }
    // SAFETY: as in `holder_unchanged`: the class's tag matched, so the holder dict (a dict of a
    // class in its MRO) is alive (docs/vm.md, "Inline caches").
    let holder = unsafe { ObjectRef::from_raw(word_ptr(ic[2].get())) };
    // SAFETY: the holder is a dict (checked when cached).
    let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
    hd.value_at((w0 >> 32) as usize)
}

/// After `python_init` answered `init` for the class `callable`: records it at this `CALL`.
pub(crate) fn specialise_class_init(ic: &Ic, callable: ObjectRef<'_>, init: Option<&Object>) {
    if ic.len() < 4 || (k_is_specialised(ic) && attempts(ic) >= 16) {
        back_off(ic);
        return;
    }
    let recorded = (|| {
        let init = init?;
        let ty = crate::types::typeobject::as_type(callable)?;
        let tag = ensure_cache_tag(ty);
        if tag == 0 {
            return None;
        }
        let name = INIT_NAME.with(|n| n.clone());
        let (holder, value) = find_on_type(ty, name.as_ref())??;
        if !value.is(init) || !std::ptr::eq(holder.type_(), &DICT_TYPE.0) {
            return None;
        }
        let hd = as_dict(holder.as_ref())?;
        let ix = hd.str_key_index(name.as_ref())??;
        if ix > u32::MAX as usize {
            return None;
        }
        ic[1].set(tag);
        ic[2].set(holder.raw().as_ptr() as usize as u64);
        ic[3].set(hd.version());
        set_kind(ic, CALL_CLASS_INIT);
        ic[0].set(ic[0].get() | ((ix as u64) << 32));
        Some(())
    })();
    if recorded.is_none() {
        back_off(ic);
    }
}
