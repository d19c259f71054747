//! `dict`: CPython's compact dict. A sparse index table (1, 2, 4 or 8 bytes per slot by size) maps
//! hash probes to a dense, insertion-ordered entry array, so iteration order is insertion order.
//! Probing (`i = 5*i + perturb + 1`, `perturb >>= 5`), the 2/3 load factor and growth to
//! `used*3` follow CPython. A version number changes on every mutation (for global-variable
//! caches). The state sits behind an `UnsafeCell`; no borrow of it spans a call that can run
//! Python code (key `__eq__`/`__hash__`), and a lookup that had to call out restarts if the table
//! changed meanwhile (docs/vm.md, "Interior mutability").

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::str::{STR_TYPE, Str};
use crate::types::typeobject::{
    AssSubscriptFn, BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

const DKIX_EMPTY: i64 = -1;
const DKIX_DUMMY: i64 = -2;
const LOG_MINSIZE: u8 = 3;
const PERTURB_SHIFT: u32 = 5;

#[inline]
fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// log2 of the smallest table size (at least 8) holding `minsize` slots.
fn log2_keysize(minsize: usize) -> u8 {
    let m = minsize.max(1 << LOG_MINSIZE);
    (usize::BITS - (m - 1).leading_zeros()) as u8
}

/// The sparse index table, its width chosen by size as CPython does. The smallest table (8
/// one-byte slots) lives inline in the dict, so an empty or small dict costs no allocation
/// for it.
enum Indices {
    Min([i8; 1 << LOG_MINSIZE]),
    I8(Box<[i8]>),
    I16(Box<[i16]>),
    I32(Box<[i32]>),
    I64(Box<[i64]>),
}

impl Indices {
    fn new(log2: u8) -> Indices {
        let n = 1usize << log2;
        match log2 {
            LOG_MINSIZE => Indices::Min([-1; 1 << LOG_MINSIZE]),
            0..8 => Indices::I8(vec![-1; n].into_boxed_slice()),
            8..16 => Indices::I16(vec![-1; n].into_boxed_slice()),
            16..32 => Indices::I32(vec![-1; n].into_boxed_slice()),
            _ => Indices::I64(vec![-1; n].into_boxed_slice()),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> i64 {
        match self {
            Indices::Min(v) => v[i] as i64,
            Indices::I8(v) => v[i] as i64,
            Indices::I16(v) => v[i] as i64,
            Indices::I32(v) => v[i] as i64,
            Indices::I64(v) => v[i],
        }
    }

    #[inline]
    fn set(&mut self, i: usize, ix: i64) {
        match self {
            Indices::Min(v) => v[i] = ix as i8,
            Indices::I8(v) => v[i] = ix as i8,
            Indices::I16(v) => v[i] = ix as i16,
            Indices::I32(v) => v[i] = ix as i32,
            Indices::I64(v) => v[i] = ix,
        }
    }
}

struct Entry {
    hash: isize,
    /// `None` once deleted (its index slot then holds DKIX_DUMMY).
    key: Option<Object>,
    value: Option<Object>,
}

struct DictInner {
    log2_size: u8,
    indices: Indices,
    entries: Vec<Entry>,
    /// Entries that may still be appended before a resize (CPython's `dk_usable`).
    usable: usize,
    /// Live items.
    used: usize,
    version: u64,
    /// Bumped whenever entries move or disappear, so a lookup that called out can tell.
    layout_gen: u64,
}

impl DictInner {
    fn new() -> DictInner {
        DictInner {
            log2_size: LOG_MINSIZE,
            indices: Indices::new(LOG_MINSIZE),
            entries: Vec::new(),
            usable: usable_fraction(1 << LOG_MINSIZE),
            used: 0,
            version: next_version(),
            layout_gen: 0,
        }
    }

    #[inline]
    fn mask(&self) -> usize {
        (1usize << self.log2_size) - 1
    }

    /// The first free (empty or dummy) index slot on `hash`'s probe sequence.
    fn find_empty_slot(&self, hash: isize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = perturb & mask;
        while self.indices.get(i) >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    /// Rebuilds the table at `log2` size with the live entries compacted in order.
    fn resize(&mut self, log2: u8) {
        let old = std::mem::take(&mut self.entries);
        self.log2_size = log2;
        self.indices = Indices::new(log2);
        let cap = usable_fraction(1 << log2);
        let mut entries = Vec::with_capacity(cap);
        entries.extend(old.into_iter().filter(|e| e.key.is_some()));
        self.entries = entries;
        for ix in 0..self.entries.len() {
            let slot = self.find_empty_slot(self.entries[ix].hash);
            self.indices.set(slot, ix as i64);
        }
        self.usable = cap - self.entries.len();
        self.layout_gen += 1;
    }

    fn insertion_resize(&mut self) {
        self.resize(log2_keysize(self.used * 3));
    }

    fn append(&mut self, hash: isize, key: Object, value: Object) {
        if self.usable == 0 {
            self.insertion_resize();
        }
        let slot = self.find_empty_slot(hash);
        self.indices.set(slot, self.entries.len() as i64);
        self.entries.push(Entry { hash, key: Some(key), value: Some(value) });
        self.usable -= 1;
        self.used += 1;
        self.version = next_version();
    }
}

static GLOBAL_VERSION: AtomicU64 = AtomicU64::new(0);

/// A fresh dict version, unique across dicts (PEP 509). Under the GIL a relaxed load and store is
/// enough (and compiles to plain moves).
fn next_version() -> u64 {
    let v = GLOBAL_VERSION.load(AtomicOrdering::Relaxed) + 1;
    GLOBAL_VERSION.store(v, AtomicOrdering::Relaxed);
    v
}

pub struct DictPayload {
    inner: UnsafeCell<DictInner>,
}

// SAFETY: dicts are built only by `new_dict` (and future subclass allocation) with a `DictPayload`.
unsafe impl PyPayload for DictPayload {
    fn type_object() -> &'static PyType {
        &DICT_TYPE.0
    }
}

impl Default for DictPayload {
    /// An empty dict's payload (for allocating instances of dict subclasses).
    fn default() -> Self {
        DictPayload { inner: UnsafeCell::new(DictInner::new()) }
    }
}

/// What one probe step saw.
enum Probe {
    /// The key is absent; nothing more to do.
    Missing,
    /// Found at entry `ix`, index slot `slot`.
    Found { ix: usize, slot: usize },
    /// A candidate with an equal hash that needs a Python-level comparison.
    Compare { ix: usize, slot: usize, key: Object },
    /// Keep probing.
    Next,
}

/// `a == b` for keys whose types' equality runs no Python code, else `None`.
#[inline]
pub(crate) fn builtin_key_eq(a: ObjectRef<'_>, b: ObjectRef<'_>) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Some(a.is(b));
    }
    let (ta, tb) = (a.type_(), b.type_());
    if std::ptr::eq(ta, &STR_TYPE.0) && std::ptr::eq(tb, &STR_TYPE.0) {
        return Some(Str::new(a)?.content_eq(Str::new(b)?));
    }
    None
}

impl DictPayload {
    /// Runs `f` on the dict's state. `f` must not run Python code, nor drop an `Object` whose
    /// deallocation could reach this dict.
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&mut DictInner) -> R) -> R {
        // SAFETY: the `&mut` lives only inside `f`; every `f` in this module neither calls a slot
        // nor drops a removed key or value (they are returned and dropped by the caller once the
        // borrow has ended), so nothing can reach this dict while the borrow lives (docs/vm.md,
        // "Interior mutability").
        f(unsafe { &mut *self.inner.get() })
    }

    pub fn len(&self) -> usize {
        self.with(|d| d.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The version number, changed by every mutation.
    pub fn version(&self) -> u64 {
        self.with(|d| d.version)
    }

    /// Finds `key` (whose hash is `hash`): `Some((entry index, index slot))` or `None`.
    fn lookup(&self, key: ObjectRef<'_>, hash: isize) -> PyResult<Option<(usize, usize)>> {
        'restart: loop {
            let (mask, gen_before) = self.with(|d| (d.mask(), d.layout_gen));
            let mut perturb = hash as usize;
            let mut i = perturb & mask;
            loop {
                let probe = self.with(|d| {
                    let ix = d.indices.get(i);
                    if ix == DKIX_EMPTY {
                        return Probe::Missing;
                    }
                    if ix == DKIX_DUMMY {
                        return Probe::Next;
                    }
                    let ix = ix as usize;
                    let e = &d.entries[ix];
                    let k = e.key.as_ref().expect("a live index points to a live entry");
                    if k.as_ref().is(key) {
                        return Probe::Found { ix, slot: i };
                    }
                    if e.hash != hash {
                        return Probe::Next;
                    }
                    match builtin_key_eq(k.as_ref(), key) {
                        Some(true) => Probe::Found { ix, slot: i },
                        Some(false) => Probe::Next,
                        None => Probe::Compare { ix, slot: i, key: k.clone() },
                    }
                });
                match probe {
                    Probe::Missing => return Ok(None),
                    Probe::Found { ix, slot } => return Ok(Some((ix, slot))),
                    Probe::Next => {}
                    Probe::Compare { ix, slot, key: candidate } => {
                        let eq = ops::rich_compare_bool(candidate.as_ref(), key, CompareOp::Eq)?;
                        let unchanged = self.with(|d| {
                            d.layout_gen == gen_before
                                && d.entries
                                    .get(ix)
                                    .and_then(|e| e.key.as_ref())
                                    .is_some_and(|k| k.as_ref().is(candidate.as_ref()))
                        });
                        if !unchanged {
                            // The comparison changed the dict: start over, as CPython does.
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some((ix, slot)));
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
        }
    }

    /// `d[key]`, or `None` when missing.
    pub fn get_item(&self, key: ObjectRef<'_>) -> PyResult<Option<Object>> {
        let hash = dict_key_hash(key)?;
        self.get_item_with_hash(key, hash)
    }

    pub fn get_item_with_hash(&self, key: ObjectRef<'_>, hash: isize) -> PyResult<Option<Object>> {
        Ok(match self.lookup(key, hash)? {
            Some((ix, _)) => self.with(|d| d.entries[ix].value.clone()),
            None => None,
        })
    }

    pub fn contains(&self, key: ObjectRef<'_>) -> PyResult<bool> {
        let hash = dict_key_hash(key)?;
        Ok(self.lookup(key, hash)?.is_some())
    }

    /// `d[key] = value`. An existing key keeps its position and its original key object.
    pub fn set_item(&self, key: Object, value: Object) -> PyResult<()> {
        let hash = dict_key_hash(key.as_ref())?;
        self.set_item_with_hash(key, hash, value)
    }

    pub fn set_item_with_hash(&self, key: Object, hash: isize, value: Object) -> PyResult<()> {
        match self.lookup(key.as_ref(), hash)? {
            Some((ix, _)) => {
                let old = self.with(|d| {
                    d.version = next_version();
                    d.entries[ix].value.replace(value)
                });
                drop(old);
            }
            None => self.with(|d| d.append(hash, key, value)),
        }
        Ok(())
    }

    /// `del d[key]`: the removed value, or `None` when the key was missing.
    pub fn del_item(&self, key: ObjectRef<'_>) -> PyResult<Option<Object>> {
        let hash = dict_key_hash(key)?;
        let Some((ix, slot)) = self.lookup(key, hash)? else { return Ok(None) };
        let (old_key, old_value) = self.with(|d| {
            d.indices.set(slot, DKIX_DUMMY);
            let e = &mut d.entries[ix];
            d.used -= 1;
            d.version = next_version();
            d.layout_gen += 1;
            (e.key.take(), e.value.take())
        });
        drop(old_key);
        Ok(old_value)
    }

    /// The item at entry position `pos` or later: `(next position, key, value)`. For iteration,
    /// which re-reads the dict at each step.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Object, Object)> {
        self.with(|d| {
            while let Some(e) = d.entries.get(pos) {
                pos += 1;
                if let (Some(k), Some(v)) = (&e.key, &e.value) {
                    return Some((pos, k.clone(), v.clone()));
                }
            }
            None
        })
    }

    /// The item at the last entry position below `pos`: `(its position, key, value)`. For
    /// reverse iteration.
    pub fn prev_entry(&self, mut pos: usize) -> Option<(usize, Object, Object)> {
        self.with(|d| {
            pos = pos.min(d.entries.len());
            while pos > 0 {
                pos -= 1;
                let e = &d.entries[pos];
                if let (Some(k), Some(v)) = (&e.key, &e.value) {
                    return Some((pos, k.clone(), v.clone()));
                }
            }
            None
        })
    }

    pub fn keys(&self) -> Vec<Object> {
        self.with(|d| d.entries.iter().filter_map(|e| e.key.clone()).collect())
    }

    pub fn values(&self) -> Vec<Object> {
        self.with(|d| d.entries.iter().filter_map(|e| e.value.clone()).collect())
    }

    pub fn items(&self) -> Vec<(Object, Object)> {
        self.with(|d| {
            d.entries.iter().filter_map(|e| Some((e.key.clone()?, e.value.clone()?))).collect()
        })
    }

    /// `d.popitem()`: removes and returns the last inserted item.
    pub fn pop_item(&self) -> Option<(Object, Object)> {
        self.with(|d| {
            while let Some(e) = d.entries.pop() {
                if let (Some(k), Some(v)) = (e.key, e.value) {
                    let slot = {
                        let mask = d.mask();
                        let mut perturb = e.hash as usize;
                        let mut i = perturb & mask;
                        while d.indices.get(i) != d.entries.len() as i64 {
                            perturb >>= PERTURB_SHIFT;
                            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
                        }
                        i
                    };
                    d.indices.set(slot, DKIX_DUMMY);
                    d.used -= 1;
                    d.version = next_version();
                    d.layout_gen += 1;
                    return Some((k, v));
                }
                d.layout_gen += 1;
            }
            None
        })
    }

    /// `d.clear()`; the old items are released after the dict is already empty.
    pub fn clear(&self) {
        let old = self.with(|d| std::mem::replace(d, DictInner::new()));
        drop(old);
    }

    /// Looks a Rust string key up. ASCII keys (identifiers) are found without allocating: the
    /// hash of an ASCII str is the hash of its UTF-8 bytes, and exact-str keys compare by bytes.
    pub fn get_str(&self, key: &str) -> PyResult<Option<Object>> {
        if key.is_ascii() {
            let hash = crate::hash::hash_bytes(key.as_bytes());
            let fast = self.with(|d| {
                let mask = d.mask();
                let mut perturb = hash as usize;
                let mut i = perturb & mask;
                loop {
                    let ix = d.indices.get(i);
                    if ix == DKIX_EMPTY {
                        return Some(None);
                    }
                    if ix >= 0 {
                        let e = &d.entries[ix as usize];
                        if e.hash == hash {
                            let k = e.key.as_ref().expect("live entry").as_ref();
                            if !std::ptr::eq(k.type_(), &STR_TYPE.0) {
                                // Another key type might equal a str: take the general path.
                                return None;
                            }
                            if Str::new(k).expect("str").raw_bytes() == key.as_bytes() {
                                return Some(e.value.clone());
                            }
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
                }
            });
            if let Some(found) = fast {
                return Ok(found);
            }
        }
        let k = crate::types::str::new_str(key);
        self.get_item(k.as_ref())
    }

    pub fn set_str(&self, key: &str, value: Object) -> PyResult<()> {
        self.set_item(crate::types::str::intern(key), value)
    }

    /// The entry index of the exact-str key `key`, found without running Python code:
    /// `Some(Some(ix))` found, `Some(None)` certainly absent, `None` when deciding would need a
    /// key's `__eq__` (a non-str key with the same hash). For the eval loop's inline caches.
    pub(crate) fn str_key_index(&self, key: ObjectRef<'_>) -> Option<Option<usize>> {
        let hash = Str::new(key)?.hash();
        self.with(|d| {
            let mask = d.mask();
            let mut perturb = hash as usize;
            let mut i = perturb & mask;
            loop {
                let ix = d.indices.get(i);
                if ix == DKIX_EMPTY {
                    return Some(None);
                }
                if ix >= 0 {
                    let e = &d.entries[ix as usize];
                    let k = e.key.as_ref().expect("live entry").as_ref();
                    if k.is(key) {
                        return Some(Some(ix as usize));
                    }
                    if e.hash == hash {
                        match builtin_key_eq(k, key) {
                            Some(true) => return Some(Some(ix as usize)),
                            Some(false) => {}
                            None => return None,
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
        })
    }

    /// The value of entry `ix` if its key is the object `key` (an inline cache's hint check).
    #[inline]
    pub(crate) fn value_at_if_key(&self, ix: usize, key: ObjectRef<'_>) -> Option<Object> {
        self.with(|d| match d.entries.get(ix) {
            Some(Entry { key: Some(k), value, .. }) if k.as_ref().is(key) => value.clone(),
            _ => None,
        })
    }

    /// The value of entry `ix`, for a cache that checked the dict's version.
    #[inline]
    pub(crate) fn value_at(&self, ix: usize) -> Option<Object> {
        self.with(|d| d.entries.get(ix).and_then(|e| e.value.clone()))
    }

    /// Replaces the value of entry `ix` if its key is the object `key`: `Ok(old value)` (to be
    /// dropped by the caller), or `Err(value)` back when the hint does not hold.
    #[inline]
    pub(crate) fn replace_at_if_key(
        &self,
        ix: usize,
        key: ObjectRef<'_>,
        value: Object,
    ) -> Result<Option<Object>, Object> {
        self.with(|d| match d.entries.get_mut(ix) {
            Some(e) if e.key.as_ref().is_some_and(|k| k.as_ref().is(key)) => {
                let old = e.value.replace(value);
                d.version = next_version();
                Ok(old)
            }
            _ => Err(value),
        })
    }
}

/// The hash of a dict key, with the dict's wording for unhashable keys.
pub fn dict_key_hash(key: ObjectRef<'_>) -> PyResult<isize> {
    // Exact strs only: a subclass may define `__hash__`.
    if let Some(s) = Str::new(key)
        && std::ptr::eq(key.type_(), &crate::types::str::STR_TYPE.0)
    {
        return Ok(s.hash());
    }
    ops::hash(key).map_err(|e| {
        if ops::is_unhashable_type(key.type_()) {
            let name = key.type_().name();
            PyErr::type_error(format!(
                "cannot use '{name}' as a dict key (unhashable type: '{name}')"
            ))
        } else {
            e
        }
    })
}

pub fn new_dict() -> Object {
    new_object(&DICT_TYPE.0, DictPayload { inner: UnsafeCell::new(DictInner::new()) })
}

pub fn as_dict(o: ObjectRef<'_>) -> Option<&DictPayload> {
    if o.is_small_int() || !o.type_().has_flag(TypeFlags::DICT_SUBCLASS) {
        return None;
    }
    // SAFETY: dict or a subclass: the payload is a DictPayload.
    Some(unsafe { o.payload_unchecked::<DictPayload>() })
}

/// Deallocates a dict.
///
/// # Safety
/// Called only by the deallocation path on a dead dict.
unsafe fn dict_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: dicts carry a `DictPayload`; dropping it releases keys and values in entry order.
    unsafe { dealloc_payload::<DictPayload>(obj) }
}

fn dict_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let d = as_dict(o).expect("dict");
    let mut pos = 0;
    while let Some((next, k, v)) = d.next_entry(pos) {
        visit(k.as_ref());
        visit(v.as_ref());
        pos = next;
    }
}

pub(crate) fn dict_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = as_dict(o).expect("dict");
    if d.is_empty() {
        return Ok(crate::types::str::new_str("{}"));
    }
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(crate::types::str::new_str("{...}"));
    };
    let mut out = String::from("{");
    let mut pos = 0;
    let mut first = true;
    while let Some((next, k, v)) = d.next_entry(pos) {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&ops::repr_string(k.as_ref())?);
        out.push_str(": ");
        out.push_str(&ops::repr_string(v.as_ref())?);
        pos = next;
    }
    out.push('}');
    Ok(crate::types::str::new_str(&out))
}

fn dict_equal(a: &DictPayload, b: &DictPayload) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((next, k, v)) = a.next_entry(pos) {
        let Some(bv) = b.get_item(k.as_ref())? else { return Ok(false) };
        if !ops::rich_compare_bool(v.as_ref(), bv.as_ref(), CompareOp::Eq)? {
            return Ok(false);
        }
        pos = next;
    }
    Ok(true)
}

fn dict_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    Ok(match op {
        CompareOp::Eq => crate::types::bool::py_bool(dict_equal(x, y)?),
        CompareOp::Ne => crate::types::bool::py_bool(!dict_equal(x, y)?),
        _ => crate::types::singletons::not_implemented(),
    })
}

fn dict_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_dict(o).expect("dict").len())
}

