//! `set` and `frozenset`: CPython's open-addressing table (9 linear probes, then the perturbed
//! jump), its fill/used accounting, resizing at 60% and its paths for copy, union, intersection,
//! difference and symmetric difference, so that iteration order and `repr` match CPython. The
//! table sits behind an `UnsafeCell` with the dict's discipline: no borrow spans a call that can
//! run Python code, and a lookup that had to call `__eq__` restarts if the table changed
//! (docs/vm.md, "Interior mutability").

use std::alloc::Layout;
use std::cell::{Cell, UnsafeCell};

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{alloc_object, dealloc_payload, payload_ptr};
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::dict::builtin_key_eq;
use crate::types::singletons::not_implemented;
use crate::types::str::Str;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, HashFn, LenFn, PyType, RichCompareFn, Slot, Slots, StaticType,
    TypeFlags, UnaryFn, slot,
};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

enum Entry {
    Unused,
    Dummy,
    Active(isize, Object),
}

struct SetInner {
    table: Vec<Entry>,
    /// Active plus dummy entries.
    fill: usize,
    /// Active entries.
    used: usize,
    /// Where `pop` looks next.
    finger: usize,
    /// Bumped whenever entries move or disappear, so a lookup that called out can tell.
    generation: u64,
}

fn empty_table(n: usize) -> Vec<Entry> {
    let mut t = Vec::with_capacity(n);
    t.resize_with(n, || Entry::Unused);
    t
}

impl SetInner {
    fn new() -> SetInner {
        SetInner { table: empty_table(MINSIZE), fill: 0, used: 0, finger: 0, generation: 0 }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Places a key known to be absent into a table without dummies.
    fn insert_clean(table: &mut [Entry], key: Object, hash: isize) {
        let mask = table.len() - 1;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        loop {
            if matches!(table[i], Entry::Unused) {
                table[i] = Entry::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(table[i + j], Entry::Unused) {
                        table[i + j] = Entry::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// Rebuilds the table with the smallest size above `minused`, dropping dummies.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            // The smallest table without dummies: nothing to rebuild.
            return;
        }
        let old = std::mem::replace(&mut self.table, empty_table(newsize));
        self.fill = self.used;
        for e in old {
            if let Entry::Active(h, k) = e {
                Self::insert_clean(&mut self.table, k, h);
            }
        }
        self.generation += 1;
    }

    fn resize_after_growth(&mut self) {
        let n = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
        self.resize(n);
    }

    /// Empties the set, handing back the old entries for the caller to drop outside the borrow.
    fn take_all(&mut self) -> Vec<Entry> {
        self.fill = 0;
        self.used = 0;
        self.generation += 1;
        std::mem::replace(&mut self.table, empty_table(MINSIZE))
    }
}

/// One step of a probe, decided inside a borrow.
enum Probe {
    Found(usize),
    /// Absent; for insertion, the slot to use and whether it was unused (not a dummy).
    Absent(usize, bool),
    /// An equal-hash candidate at this index needs a Python-level comparison.
    Compare(usize, Object),
}

pub struct SetPayload {
    inner: UnsafeCell<SetInner>,
    /// frozenset's cached hash (-1 until computed).
    hash: Cell<isize>,
}

// SAFETY: sets and frozensets are made only by `alloc_set` with a `SetPayload`; `as_set` checks
// for either type before reading it.
unsafe impl PyPayload for SetPayload {
    fn type_object() -> &'static PyType {
        &SET_TYPE.0
    }
}

impl SetPayload {
    fn new() -> SetPayload {
        SetPayload { inner: UnsafeCell::new(SetInner::new()), hash: Cell::new(-1) }
    }

    /// Runs `f` on the table. `f` must not run Python code nor drop an `Object`.
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&mut SetInner) -> R) -> R {
        // SAFETY: the `&mut` lives only inside `f`; every `f` in this module neither calls a slot
        // nor drops a key (removed keys are returned and dropped after the borrow ends), so
        // nothing can reach this set while the borrow lives (docs/vm.md, "Interior mutability").
        f(unsafe { &mut *self.inner.get() })
    }

