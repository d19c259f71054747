//! The iterators of the core containers: `list_iterator`, `tuple_iterator`, `str_ascii_iterator`
//! / `str_iterator`, `bytes_iterator`, and dict key/value/item iterators. An exhausted iterator
//! drops its container, as CPython's do. Dict iterators raise CPython's RuntimeError when the
//! dict changes size while they run.

use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bytes::bytes_data;
use crate::types::dict::as_dict;
use crate::types::list::as_list;
use crate::types::str::Str;
use crate::types::tuple::tuple_items;
use crate::types::typeobject::{IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

/// What an iterator walks over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    List,
    /// `reversed(list)`: `pos` counts the items still to yield, from the end.
    ListReverse,
    Tuple,
    Str,
    Bytes,
    Set,
    DictKeys,
    DictValues,
    DictItems,
}

pub struct IterPayload {
    kind: Kind,
    /// The container; `None` once exhausted.
    seq: Cell<Option<Object>>,
    /// Next index (sequences) or entry position (dicts).
    pos: Cell<usize>,
    /// The dict's size when iteration started (dict iterators only).
    expected_len: Cell<usize>,
    /// How many more entries a dict iterator expects to yield (CPython's `di_len`): finding an
    /// entry when none is expected means keys were replaced during iteration.
    remaining: Cell<usize>,
}

// SAFETY: every iterator type below is created only by `new_iter` with an `IterPayload`, and
// `type_object` names their common base for the subtype check (all share one layout).
unsafe impl PyPayload for IterPayload {
    fn type_object() -> &'static PyType {
        &ITER_BASE_TYPE.0
    }
}

fn new_iter(ty: &'static StaticType, kind: Kind, seq: Object, expected_len: usize) -> Object {
    new_object(
        &ty.0,
        IterPayload {
            kind,
            seq: Cell::new(Some(seq)),
            pos: Cell::new(0),
            expected_len: Cell::new(expected_len),
            remaining: Cell::new(expected_len),
        },
    )
}

/// `iter(list)` and friends.
fn list_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_iter(&LIST_ITERATOR_TYPE, Kind::List, o.to_owned(), 0))
}

fn tuple_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_iter(&TUPLE_ITERATOR_TYPE, Kind::Tuple, o.to_owned(), 0))
}

fn str_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let ascii = Str::new(o).expect("str").is_ascii();
    let ty = if ascii { &STR_ASCII_ITERATOR_TYPE } else { &STR_ITERATOR_TYPE };
    Ok(new_iter(ty, Kind::Str, o.to_owned(), 0))
}

fn bytes_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_iter(&BYTES_ITERATOR_TYPE, Kind::Bytes, o.to_owned(), 0))
}

fn set_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let n = crate::types::set::as_set(o).expect("set").len();
    Ok(new_iter(&SET_ITERATOR_TYPE, Kind::Set, o.to_owned(), n))
}

fn dict_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    dict_keys_iter(o)
}

/// An iterator over a dict's keys.
pub fn dict_keys_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let n = as_dict(o).expect("dict").len();
    Ok(new_iter(&DICT_KEYITERATOR_TYPE, Kind::DictKeys, o.to_owned(), n))
}

/// An iterator over a dict's values.
pub fn dict_values_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let n = as_dict(o).expect("dict").len();
    Ok(new_iter(&DICT_VALUEITERATOR_TYPE, Kind::DictValues, o.to_owned(), n))
}

/// An iterator over a dict's `(key, value)` pairs.
pub fn dict_items_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let n = as_dict(o).expect("dict").len();
    Ok(new_iter(&DICT_ITEMITERATOR_TYPE, Kind::DictItems, o.to_owned(), n))
}

fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

/// `FOR_ITER`'s fast path (CPython's `FOR_ITER_LIST`/`FOR_ITER_TUPLE`): the next item of a
/// list or tuple iterator without the slot's indirect call; `None` for any other iterator.
#[inline]
pub(crate) fn list_tuple_next(o: ObjectRef<'_>) -> Option<PyResult<Option<Object>>> {
    if o.is_small_int() {
        return None;
    }
    let ty = o.type_();
    let list = std::ptr::eq(ty, &LIST_ITERATOR_TYPE.0);
    if !list && !std::ptr::eq(ty, &TUPLE_ITERATOR_TYPE.0) {
        return None;
    }
    // SAFETY: list and tuple iterators are made by `new_iter` with an `IterPayload`.
    let it = unsafe { o.payload_unchecked::<IterPayload>() };
    let pos = it.pos.get();
    // The container is read in place (no move out of the cell and back): fetching an item runs
    // no Python code and drops nothing, so nothing can replace `seq` meanwhile.
    // SAFETY: the shared borrow of the cell's content ends before the cell is written below.
    let item = match unsafe { &*it.seq.as_ptr() } {
        None => return Some(Ok(None)),
        Some(seq) if list => {
            // SAFETY: a list iterator's container is a list or a list subclass instance, which
            // carries a `ListPayload`.
            unsafe { seq.as_ref().payload_unchecked::<crate::types::list::ListPayload>() }.get(pos)
        }
        Some(seq) => tuple_items(seq.as_ref()).and_then(|items| items.get(pos).cloned()),
    };
    match item {
        Some(v) => {
            it.pos.set(pos + 1);
            Some(Ok(Some(v)))
        }
        None => {
            // Exhausted: the container is released.
            drop(it.seq.take());
            Some(Ok(None))
        }
    }
}

fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let it = o.payload::<IterPayload>().expect("an iterator");
    let Some(seq) = it.seq.take() else { return Ok(None) };
    let pos = it.pos.get();
    let s = seq.as_ref();
    let item = match it.kind {
        Kind::List => as_list(s).expect("list").get(pos),
        Kind::ListReverse => {
            let l = as_list(s).expect("list");
            // `pos` is the number of items left; a shrunk list ends the iteration.
            if pos == 0 || pos > l.len() {
                // CPython keeps the list (so `__setstate__` can restart it).
                it.pos.set(0);
                it.seq.set(Some(seq));
                return Ok(None);
            }
            let item = l.get(pos - 1);
            it.pos.set(pos - 1);
            it.seq.set(Some(seq));
            return Ok(item);
        }
        Kind::Tuple => tuple_items(s).expect("tuple").get(pos).cloned(),
        Kind::Str => {
            let st = Str::new(s).expect("str");
            (pos < st.len()).then(|| {
                let one = [st.char_at(pos)];
                crate::types::str::new_str_from_code_points(&one)
            })
        }
        Kind::Bytes => bytes_data(s)
            .expect("bytes")
            .get(pos)
            .map(|&b| crate::types::int::new_int_i64(b as i64)),
        Kind::Set => {
            let st = crate::types::set::as_set(s).expect("set");
            if st.len() != it.expected_len.get() {
                it.expected_len.set(usize::MAX);
                it.seq.set(Some(seq));
                return Err(PyErr::new(
                    &crate::types::exceptions::RUNTIME_ERROR,
                    "Set changed size during iteration",
                ));
            }
            match crate::types::set::set_next(s, pos) {
                Some((next, k)) => {
                    it.remaining.set(it.remaining.get().saturating_sub(1));
                    it.pos.set(next);
                    it.seq.set(Some(seq));
                    return Ok(Some(k));
                }
                None => None,
            }
        }
        Kind::DictKeys | Kind::DictValues | Kind::DictItems => {
            let d = as_dict(s).expect("dict");
            if d.len() != it.expected_len.get() {
                // Keep the dict so the error repeats on the next call, as CPython does (it sets
                // the expected size to -1).
                it.expected_len.set(usize::MAX);
                it.seq.set(Some(seq));
                return Err(PyErr::new(
                    &crate::types::exceptions::RUNTIME_ERROR,
                    "dictionary changed size during iteration",
                ));
            }
            match d.next_entry(pos) {
                Some((next, k, v)) => {
                    let left = it.remaining.get();
                    if left == 0 {
                        it.expected_len.set(usize::MAX);
                        it.seq.set(Some(seq));
                        return Err(PyErr::new(
                            &crate::types::exceptions::RUNTIME_ERROR,
                            "dictionary keys changed during iteration",
                        ));
                    }
                    it.remaining.set(left - 1);
                    it.pos.set(next);
                    it.seq.set(Some(seq));
                    return Ok(Some(match it.kind {
                        Kind::DictKeys => k,
                        Kind::DictValues => v,
                        _ => crate::types::tuple::new_tuple(vec![k, v]),
                    }));
                }
                None => None,
            }
        }
    };
    match item {
        Some(item) => {
            it.pos.set(pos + 1);
            it.seq.set(Some(seq));
            Ok(Some(item))
        }
        // Exhausted: the container is released (`seq` drops here).
        None => Ok(None),
    }
}

/// `reversed(list)`: a `list_reverseiterator`.
pub fn list_reverse_iter(o: ObjectRef<'_>) -> Object {
    let n = as_list(o).expect("list").len();
    let it = new_iter(&LIST_REVERSEITERATOR_TYPE, Kind::ListReverse, o.to_owned(), 0);
    it.payload::<IterPayload>().expect("iterator").pos.set(n);
    it
}