fn dict_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    subscript_get(as_dict(o).expect("dict"), key)
}

/// `d[key]` on a dict's storage: KeyError when missing. (CPython words an unhashable key
/// `cannot use 'T' as a dict key` here; only its specialised `BINARY_OP` says just `unhashable
/// type`, which depends on its warm-up, so the generic wording is kept.)
pub(crate) fn subscript_get(d: &DictPayload, key: ObjectRef<'_>) -> PyResult<Object> {
    match d.get_item(key)? {
        Some(v) => Ok(v),
        None => Err(PyErr::key_error(key.to_owned())),
    }
}

fn dict_ass_subscript(
    o: ObjectRef<'_>,
    key: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let d = as_dict(o).expect("dict");
    match v {
        Some(v) => d.set_item(key.to_owned(), v.to_owned()),
        None => match d.del_item(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.to_owned())),
        },
    }
}

fn dict_contains(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<bool> {
    as_dict(o).expect("dict").contains(key)
}

/// `clear` (the collector breaking a cycle): empties the dict.
fn dict_gc_clear(o: ObjectRef<'_>) {
    if let Some(d) = as_dict(o) {
        d.clear();
    }
}

/// `dict | other` (PEP 584): a copy of the left dict updated with the right; NotImplemented
/// unless both are dicts.
fn dict_or(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (Some(da), Some(db)) = (as_dict(a), as_dict(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let out = new_dict();
    let d = as_dict(out.as_ref()).expect("dict");
    for (k, v) in da.items().into_iter().chain(db.items()) {
        d.set_item(k, v)?;
    }
    Ok(out)
}

pub static DICT_TYPE: StaticType = StaticType(PyType::new_static(
    "dict",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<DictPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::DICT_SUBCLASS),
    17,
    dict_dealloc,
    Some(dict_traverse),
    dict_slots(),
));

/// `dict`'s slot table, which the native dict subclasses (`defaultdict`) start from.
pub(crate) const fn dict_slots() -> Slots {
    Slots {
        iter: slot(crate::types::iter::DICT_ITER),
        repr: slot(dict_repr as UnaryFn),
        clear: slot(dict_gc_clear as crate::types::typeobject::ClearFn),
        // Unhashable: the empty hash slot makes `hash()` raise.
        hash: crate::types::typeobject::Slot::empty(),
        richcompare: slot(dict_richcompare as RichCompareFn),
        sq_contains: slot(dict_contains as ContainsFn),
        mp_length: slot(dict_len as LenFn),
        mp_subscript: slot(dict_subscript as BinaryFn),
        mp_ass_subscript: slot(dict_ass_subscript as AssSubscriptFn),
        nb_or: slot(dict_or as BinaryFn),
        init: slot(crate::builtins::constructors::dict_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    }
}