    pub fn len(&self) -> usize {
        self.with(|s| s.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key`; for an absent key, also the slot where `add` would put it.
    fn probe(&self, key: ObjectRef<'_>, hash: isize) -> PyResult<Probe> {
        'restart: loop {
            let generation = self.with(|s| s.generation);
            let mut step = 0usize;
            loop {
                // Walk the probe sequence from the start up to `step` candidates compared so
                // far; each call re-derives the position so no borrow spans the comparison.
                let probe = self.with(|s| {
                    let mask = s.mask();
                    let mut perturb = hash as usize;
                    let mut i = hash as usize & mask;
                    let mut freeslot: Option<usize> = None;
                    let mut seen = 0usize;
                    loop {
                        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                        for j in 0..=probes {
                            let idx = i + j;
                            match &s.table[idx] {
                                Entry::Unused => {
                                    return match freeslot {
                                        Some(f) => Probe::Absent(f, false),
                                        None => Probe::Absent(idx, true),
                                    };
                                }
                                Entry::Dummy => {
                                    freeslot = Some(idx);
                                }
                                Entry::Active(h, k) if *h == hash => {
                                    if k.as_ref().is(key) {
                                        return Probe::Found(idx);
                                    }
                                    match builtin_key_eq(k.as_ref(), key) {
                                        Some(true) => return Probe::Found(idx),
                                        Some(false) => {}
                                        None => {
                                            if seen == step {
                                                return Probe::Compare(idx, k.clone());
                                            }
                                            seen += 1;
                                        }
                                    }
                                }
                                Entry::Active(..) => {}
                            }
                        }
                        perturb >>= PERTURB_SHIFT;
                        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
                    }
                });
                match probe {
                    Probe::Compare(idx, candidate) => {
                        let eq = ops::rich_compare_bool(candidate.as_ref(), key, CompareOp::Eq)?;
                        let unchanged = self.with(|s| {
                            s.generation == generation
                                && matches!(&s.table[idx], Entry::Active(_, k) if k.as_ref().is(candidate.as_ref()))
                        });
                        if !unchanged {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Probe::Found(idx));
                        }
                        step += 1;
                    }
                    other => return Ok(other),
                }
            }
        }
    }

    pub fn contains_hashed(&self, key: ObjectRef<'_>, hash: isize) -> PyResult<bool> {
        Ok(matches!(self.probe(key, hash)?, Probe::Found(_)))
    }

    /// `s.add(key)` with its hash (an equal element already present is kept).
    pub fn add_hashed(&self, key: Object, hash: isize) -> PyResult<()> {
        match self.probe(key.as_ref(), hash)? {
            Probe::Found(_) => Ok(()),
            Probe::Absent(idx, unused) => {
                self.with(|s| {
                    s.table[idx] = Entry::Active(hash, key);
                    s.used += 1;
                    if unused {
                        s.fill += 1;
                        if s.fill * 5 >= s.mask() * 3 {
                            s.resize_after_growth();
                        }
                    }
                });
                Ok(())
            }
            Probe::Compare(..) => unreachable!("probe resolves comparisons"),
        }
    }

    /// Removes `key` if present; tells whether it was.
    pub fn discard_hashed(&self, key: ObjectRef<'_>, hash: isize) -> PyResult<bool> {
        let Probe::Found(idx) = self.probe(key, hash)? else { return Ok(false) };
        let old = self.with(|s| {
            s.used -= 1;
            s.generation += 1;
            std::mem::replace(&mut s.table[idx], Entry::Dummy)
        });
        drop(old);
        Ok(true)
    }

    pub fn add(&self, key: Object) -> PyResult<()> {
        let h = set_key_hash(key.as_ref())?;
        self.add_hashed(key, h)
    }

    pub fn contains(&self, key: ObjectRef<'_>) -> PyResult<bool> {
        let h = set_key_hash(key)?;
        self.contains_hashed(key, h)
    }

    pub fn discard(&self, key: ObjectRef<'_>) -> PyResult<bool> {
        let h = set_key_hash(key)?;
        self.discard_hashed(key, h)
    }

    /// `s.remove(key)`: KeyError when absent.
    pub fn remove(&self, key: ObjectRef<'_>) -> PyResult<()> {
        if self.discard_key(key)? { Ok(()) } else { Err(PyErr::key_error(key.to_owned())) }
    }

    /// The active entry at table position `pos` or later: `(next position, hash, key)`.
    fn next_entry(&self, mut pos: usize) -> Option<(usize, isize, Object)> {
        self.with(|s| {
            while let Some(e) = s.table.get(pos) {
                pos += 1;
                if let Entry::Active(h, k) = e {
                    return Some((pos, *h, k.clone()));
                }
            }
            None
        })
    }

    /// The elements in table order (new references).
    pub fn to_vec(&self) -> Vec<Object> {
        self.with(|s| {
            s.table
                .iter()
                .filter_map(|e| if let Entry::Active(_, k) = e { Some(k.clone()) } else { None })
                .collect()
        })
    }

    /// `s.pop()`: an element chosen as CPython does (from a moving finger).
    pub fn pop(&self) -> PyResult<Object> {
        let key = self.with(|s| {
            if s.used == 0 {
                return None;
            }
            let mask = s.mask();
            let mut i = s.finger & mask;
            while !matches!(s.table[i], Entry::Active(..)) {
                i = if i == mask { 0 } else { i + 1 };
            }
            s.used -= 1;
            s.finger = i + 1;
            s.generation += 1;
            match std::mem::replace(&mut s.table[i], Entry::Dummy) {
                Entry::Active(_, k) => Some(k),
                _ => unreachable!("checked active"),
            }
        });
        key.ok_or_else(|| PyErr::key_error(crate::types::str::new_str("pop from an empty set")))
    }

    pub fn clear(&self) {
        let old = self.with(SetInner::take_all);
        drop(old);
    }

    /// `set_merge`: adds every element of `other`, copying the table outright or inserting
    /// cleanly when this set is empty, as CPython does (which decides the resulting order).
    fn merge(&self, other: &SetPayload) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (o_fill, o_used, o_mask) = other.with(|o| (o.fill, o.used, o.mask()));
        self.with(|s| {
            if (s.fill + o_used) * 5 >= s.mask() * 3 {
                s.resize((s.used + o_used) * 2);
            }
        });
        let (fill, mask) = self.with(|s| (s.fill, s.mask()));
        if fill == 0 {
            let entries: Vec<(isize, Object)> = other.with(|o| {
                o.table
                    .iter()
                    .filter_map(|e| {
                        if let Entry::Active(h, k) = e { Some((*h, k.clone())) } else { None }
                    })
                    .collect()
            });
            if mask == o_mask && o_fill == o_used {
                // Same size, no dummies: copy slot for slot.
                let slots: Vec<Option<(isize, Object)>> =
                    other.with(|o| {
                        o.table
                            .iter()
                            .map(|e| {
                                if let Entry::Active(h, k) = e {
                                    Some((*h, k.clone()))
                                } else {
                                    None
                                }
                            })
                            .collect()
                    });
                drop(entries);
                self.with(|s| {
                    for (i, e) in slots.into_iter().enumerate() {
                        if let Some((h, k)) = e {
                            s.table[i] = Entry::Active(h, k);
                        }
                    }
                    s.fill = o_fill;
                    s.used = o_used;
                });
            } else {
                self.with(|s| {
                    for (h, k) in entries {
                        SetInner::insert_clean(&mut s.table, k, h);
                    }
                    s.fill = o_used;
                    s.used = o_used;
                });
            }
            return Ok(());
        }
        let mut pos = 0;
        while let Some((next, h, k)) = other.next_entry(pos) {
            self.add_hashed(k, h)?;
            pos = next;
        }
        Ok(())
    }

    /// `set_update_internal`: adds every element of `other`, with CPython's paths for a set
    /// (table merge), an exact dict (resize first, then insert with the dict's hashes) and any
    /// other iterable (one `add` per item), since the path decides the resulting order.
    pub fn update_from(&self, other: ObjectRef<'_>) -> PyResult<()> {
        if let Some(o) = as_set(other) {
            return self.merge(o);
        }
        if std::ptr::eq(other.type_(), &crate::types::dict::DICT_TYPE.0) {
            let d = crate::types::dict::as_dict(other).expect("dict");
            let n = d.len();
            self.with(|s| {
                if (s.fill + n) * 5 >= s.mask() * 3 {
                    s.resize((s.used + n) * 2);
                }
            });
            for k in d.keys() {
                self.add(k)?;
            }
            return Ok(());
        }
        let it = ops::iter(other)?;
        while let Some(x) = ops::next(it.as_ref())? {
            self.add(x)?;
        }
        Ok(())
    }

    /// The hash of a lookup key; a `set` that cannot be hashed is looked up as the frozenset
    /// with its elements (`{1} in {frozenset({1})}`), as CPython does.
    fn lookup_key(key: ObjectRef<'_>) -> PyResult<(Option<Object>, isize)> {
        match set_key_hash(key) {
            Ok(h) => Ok((None, h)),
            Err(e)
                if e.matches(&crate::types::exceptions::TYPE_ERROR)
                    && key.type_().is_subtype(&SET_TYPE.0) =>
            {
                let tmp = alloc_set(&FROZENSET_TYPE);
                as_set(tmp.as_ref()).expect("a set").merge(as_set(key).expect("a set"))?;
                let h = ops::hash(tmp.as_ref())?;
                Ok((Some(tmp), h))
            }
            Err(e) => Err(e),
        }
    }

    /// `key in s`, with the frozenset fallback for set keys.
    pub fn contains_key(&self, key: ObjectRef<'_>) -> PyResult<bool> {
        let (tmp, h) = Self::lookup_key(key)?;
        self.contains_hashed(tmp.as_ref().map_or(key, |t| t.as_ref()), h)
    }

    /// `s.discard(key)`, with the frozenset fallback for set keys.
    pub fn discard_key(&self, key: ObjectRef<'_>) -> PyResult<bool> {
        let (tmp, h) = Self::lookup_key(key)?;
        self.discard_hashed(tmp.as_ref().map_or(key, |t| t.as_ref()), h)
    }

    /// The frozenset hash of the elements (independent of order).
    fn compute_hash(&self) -> isize {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let (mut h, n) = self.with(|s| {
            let mut h = 0u64;
            for e in &s.table {
                if let Entry::Active(eh, _) = e {
                    h ^= shuffle(*eh as u64);
                }
            }
            (h, s.used as u64)
        });
        h ^= (n + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        h as isize
    }
}

/// The hash of a set element, with the set's wording for unhashable ones.
fn set_key_hash(key: ObjectRef<'_>) -> PyResult<isize> {
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
                "cannot use '{name}' as a set element (unhashable type: '{name}')"
            ))
        } else {
            e
        }
    })
}

/// The payload of a set or frozenset (or a subclass of either).
pub fn as_set(o: ObjectRef<'_>) -> Option<&SetPayload> {
    if o.is_small_int() {
        return None;
    }
    let t = o.type_();
    if t.is_subtype(&SET_TYPE.0) || t.is_subtype(&FROZENSET_TYPE.0) {
        // SAFETY: checked that it is a set or frozenset, which carry a SetPayload.
        Some(unsafe { o.payload_unchecked::<SetPayload>() })
    } else {
        None
    }
}

fn is_frozen(o: ObjectRef<'_>) -> bool {
    o.type_().is_subtype(&FROZENSET_TYPE.0)
}

fn alloc_set(ty: &'static StaticType) -> Object {
    let obj = alloc_object(&ty.0, Layout::new::<SetPayload>());
    // SAFETY: the allocation has room for a SetPayload at the payload offset and is ours.
    unsafe {
        payload_ptr::<SetPayload>(obj).write(SetPayload::new());
        Object::from_raw(obj)
    }
}

fn new_from(ty: &'static StaticType, items: Vec<Object>) -> PyResult<Object> {
    let o = alloc_set(ty);
    let s = as_set(o.as_ref()).expect("a set");
    for it in items {
        s.add(it)?;
    }
    Ok(o)
}

/// `set(items)`.
pub fn new_set(items: Vec<Object>) -> PyResult<Object> {
    new_from(&SET_TYPE, items)
}

/// `frozenset(items)`.
pub fn new_frozenset(items: Vec<Object>) -> PyResult<Object> {
    new_from(&FROZENSET_TYPE, items)
}

/// A new set of `o`'s base kind (set or frozenset) holding a copy of `o`.
fn copy_of(o: ObjectRef<'_>) -> PyResult<Object> {
    let result = alloc_set(if is_frozen(o) { &FROZENSET_TYPE } else { &SET_TYPE });
    as_set(result.as_ref()).expect("a set").merge(as_set(o).expect("a set"))?;
    Ok(result)
}

/// An empty set of `o`'s base kind.
fn empty_like(o: ObjectRef<'_>) -> Object {
    alloc_set(if is_frozen(o) { &FROZENSET_TYPE } else { &SET_TYPE })
}

fn set_or(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (Some(_), Some(y)) = (as_set(a), as_set(b)) else { return Ok(not_implemented()) };
    let result = copy_of(a)?;
    as_set(result.as_ref()).expect("a set").merge(y)?;
    Ok(result)
}

fn set_and(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (Some(mut big), Some(mut small)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let result = empty_like(a);
    let r = as_set(result.as_ref()).expect("a set");
    // Walk the smaller set, probing the larger.
    if small.len() > big.len() {
        std::mem::swap(&mut big, &mut small);
    }
    let mut pos = 0;
    while let Some((next, h, k)) = small.next_entry(pos) {
        if big.contains_hashed(k.as_ref(), h)? {
            r.add_hashed(k, h)?;
        }
        pos = next;
    }
    Ok(result)
}

fn set_sub(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else { return Ok(not_implemented()) };
    if (x.len() >> 2) > y.len() {
        // Much larger than the other: copy, then discard the common elements.
        let result = copy_of(a)?;
        let r = as_set(result.as_ref()).expect("a set");
        let mut pos = 0;
        while let Some((next, h, k)) = y.next_entry(pos) {
            r.discard_hashed(k.as_ref(), h)?;
            pos = next;
        }
        // More than a quarter dummies: resize them away.
        r.with(|s| {
            if s.fill - s.used > s.mask() / 4 {
                s.resize_after_growth();
            }
        });
        return Ok(result);
    }
    let result = empty_like(a);
    let r = as_set(result.as_ref()).expect("a set");
    let mut pos = 0;
    while let Some((next, h, k)) = x.next_entry(pos) {
        if !y.contains_hashed(k.as_ref(), h)? {
            r.add_hashed(k, h)?;
        }
        pos = next;
    }
    Ok(result)
}

fn set_xor(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (Some(x), Some(_)) = (as_set(a), as_set(b)) else { return Ok(not_implemented()) };
    // A copy of the right operand (of the left's kind), updated with the left's elements.
    let result = empty_like(a);
    let r = as_set(result.as_ref()).expect("a set");
    r.merge(as_set(b).expect("a set"))?;
    let mut pos = 0;
    while let Some((next, h, k)) = x.next_entry(pos) {
        if !r.discard_hashed(k.as_ref(), h)? {
            r.add_hashed(k, h)?;
        }
        pos = next;
    }
    Ok(result)
}

fn is_subset(x: &SetPayload, y: &SetPayload) -> PyResult<bool> {
    if x.len() > y.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((next, h, k)) = x.next_entry(pos) {
        if !y.contains_hashed(k.as_ref(), h)? {
            return Ok(false);
        }
        pos = next;
    }
    Ok(true)
}

fn set_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else { return Ok(not_implemented()) };
    let r = match op {
        CompareOp::Eq => x.len() == y.len() && is_subset(x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && is_subset(x, y)?),
        CompareOp::Le => is_subset(x, y)?,
        CompareOp::Ge => is_subset(y, x)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(x, y)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(y, x)?,
    };
    Ok(py_bool(r))
}

fn set_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let s = as_set(o).expect("a set");
    let name = o.type_().name();
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(crate::types::str::new_str(&format!("{name}(...)")));
    };
    if s.is_empty() {
        return Ok(crate::types::str::new_str(&format!("{name}()")));
    }
    let mut body = String::new();
    for (i, k) in s.to_vec().iter().enumerate() {
        if i > 0 {
            body.push_str(", ");
        }
        body.push_str(&ops::repr_string(k.as_ref())?);
    }
    let text = if std::ptr::eq(o.type_(), &SET_TYPE.0) {
        format!("{{{body}}}")
    } else {
        format!("{name}({{{body}}})")
    };
    Ok(crate::types::str::new_str(&text))
}

fn set_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_set(o).expect("a set").len())
}

fn set_contains(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<bool> {
    as_set(o).expect("a set").contains_key(key)
}

fn frozenset_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let s = as_set(o).expect("a frozenset");
    let h = s.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = s.compute_hash();
    s.hash.set(h);
    Ok(h)
}

fn set_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let s = as_set(o).expect("a set");
    let mut pos = 0;
    while let Some((next, _, k)) = s.next_entry(pos) {
        visit(k.as_ref());
        pos = next;
    }
}

/// The element after table position `pos`, for the set iterator: `(next position, element)`.
pub(crate) fn set_next(o: ObjectRef<'_>, pos: usize) -> Option<(usize, Object)> {
    as_set(o).expect("a set").next_entry(pos).map(|(p, _, k)| (p, k))
}

/// Deallocates a set or frozenset.
///
/// # Safety
/// Called only by the deallocation path on a dead set made by `alloc_set`.
unsafe fn set_dealloc(obj: std::ptr::NonNull<PyObject>) {
    // SAFETY: sets carry a `SetPayload`.
    unsafe { dealloc_payload::<SetPayload>(obj) }
}

/// `clear` (the collector breaking a cycle): empties the set (frozensets too).
fn set_gc_clear(o: ObjectRef<'_>) {
    if let Some(s) = as_set(o) {
        s.clear();
    }
}

const fn set_slots(hash: Slot<HashFn>) -> Slots {
    Slots {
        iter: slot(crate::types::iter::SET_ITER),
        repr: slot(set_repr as UnaryFn),
        clear: slot(set_gc_clear as crate::types::typeobject::ClearFn),
        hash,
        richcompare: slot(set_richcompare as RichCompareFn),
        nb_or: slot(set_or as BinaryFn),
        nb_and: slot(set_and as BinaryFn),
        nb_subtract: slot(set_sub as BinaryFn),
        nb_xor: slot(set_xor as BinaryFn),
        sq_length: slot(set_len as LenFn),
        sq_contains: slot(set_contains as ContainsFn),
        ..crate::types::object::object_slots()
    }
}

pub static SET_TYPE: StaticType = StaticType(PyType::new_static(
    "set",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SetPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC),
    19,
    set_dealloc,
    Some(set_traverse),
    Slots { init: slot(set_init as crate::types::typeobject::InitFn), ..set_slots(Slot::empty()) },
));

/// `set.__init__(self, iterable=())`: empties the set, then adds the iterable's items.
fn set_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all("set")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{} expected at most 1 argument, got {}",
            o.type_().name(),
            a.pos.len()
        )));
    }
    let s = as_set(o).expect("a set");
    s.clear();
    if let Some(x) = a.pos.first() {
        s.update_from(x.as_ref())?;
    }
    Ok(())
}

/// `a |= b`, `a &= b`, `a -= b`, `a ^= b` on a (mutable) set with a set or frozenset operand:
/// changes `a` in place and returns it, as CPython's `set_ior` & co.; `None` when the operands
/// do not qualify (the binary operation then decides).
pub fn inplace(a: ObjectRef<'_>, b: ObjectRef<'_>, op: ops::BinOp) -> PyResult<Option<Object>> {
    if is_frozen(a) || !a.type_().is_subtype(&SET_TYPE.0) {
        return Ok(None);
    }
    let (Some(sa), Some(sb)) = (as_set(a), as_set(b)) else { return Ok(None) };
    match op {
        ops::BinOp::Or => sa.merge(sb)?,
        ops::BinOp::And => {
            let r = set_and(a, b)?;
            sa.clear();
            sa.merge(as_set(r.as_ref()).expect("a set"))?;
        }
        ops::BinOp::Sub if std::ptr::eq(sa, sb) => sa.clear(),
        ops::BinOp::Sub => {
            for k in sb.to_vec() {
                sa.discard(k.as_ref())?;
            }
        }
        ops::BinOp::Xor if std::ptr::eq(sa, sb) => sa.clear(),
        ops::BinOp::Xor => {
            for k in sb.to_vec() {
                if !sa.discard(k.as_ref())? {
                    sa.add(k)?;
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(a.to_owned()))
}

/// An empty set or frozenset whose type is `ty`, a Python subclass of one of them.
pub fn new_empty_of_type(ty: &PyType) -> Object {
    let obj = alloc_object(ty, Layout::new::<SetPayload>());
    // SAFETY: the allocation has room for a SetPayload at the payload offset and is ours; `ty`
    // derives from set or frozenset, whose instances carry one.
    unsafe {
        payload_ptr::<SetPayload>(obj).write(SetPayload::new());
        Object::from_raw(obj)
    }
}

/// `v` (a set or frozenset) re-made as an instance of `ty`, a Python subclass of its type.
pub fn retype_set(ty: &PyType, v: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let Some(src) = as_set(v) else { return Ok(None) };
    let out = new_empty_of_type(ty);
    as_set(out.as_ref()).expect("a set").merge(src)?;
    Ok(Some(out))
}

/// Makes `set` subclassable: `set.__new__(cls)` is an empty set of `cls` (its `__init__`
/// fills it). Also registers `__reduce__` of `set` and `frozenset`.
pub(crate) fn register_subclassing() {
    crate::eval::typecall::register_subclass_new(&SET_TYPE.0, new_empty_of_type);
    for ty in [&SET_TYPE, &FROZENSET_TYPE] {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            "__reduce__",
            crate::types::function::new_method_descriptor(&ty.0, "__reduce__", set_reduce),
        );
    }
}

/// `set.__reduce__()`: `(type(s), (list(s),), s.__getstate__())`.
fn set_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = s.expect("a set");
    let owner = if me.type_().is_subtype(&FROZENSET_TYPE.0) { "frozenset" } else { "set" };
    crate::builtins::args::Args::new(args, kw).check_method(owner, "__reduce__", 0, 0)?;
    let st = as_set(me).ok_or_else(|| PyErr::type_error("descriptor requires a set"))?;
    let mut keys = Vec::with_capacity(st.len());
    let mut pos = 0;
    while let Some((next, k)) = set_next(me, pos) {
        keys.push(k);
        pos = next;
    }
    let getstate = crate::attr::getattr(me, crate::types::str::intern("__getstate__").as_ref())?;
    let state = crate::ops::call(getstate.as_ref(), &[], None)?;
    Ok(crate::types::tuple::new_tuple(vec![
        me.type_().as_object().to_owned(),
        crate::types::tuple::new_tuple(vec![crate::types::list::new_list(keys)]),
        state,
    ]))
}

pub static FROZENSET_TYPE: StaticType = StaticType(PyType::new_static(
    "frozenset",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SetPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC),
    20,
    set_dealloc,
    Some(set_traverse),
    set_slots(slot(frozenset_hash as HashFn)),
));