/// `it.__length_hint__()`: how many items are left (0 once exhausted).
fn length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    let it = s.and_then(|s| s.payload::<IterPayload>()).expect("an iterator");
    let seq = it.seq.take();
    let pos = it.pos.get();
    let n = match &seq {
        None => 0,
        Some(sq) => {
            let s = sq.as_ref();
            match it.kind {
                Kind::List => as_list(s).expect("list").len().saturating_sub(pos),
                Kind::ListReverse => {
                    if pos > as_list(s).expect("list").len() {
                        0
                    } else {
                        pos
                    }
                }
                Kind::Tuple => tuple_items(s).expect("tuple").len().saturating_sub(pos),
                Kind::Str => Str::new(s).expect("str").len().saturating_sub(pos),
                Kind::Bytes => bytes_data(s).expect("bytes").len().saturating_sub(pos),
                Kind::Set => {
                    let st = crate::types::set::as_set(s).expect("set");
                    if st.len() == it.expected_len.get() { it.remaining.get() } else { 0 }
                }
                Kind::DictKeys | Kind::DictValues | Kind::DictItems => {
                    let d = as_dict(s).expect("dict");
                    if d.len() == it.expected_len.get() { it.remaining.get() } else { 0 }
                }
            }
        }
    };
    it.seq.set(seq);
    Ok(crate::types::int::new_int_i64(n as i64))
}

/// The `Py_ssize_t` a C-level `__setstate__` reads: ints only (no `__index__`), CPython's
/// errors otherwise.
fn ssize_state(o: ObjectRef<'_>) -> PyResult<i64> {
    match crate::types::int::int_value(o) {
        Some(crate::types::int::IntVal::Small(v)) => Ok(v),
        Some(crate::types::int::IntVal::Big(_)) => {
            Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(PyErr::type_error("an integer is required")),
    }
}

/// `it.__setstate__(index)` of the sequence iterators (list, tuple, str, bytes, reversed
/// list): moves to `index`, clipped to the sequence; an exhausted iterator stays exhausted.
fn setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("an iterator");
    let fname = format!("{}.__setstate__", s.type_().name());
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all(&fname)?;
    a.count(&fname, 1, 1)?;
    let index = ssize_state(args[0].as_ref())?;
    let it = s.payload::<IterPayload>().expect("an iterator");
    let seq = it.seq.take();
    if let Some(sq) = &seq {
        let o = sq.as_ref();
        let len = match it.kind {
            Kind::List | Kind::ListReverse => as_list(o).expect("list").len(),
            Kind::Tuple => tuple_items(o).expect("tuple").len(),
            Kind::Str => Str::new(o).expect("str").len(),
            Kind::Bytes => bytes_data(o).expect("bytes").len(),
            _ => 0,
        } as i64;
        match it.kind {
            // CPython's list iterator treats a negative index as exhausted.
            Kind::List => {
                it.pos.set(if index < 0 { len as usize } else { index.min(len) as usize })
            }
            // `pos` counts the items left: CPython's index + 1, clipped to the list.
            Kind::ListReverse => it.pos.set((index.clamp(-1, len - 1) + 1) as usize),
            _ => it.pos.set(index.clamp(0, len) as usize),
        }
    }
    it.seq.set(seq);
    Ok(crate::types::singletons::none())
}

/// `it.__reduce__()`: `(iter, (seq,), index)` for a sequence iterator (`reversed` instead of
/// `iter` for a reversed list), `(iter, (remaining items,))` for set and dict iterators (read
/// from a copy, so `it` does not advance); `(iter, (empty,))` once exhausted.
fn reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    use crate::types::native_iter::{builtin, reduce_tuple};
    let s = s.expect("an iterator");
    crate::builtins::args::Args::new(args, kw).check_method(
        s.type_().name(),
        "__reduce__",
        0,
        0,
    )?;
    let it = s.payload::<IterPayload>().expect("an iterator");
    let mut seq = it.seq.take();
    it.seq.set(seq.clone());
    if it.kind == Kind::ListReverse && it.pos.get() == 0 {
        // A reversed list iterator keeps its list when done (`__setstate__` can restart it),
        // but reduces as an exhausted one.
        seq = None;
    }
    let iter = builtin(if it.kind == Kind::ListReverse { "reversed" } else { "iter" })?;
    let Some(seq) = seq else {
        let empty = match it.kind {
            Kind::List
            | Kind::ListReverse
            | Kind::Set
            | Kind::DictKeys
            | Kind::DictValues
            | Kind::DictItems => crate::types::list::new_list(Vec::new()),
            Kind::Str => crate::types::str::new_str(""),
            Kind::Tuple | Kind::Bytes => crate::types::tuple::empty_tuple(),
        };
        return Ok(reduce_tuple(iter, vec![empty], None));
    };
    let index = match it.kind {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes => it.pos.get() as i64,
        Kind::ListReverse => it.pos.get() as i64 - 1,
        Kind::Set | Kind::DictKeys | Kind::DictValues | Kind::DictItems => {
            let copy = new_object(
                s.type_(),
                IterPayload {
                    kind: it.kind,
                    seq: Cell::new(Some(seq)),
                    pos: Cell::new(it.pos.get()),
                    expected_len: Cell::new(it.expected_len.get()),
                    remaining: Cell::new(it.remaining.get()),
                },
            );
            let mut items = Vec::new();
            while let Some(v) = iter_next(copy.as_ref())? {
                items.push(v);
            }
            return Ok(reduce_tuple(iter, vec![crate::types::list::new_list(items)], None));
        }
    };
    Ok(reduce_tuple(iter, vec![seq], Some(crate::types::int::new_int_i64(index))))
}

