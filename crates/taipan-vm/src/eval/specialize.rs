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
/// `LOAD_SUPER_ATTR` of a function or method descriptor found after the `__class__` class in the
/// MRO of `type(self)`. Its one CACHE word holds the offset of its block of `SUPER_WORDS` words
/// at the end of the code object's cache (`super_block`): 0 the version tag of `type(self)`, 1
/// the class (`__class__`), 2 the holder dict, 3 its version, 4 the value.
const SUPER_ATTR: u64 = 12;
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

/// Words of a `LOAD_SUPER_ATTR` site's block at the end of `CodePayload::ic`.
pub(crate) const SUPER_WORDS: usize = 5;

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
#[inline(always)]
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
    let w = desc_way(ic, version_of(ty))?;
    match k {
        ATTR_SLOT => {
            if !holder_unchanged(&ic[w..]) {
                return None;
            }
            let v = crate::types::instance::inline_slot_value(
                owner.as_ref(),
                ic[w + 3].get() as usize,
            )?;
            Some((v, None))
        }
        ATTR_METHOD | ATTR_METHOD_DICT | ATTR_CLASS_VALUE => {
            // SAFETY: the type's version tag is the one recorded with the holder dict, and tags
            // are never reused, so `ty` is the type that was inspected and its bases (which own
            // the holder dict) are unchanged and alive (docs/vm.md, "Inline caches").
            let holder = unsafe { ObjectRef::from_raw(word_ptr(ic[w + 1].get())) };
            // SAFETY: the holder is a dict (checked when cached).
            let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
            if hd.version() != ic[w + 2].get() {
                return None;
            }
            if k != ATTR_METHOD && !attr_absent(owner.as_ref(), name) {
                return None;
            }
            // SAFETY: the holder dict is unchanged since the value was found in it, so it still
            // owns a reference to the value (docs/vm.md, "Inline caches").
            let v = unsafe { ObjectRef::from_raw(word_ptr(ic[w + 3].get())) }.to_owned();
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
#[inline(always)]
pub(crate) fn property_hit(ic: &Ic, owner: &Object) -> Option<Object> {
    if kind(ic) != ATTR_PROPERTY {
        return None;
    }
    let w = desc_way(ic, version_of(owner.type_()))?;
    if !holder_unchanged(&ic[w..]) {
        return None;
    }
    // SAFETY: the holder dict is unchanged since the property was found in it, so it still owns
    // a reference to it (docs/vm.md, "Inline caches").
    let prop = unsafe { ObjectRef::from_raw(word_ptr(ic[w + 3].get())) };
    // SAFETY: the cached object was an exact `property` (a static type, whose instances cannot
    // change `__class__`).
    let fget = unsafe { prop.payload_unchecked::<PropertyPayload>() }.fget()?;
    // The getter may have been replaced (`property.__init__` again): check it each time.
    simple_getter(fget.as_ref()).then_some(fget)
}

/// The first word (the type tag) of the way of a descriptor kind that caches objects whose type
/// has tag `tag`: way 1 is words `1..=4`, way 2 (instructions with 9 CACHE units) words `5..=8`;
/// word 9 holds two more 32-bit tags sharing way 1's holder and value (a base-class method
/// called on several subclasses' instances).
#[inline]
fn desc_way(ic: &Ic, tag: u64) -> Option<usize> {
    if ic[1].get() == tag {
        return Some(1);
    }
    if tag == 0 || ic.len() <= 9 {
        return None;
    }
    if ic[5].get() == tag {
        return Some(5);
    }
    let extra = ic[9].get();
    if tag == extra & 0xffff_ffff || tag == extra >> 32 { Some(1) } else { None }
}

/// Writes one way of a descriptor kind `k` (type tag, holder dict, its version, data) at way 1;
/// a different type's way already there for the same kind moves to way 2 (so a site where two
/// classes meet, `s.area()` over a list of two shapes, keeps both), otherwise way 2 is emptied.
fn desc_record(ic: &Ic, k: u64, tag: u64, holder: &Object, version: u64, data: u64) {
    let holder_word = holder.raw().as_ptr() as usize as u64;
    if ic.len() > 9 {
        let same = kind(ic) == k;
        if same
            && ic[1].get() != tag
            && tag <= u32::MAX as u64
            && ic[2].get() == holder_word
            && ic[3].get() == version
            && ic[4].get() == data
        {
            // Another type finding the same thing: one of way 1's extra tags, or way 2 (a copy
            // of way 1) once both extra tags are taken; the oldest extra tag goes after that.
            let extra = ic[9].get();
            if extra >> 32 != 0 && ic[5].get() == 0 {
                ic[5].set(tag);
                for i in 2..=4 {
                    ic[i + 4].set(ic[i].get());
                }
            } else {
                ic[9].set((extra << 32) | tag);
            }
            set_kind(ic, k);
            return;
        }
        if same && ic[1].get() != tag {
            for i in 1..=4 {
                ic[i + 4].set(ic[i].get());
            }
        } else if !same || ic[5].get() == tag {
            ic[5].set(0);
        }
        ic[9].set(0);
    }
    ic[1].set(tag);
    ic[2].set(holder_word);
    ic[3].set(version);
    ic[4].set(data);
    set_kind(ic, k);
}

/// Whether the dict recorded in words 1 and 2 of `way` (where the cached descriptor was found)
/// still has the recorded version. Call only after the way's type version guard matched.
#[inline]
fn holder_unchanged(way: &Ic) -> bool {
    let ic = way;
    // SAFETY: the type's version tag matched the one recorded with the holder dict, and tags are
    // never reused, so the type and its bases (which own the holder dict) are alive
    // (docs/vm.md, "Inline caches").
    let holder = unsafe { ObjectRef::from_raw(word_ptr(ic[1].get())) };
    // SAFETY: the holder is a dict (checked when cached).
    let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
    hd.version() == ic[2].get()
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
    desc_record(ic, k, tag, holder, hd.version(), ix as u64);
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
    if !instance && !is_plain_getattr(ty) && !crate::types::generator::getattr_is_generic(ty, name)
    {
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
                let data = value.raw().as_ptr() as usize as u64;
                desc_record(ic, ATTR_PROPERTY, tag, &holder, hd.version(), data);
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
            desc_record(ic, k, tag, &holder, hd.version(), value.raw().as_ptr() as usize as u64);
            true
        }
    }
}

/// `STORE_ATTR` through the cache: `Ok(())` when the value was stored, else the value back.
#[inline(always)]
pub(crate) fn store_attr_hit(
    ic: &Ic,
    owner: &Object,
    name: ObjectRef<'_>,
    value: Object,
) -> Result<(), Object> {
    let k = kind(ic);
    if k == STORE_SLOT {
        let Some(w) = desc_way(ic, version_of(owner.type_())) else { return Err(value) };
        if !holder_unchanged(&ic[w..]) {
            return Err(value);
        }
        let ix = ic[w + 3].get() as usize;
        let old = crate::types::instance::inline_slot_store(owner.as_ref(), ix, value)?;
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
    if version_of(ty) != ic[1].get() || !holder_unchanged(&ic[1..]) {
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

/// The block of words of the `LOAD_SUPER_ATTR` whose own words are `ic` (`None` for a code
/// object made without blocks).
#[inline]
fn super_block<'a>(all: &'a Ic, ic: &Ic) -> Option<&'a Ic> {
    let at = ic.get(1)?.get() as usize;
    if at == 0 {
        return None;
    }
    all.get(at..at + SUPER_WORDS)
}

/// `LOAD_SUPER_ATTR` through the cache (`super` is already known to be the built-in one): the
/// function or method descriptor `super(class, self).name` finds, when `class` and `type(self)`
/// are the ones recorded and nothing they depend on changed.
#[inline]
pub(crate) fn super_attr_hit(all: &Ic, ic: &Ic, class: &Object, self_: &Object) -> Option<Object> {
    if kind(ic) != SUPER_ATTR {
        return None;
    }
    let b = super_block(all, ic)?;
    if class.raw().as_ptr() as usize as u64 != b[1].get() || version_of(self_.type_()) != b[0].get()
    {
        return None;
    }
    // SAFETY: `type(self)` has the recorded version tag, and tags are never reused, so its MRO
    // (which holds the class owning the holder dict) is unchanged and alive (docs/vm.md,
    // "Inline caches").
    let holder = unsafe { ObjectRef::from_raw(word_ptr(b[2].get())) };
    // SAFETY: the holder is a dict (checked when cached).
    let hd = unsafe { holder.payload_unchecked::<DictPayload>() };
    if hd.version() != b[3].get() {
        return None;
    }
    // SAFETY: the holder dict is unchanged since the value was found in it, so it still owns a
    // reference to the value (docs/vm.md, "Inline caches").
    Some(unsafe { ObjectRef::from_raw(word_ptr(b[4].get())) }.to_owned())
}

/// After a `LOAD_SUPER_ATTR` missed its cache with the built-in `super`: records where
/// `super(class, self).name` is found, when that needs no Python code and gives a function or
/// method descriptor (bound to `self`, or pushed unbound with it by the method form).
pub(crate) fn specialise_super_attr(
    all: &Ic,
    ic: &Ic,
    class: ObjectRef<'_>,
    self_: ObjectRef<'_>,
    name: ObjectRef<'_>,
) {
    if k_is_specialised(ic) && attempts(ic) >= 16 {
        back_off(ic);
        return;
    }
    if !try_super_attr(all, ic, class, self_, name) {
        back_off(ic);
    }
}

fn try_super_attr(
    all: &Ic,
    ic: &Ic,
    class: ObjectRef<'_>,
    self_: ObjectRef<'_>,
    name: ObjectRef<'_>,
) -> bool {
    use crate::types::typeobject::{TYPE_TYPE, as_type};
    let Some(b) = super_block(all, ic) else { return false };
    let Some(cls) = as_type(class) else { return false };
    if self_.is_small_int() {
        return false;
    }
    let ty = self_.type_();
    // `super()` in a class method searches the class itself (not cached); an exception group's
    // MRO has a second base the base-chain walk below does not show.
    if ty.is_subtype(&TYPE_TYPE.0)
        || !ty.is_subtype(cls)
        || ty.is_subtype(&crate::types::exception_group::EXCEPTION_GROUP.0)
        || Some("__class__") == crate::types::str::Str::new(name).and_then(|s| s.as_str())
    {
        return false;
    }
    let tag = ensure_cache_tag(ty);
    if tag == 0 {
        return false;
    }
    let Some(Some((holder, value))) = find_after(ty, cls, name) else { return false };
    let vt = value.type_();
    let method_like = std::ptr::eq(vt, &FUNCTION_TYPE.0)
        || std::ptr::eq(vt, &METHOD_DESCRIPTOR_TYPE.0)
        || std::ptr::eq(vt, &crate::types::slotwrapper::WRAPPER_DESCRIPTOR_TYPE.0);
    if !method_like || !std::ptr::eq(holder.type_(), &DICT_TYPE.0) {
        return false;
    }
    let Some(hd) = as_dict(holder.as_ref()) else { return false };
    b[0].set(tag);
    b[1].set(class.raw().as_ptr() as usize as u64);
    b[2].set(holder.raw().as_ptr() as usize as u64);
    b[3].set(hd.version());
    b[4].set(value.raw().as_ptr() as usize as u64);
    set_kind(ic, SUPER_ATTR);
    true
}

/// Finds `name` in the MRO of `ty` after `cls`, without running Python code: the dict holding
/// it and its value, `Some(None)` when no later type has it (or `cls` is not in the MRO),
/// `None` when it cannot tell.
fn find_after(ty: &PyType, cls: &PyType, name: ObjectRef<'_>) -> Option<Option<(Object, Object)>> {
    let look = |cur: &PyType| -> Option<Option<(Object, Object)>> {
        let d = type_dict(cur);
        let dp = as_dict(d.as_ref())?;
        match dp.str_key_index(name)? {
            Some(ix) => {
                let v = dp.value_at(ix)?;
                Some(Some((d, v)))
            }
            None => Some(None),
        }
    };
    if let Some(mro) = ty.mro_tuple() {
        let items = crate::types::tuple::tuple_items(mro.as_ref())?;
        let Some(i) = items.iter().position(|t| t.as_ref().is(cls.as_object())) else {
            return Some(None);
        };
        for t in &items[i + 1..] {
            let cur = crate::types::typeobject::as_type(t.as_ref())?;
            if let Some(found) = look(cur)? {
                return Some(Some(found));
            }
        }
        return Some(None);
    }
    let mut t = Some(ty);
    while let Some(cur) = t {
        t = cur.base();
        if std::ptr::eq(cur, cls) {
            break;
        }
    }
    while let Some(cur) = t {
        if let Some(found) = look(cur)? {
            return Some(Some(found));
        }
        t = cur.base();
    }
    Some(None)
}
