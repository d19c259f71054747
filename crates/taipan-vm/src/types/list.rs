//! `list`: a mutable sequence. Its items are a `Vec<Object>` behind an `UnsafeCell`; every access
//! goes through the methods here, which never let a Rust reference into the vector outlive the
//! method or span a call that could run Python code (docs/vm.md, "Interior mutability").

use std::cell::UnsafeCell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::typeobject::{
    AssSubscriptFn, BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, SeqAssItemFn,
    SeqItemFn, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct ListPayload {
    items: UnsafeCell<Vec<Object>>,
}

// SAFETY: lists are built only by `new_list` (and future subclass allocation) with a `ListPayload`.
unsafe impl PyPayload for ListPayload {
    fn type_object() -> &'static PyType {
        &LIST_TYPE.0
    }
}

impl Default for ListPayload {
    /// An empty list's payload (for allocating instances of list subclasses).
    fn default() -> Self {
        ListPayload { items: UnsafeCell::new(Vec::new()) }
    }
}

impl ListPayload {
    /// Runs `f` on the vector. `f` must not run Python code nor drop an item.
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&mut Vec<Object>) -> R) -> R {
        // SAFETY: the `&mut` lives only inside `f`; every `f` in this module neither calls a slot
        // nor drops an item (removed or replaced items are returned and dropped by the caller once
        // the borrow has ended), so nothing can reach this list while the borrow lives
        // (docs/vm.md, "Interior mutability").
        f(unsafe { &mut *self.items.get() })
    }

    pub fn len(&self) -> usize {
        self.with(|v| v.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i`.
    pub fn get(&self, i: usize) -> Option<Object> {
        self.with(|v| v.get(i).cloned())
    }

    pub fn append(&self, item: Object) {
        self.with(|v| v.push(item));
    }

    pub fn insert(&self, i: usize, item: Object) {
        self.with(|v| {
            let i = i.min(v.len());
            v.insert(i, item)
        });
    }

    /// Replaces item `i`, returning the old one (dropped by the caller, after the borrow ends).
    pub fn set(&self, i: usize, item: Object) -> Option<Object> {
        self.with(|v| v.get_mut(i).map(|slot| std::mem::replace(slot, item)))
    }

    /// Swaps items `i` and `j`; false (and nothing moves) if either is out of range.
    pub fn swap(&self, i: usize, j: usize) -> bool {
        self.with(|v| {
            if i < v.len() && j < v.len() {
                v.swap(i, j);
                true
            } else {
                false
            }
        })
    }

    /// Removes and returns item `i`.
    pub fn remove(&self, i: usize) -> Option<Object> {
        self.with(|v| if i < v.len() { Some(v.remove(i)) } else { None })
    }

    pub fn pop(&self) -> Option<Object> {
        self.with(|v| v.pop())
    }

    /// A snapshot of the items (new references).
    pub fn to_vec(&self) -> Vec<Object> {
        self.with(|v| v.clone())
    }

    /// Removes every item; they are released after the borrow ends, last to first (CPython's
    /// `list_clear`).
    pub fn clear(&self) {
        release_last_to_first(self.with(std::mem::take));
    }

    pub fn extend(&self, items: Vec<Object>) {
        self.with(|v| v.extend(items));
    }

    /// Moves every item out, leaving the list empty (for a list only the caller can see).
    pub fn take_items(&self) -> Vec<Object> {
        self.with(std::mem::take)
    }

    /// A new list of the `n` items at `start`, `start + step`, ... (bounds already adjusted to
    /// this list's length by `SlicePayload::indices` or `adjust_range`).
    pub fn slice_to_list(&self, start: isize, step: isize, n: usize) -> Object {
        let items = self.with(|v| {
            if step == 1 {
                let start = start as usize;
                v.get(start..start + n).map_or_else(Vec::new, <[Object]>::to_vec)
            } else {
                // Sized once; a position outside the list (the list shrank while a bound's
                // `__index__` ran) is skipped rather than trusted.
                let mut out = Vec::with_capacity(n);
                for k in 0..n {
                    if let Some(x) = v.get((start + k as isize * step) as usize) {
                        out.push(x.clone());
                    }
                }
                out
            }
        });
        new_list(items)
    }

    /// `self[start:start + n] = new` (step 1): the `n` old items are replaced by `new`, which
    /// may be longer or shorter. The old items are released last to first once the list is
    /// consistent again, as CPython's `list_ass_slice` releases them.
    pub fn replace_range(&self, start: usize, n: usize, mut new: Vec<Object>) {
        let old = self.with(|v| {
            let start = start.min(v.len());
            let n = n.min(v.len() - start);
            let m = new.len();
            let common = n.min(m);
            for (slot, item) in v[start..start + common].iter_mut().zip(new.iter_mut()) {
                std::mem::swap(slot, item);
            }
            // `new[..common]` now holds the replaced items.
            if m > n {
                let extra = new.split_off(n);
                v.splice(start + n..start + n, extra);
            } else if n > m {
                new.extend(v.drain(start + m..start + n));
            }
            new
        });
        release_last_to_first(old);
    }

    /// Extended-slice assignment: the items at `start`, `start + step`, ... become `new` (same
    /// length, checked by the caller); the old ones are released in slice order afterwards.
    fn assign_extended(&self, start: isize, step: isize, mut new: Vec<Object>) {
        self.with(|v| {
            for (k, item) in new.iter_mut().enumerate() {
                if let Some(slot) = v.get_mut((start + k as isize * step) as usize) {
                    std::mem::swap(slot, item);
                }
            }
        });
        drop(new);
    }

    /// Deletes the `n` items at `start`, `start + step`, ... (step != 1 or 1); they are
    /// released as CPython releases them: a contiguous range last to first, an extended slice
    /// in increasing index order.
    fn delete_slice(&self, start: isize, step: isize, n: usize) {
        if n == 0 {
            return;
        }
        if step == 1 {
            let start = start as usize;
            let old: Vec<Object> = self.with(|v| {
                let end = (start + n).min(v.len());
                v.drain(start.min(end)..end).collect()
            });
            release_last_to_first(old);
            return;
        }
        // Normalise to an increasing walk over the same indices.
        let (lo, step) =
            if step < 0 { (start + (n as isize - 1) * step, -step) } else { (start, step) };
        let (lo, step) = (lo as usize, step as usize);
        let removed = self.with(|v| {
            let mut removed = Vec::with_capacity(n);
            let mut kept = Vec::with_capacity(v.len() - n);
            for (i, item) in std::mem::take(v).into_iter().enumerate() {
                if i >= lo && (i - lo) % step == 0 && (i - lo) / step < n {
                    removed.push(item);
                } else {
                    kept.push(item);
                }
            }
            *v = kept;
            removed
        });
        drop(removed);
    }
}

/// Drops `items` from the last to the first.
fn release_last_to_first(mut items: Vec<Object>) {
    while let Some(x) = items.pop() {
        drop(x);
    }
}

/// The items of `v` for a slice assignment: a list that only the caller holds gives its
/// items away (no count changes); any other list or tuple is copied.
pub fn assigned_items(v: Object) -> PyResult<Vec<Object>> {
    if let Some(l) = as_list(v.as_ref()) {
        if v.as_ref().refcnt() == Some(1) {
            return Ok(l.take_items());
        }
        return Ok(l.to_vec());
    }
    ops::sequence_to_vec(v.as_ref())
}

/// `start`/`stop` of a step-1 slice given as tagged ints or `None`, adjusted to `len` as
/// `SlicePayload::indices` would: `(start, n)`. `None` if a bound is anything else.
#[inline]
pub fn adjust_range(
    start: ObjectRef<'_>,
    stop: ObjectRef<'_>,
    len: usize,
) -> Option<(usize, usize)> {
    let len = len as i64;
    let bound = |o: ObjectRef<'_>, default: i64| -> Option<i64> {
        if let Some(v) = o.small_int() {
            Some(if v < 0 { (v + len).max(0) } else { v.min(len) })
        } else if crate::types::singletons::is_none(o) {
            Some(default)
        } else {
            None
        }
    };
    let start = bound(start, 0)?;
    let stop = bound(stop, len)?;
    Some((start as usize, (stop - start).max(0) as usize))
}

pub fn new_list(items: Vec<Object>) -> Object {
    new_object(&LIST_TYPE.0, ListPayload { items: UnsafeCell::new(items) })
}

pub fn as_list(o: ObjectRef<'_>) -> Option<&ListPayload> {
    if o.is_small_int() || !o.type_().has_flag(TypeFlags::LIST_SUBCLASS) {
        return None;
    }
    // SAFETY: list or a subclass: the payload is a ListPayload.
    Some(unsafe { o.payload_unchecked::<ListPayload>() })
}

/// Deallocates a list.
///
/// # Safety
/// Called only by the deallocation path on a dead list.
unsafe fn list_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: lists carry a `ListPayload`. The items are released last to first, as CPython's
    // `list_dealloc` does (observable through `__del__`), then the emptied payload is dropped.
    unsafe {
        let l = crate::object::alloc::payload_ptr::<ListPayload>(obj).as_ref();
        let mut items = l.with(std::mem::take);
        while let Some(x) = items.pop() {
            drop(x);
        }
        dealloc_payload::<ListPayload>(obj)
    }
}

fn list_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    // Last to first, as CPython's `list_traverse` (observable in `gc.get_referents`). A
    // visitor only reads or counts (the collector's, `gc.get_referents`'): it runs no Python
    // code and drops nothing, so it may see the items in place.
    let l = as_list(o).expect("list");
    l.with(|v| {
        for it in v.iter().rev() {
            visit(it.as_ref());
        }
    });
}

fn list_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let l = as_list(o).expect("list");
    if l.is_empty() {
        return Ok(crate::types::str::new_str("[]"));
    }
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(crate::types::str::new_str("[...]"));
    };
    let mut out = String::from("[");
    // Re-read the length each step: an item's repr may mutate the list.
    let mut i = 0;
    while let Some(it) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(it.as_ref())?);
        i += 1;
    }
    out.push(']');
    Ok(crate::types::str::new_str(&out))
}

fn list_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_list(a), as_list(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    crate::types::tuple::compare_sequences(
        &|| x.len(),
        &|| y.len(),
        &|i| x.get(i),
        &|i| y.get(i),
        op,
    )
}

fn list_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_list(o).expect("list").len())
}

fn list_item(o: ObjectRef<'_>, i: isize) -> PyResult<Object> {
    let l = as_list(o).expect("list");
    usize::try_from(i)
        .ok()
        .and_then(|i| l.get(i))
        .ok_or_else(|| PyErr::index_error("list index out of range"))
}

fn list_ass_item(o: ObjectRef<'_>, i: isize, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let l = as_list(o).expect("list");
    let idx = usize::try_from(i).ok().filter(|&i| i < l.len());
    let Some(idx) = idx else {
        return Err(PyErr::index_error("list assignment index out of range"));
    };
    match v {
        Some(v) => drop(l.set(idx, v.to_owned())),
        None => drop(l.remove(idx)),
    }
    Ok(())
}

fn normalize_index(i: isize, len: usize) -> isize {
    if i < 0 { i + len as isize } else { i }
}

fn list_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let l = as_list(o).expect("list");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(l.len())?;
        return Ok(l.slice_to_list(start, step, n));
    }
    match ops::index_value(key)? {
        Some(i) => list_item(o, normalize_index(i, l.len())),
        None => Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.type_().name()
        ))),
    }
}

fn list_ass_subscript(
    o: ObjectRef<'_>,
    key: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let l = as_list(o).expect("list");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(l.len())?;
        return match v {
            None => {
                l.delete_slice(start, step, n);
                Ok(())
            }
            Some(v) => assign_slice(l, start, step, n, assigned_items(v.to_owned())?),
        };
    }
    match ops::index_value(key)? {
        Some(i) => list_ass_item(o, normalize_index(i, l.len()), v),
        None => Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.type_().name()
        ))),
    }
}

/// `l[slice] = new_items` for a slice already adjusted to `l`'s length.
pub fn assign_slice(
    l: &ListPayload,
    start: isize,
    step: isize,
    n: usize,
    new_items: Vec<Object>,
) -> PyResult<()> {
    if step == 1 {
        l.replace_range(start as usize, n, new_items);
        Ok(())
    } else if new_items.len() != n {
        Err(PyErr::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            n
        )))
    } else {
        l.assign_extended(start, step, new_items);
        Ok(())
    }
}

fn list_concat(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let x = as_list(a).expect("list");
    let Some(y) = as_list(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_().name()
        )));
    };
    let mut items = x.to_vec();
    items.extend(y.to_vec());
    Ok(new_list(items))
}

fn list_repeat(a: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let x = as_list(a).expect("list").to_vec();
    if n <= 0 || x.is_empty() {
        return Ok(new_list(Vec::new()));
    }
    let total = x.len().checked_mul(n as usize).ok_or_else(PyErr::memory_error)?;
    if total > isize::MAX as usize / 8 {
        return Err(PyErr::memory_error());
    }
    let mut items = Vec::new();
    items.try_reserve_exact(total).map_err(|_| PyErr::memory_error())?;
    items.extend(x.iter().cycle().take(total).cloned());
    Ok(new_list(items))
}

fn list_contains(a: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let l = as_list(a).expect("list");
    let mut i = 0;
    while let Some(it) = l.get(i) {
        if ops::rich_compare_bool(it.as_ref(), v, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// `clear` (the collector breaking a cycle): empties the list.
fn list_gc_clear(o: ObjectRef<'_>) {
    if let Some(l) = as_list(o) {
        l.clear();
    }
}

pub static LIST_TYPE: StaticType = StaticType(PyType::new_static(
    "list",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ListPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::LIST_SUBCLASS),
    16,
    list_dealloc,
    Some(list_traverse),
    Slots {
        iter: slot(crate::types::iter::LIST_ITER),
        repr: slot(list_repr as UnaryFn),
        clear: slot(list_gc_clear as crate::types::typeobject::ClearFn),
        // Unhashable: the empty hash slot makes `hash()` raise.
        hash: crate::types::typeobject::Slot::empty(),
        richcompare: slot(list_richcompare as RichCompareFn),
        sq_length: slot(list_len as LenFn),
        sq_concat: slot(list_concat as BinaryFn),
        sq_repeat: slot(list_repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        sq_item: slot(list_item as SeqItemFn),
        sq_ass_item: slot(list_ass_item as SeqAssItemFn),
        sq_contains: slot(list_contains as ContainsFn),
        mp_length: slot(list_len as LenFn),
        mp_subscript: slot(list_subscript as BinaryFn),
        mp_ass_subscript: slot(list_ass_subscript as AssSubscriptFn),
        init: slot(crate::builtins::constructors::list_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    },
));

/// The list payload of an exact `list` (not a subclass, which may override `__getitem__`).
#[inline]
pub fn as_exact_list(o: ObjectRef<'_>) -> Option<&ListPayload> {
    if o.is_small_int() || !std::ptr::eq(o.type_(), &LIST_TYPE.0) {
        return None;
    }
    // SAFETY: an exact list carries a `ListPayload`.
    Some(unsafe { o.payload_unchecked::<ListPayload>() })
}

/// `BINARY_SLICE` on an exact list with tagged-int or `None` bounds: the new list, without
/// building a slice object. `None` when the case does not apply (the generic path runs).
#[inline]
pub fn exact_list_slice(
    container: ObjectRef<'_>,
    start: ObjectRef<'_>,
    stop: ObjectRef<'_>,
) -> Option<Object> {
    let l = as_exact_list(container)?;
    let (start, n) = adjust_range(start, stop, l.len())?;
    Some(l.slice_to_list(start as isize, 1, n))
}

/// `STORE_SLICE` of an exact list or tuple into an exact list with tagged-int or `None`
/// bounds, without building a slice object; gives `v` back when the case does not apply.
#[inline]
pub fn exact_list_store_slice(
    container: ObjectRef<'_>,
    start: ObjectRef<'_>,
    stop: ObjectRef<'_>,
    v: Object,
) -> Result<(), Object> {
    let Some(l) = as_exact_list(container) else { return Err(v) };
    let Some((start, n)) = adjust_range(start, stop, l.len()) else { return Err(v) };
    if as_exact_list(v.as_ref()).is_none()
        && !std::ptr::eq(v.as_ref().type_(), &crate::types::tuple::TUPLE_TYPE.0)
    {
        return Err(v);
    }
    // An exact list or tuple always gives its items.
    let items = assigned_items(v).unwrap_or_default();
    l.replace_range(start, n, items);
    Ok(())
}