/// Registers `__length_hint__` on the container iterators.
pub(crate) fn register_methods() {
    use crate::types::function::new_method_descriptor;
    for ty in [
        &LIST_ITERATOR_TYPE,
        &LIST_REVERSEITERATOR_TYPE,
        &TUPLE_ITERATOR_TYPE,
        &STR_ASCII_ITERATOR_TYPE,
        &STR_ITERATOR_TYPE,
        &BYTES_ITERATOR_TYPE,
        &SET_ITERATOR_TYPE,
        &DICT_KEYITERATOR_TYPE,
        &DICT_VALUEITERATOR_TYPE,
        &DICT_ITEMITERATOR_TYPE,
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            "__length_hint__",
            new_method_descriptor(&ty.0, "__length_hint__", length_hint),
        );
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            "__reduce__",
            new_method_descriptor(&ty.0, "__reduce__", reduce),
        );
    }
    for ty in [
        &LIST_ITERATOR_TYPE,
        &LIST_REVERSEITERATOR_TYPE,
        &TUPLE_ITERATOR_TYPE,
        &STR_ASCII_ITERATOR_TYPE,
        &STR_ITERATOR_TYPE,
        &BYTES_ITERATOR_TYPE,
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            "__setstate__",
            new_method_descriptor(&ty.0, "__setstate__", setstate),
        );
    }
    crate::types::range::register_iter_methods();
    crate::types::native_iter::register_methods();
}

fn iter_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let it = o.payload::<IterPayload>().expect("an iterator");
    let seq = it.seq.take();
    if let Some(s) = &seq {
        visit(s.as_ref());
    }
    it.seq.set(seq);
}

/// Deallocates an iterator.
///
/// # Safety
/// Called only by the deallocation path on a dead iterator.
unsafe fn iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: iterators carry an `IterPayload`.
    unsafe { dealloc_payload::<IterPayload>(obj) }
}

const fn iter_slots() -> Slots {
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(iter_next as IterNextFn),
        ..crate::types::object::object_slots()
    }
}

macro_rules! iterator_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<IterPayload>(),
            0,
            TypeFlags::HAVE_GC,
            $tag,
            iter_dealloc,
            Some(iter_traverse),
            iter_slots(),
        ));
    };
}

// A private common base so one payload check covers every iterator type (CPython's iterator types
// derive from `object` directly; this base is invisible to Python code and will not be exposed).
iterator_type!(ITER_BASE_TYPE, "iterator", &crate::types::object::OBJECT_TYPE.0, 30);
iterator_type!(LIST_ITERATOR_TYPE, "list_iterator", &ITER_BASE_TYPE.0, 31);
iterator_type!(LIST_REVERSEITERATOR_TYPE, "list_reverseiterator", &ITER_BASE_TYPE.0, 403);
iterator_type!(TUPLE_ITERATOR_TYPE, "tuple_iterator", &ITER_BASE_TYPE.0, 32);
iterator_type!(STR_ASCII_ITERATOR_TYPE, "str_ascii_iterator", &ITER_BASE_TYPE.0, 33);
iterator_type!(STR_ITERATOR_TYPE, "str_iterator", &ITER_BASE_TYPE.0, 34);
iterator_type!(BYTES_ITERATOR_TYPE, "bytes_iterator", &ITER_BASE_TYPE.0, 35);
iterator_type!(SET_ITERATOR_TYPE, "set_iterator", &ITER_BASE_TYPE.0, 39);
iterator_type!(DICT_KEYITERATOR_TYPE, "dict_keyiterator", &ITER_BASE_TYPE.0, 36);
iterator_type!(DICT_VALUEITERATOR_TYPE, "dict_valueiterator", &ITER_BASE_TYPE.0, 37);
iterator_type!(DICT_ITEMITERATOR_TYPE, "dict_itemiterator", &ITER_BASE_TYPE.0, 38);

/// The `iter` slots of the container types, installed in their static definitions.
pub(crate) const LIST_ITER: UnaryFn = list_iter;
pub(crate) const TUPLE_ITER: UnaryFn = tuple_iter;
pub(crate) const STR_ITER: UnaryFn = str_iter;
pub(crate) const BYTES_ITER: UnaryFn = bytes_iter;
pub(crate) const DICT_ITER: UnaryFn = dict_iter;
pub(crate) const SET_ITER: UnaryFn = set_iter;
