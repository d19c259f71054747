//! `collections.deque` (of `_collections`): a double-ended queue with an optional `maxlen`,
//! and its forward and reverse iterators (`_deque_iterator`, `_deque_reverse_iterator`).
//!
//! The items sit in a `RefCell<VecDeque<Object>>`: every borrow is taken and dropped inside one
//! helper and never spans a call into Python code (comparisons, `repr`, iteration of an
//! argument), and removed items are dropped after the borrow ends, so a `__del__` that touches
//! the deque sees it consistent. A mutation counter (`state`) lets iterators and the searching
//! methods report CPython's "deque mutated during iteration".

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::exceptions::RUNTIME_ERROR;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, InitFn, IterNextFn, LenFn, PyType, RichCompareFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

pub struct DequePayload {
    items: RefCell<VecDeque<Object>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every mutation.
    state: Cell<u64>,
}

// SAFETY: deques (and instances of Python subclasses of deque, made by `new_empty`) are built
// only with a `DequePayload`.
unsafe impl PyPayload for DequePayload {
    fn type_object() -> &'static PyType {
        &DEQUE_TYPE.0
    }
}

impl DequePayload {
    fn empty() -> DequePayload {
        DequePayload {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(None),
            state: Cell::new(0),
        }
    }

    /// Runs `f` on the items; `f` never calls Python code nor drops an item.
    fn with<R>(&self, f: impl FnOnce(&mut VecDeque<Object>) -> R) -> R {
        f(&mut self.items.borrow_mut())
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn get(&self, i: usize) -> Option<Object> {
        self.items.borrow().get(i).cloned()
    }

    fn snapshot(&self) -> Vec<Object> {
        self.items.borrow().iter().cloned().collect()
    }

    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Appends on the right (`left` false) or the left, dropping from the other end past
    /// `maxlen`; returns what fell off, for the caller to drop.
    fn push(&self, v: Object, left: bool) -> Option<Object> {
        self.touch();
        let max = self.maxlen.get();
        self.with(|d| {
            if left {
                d.push_front(v);
            } else {
                d.push_back(v);
            }
            match max {
                Some(m) if d.len() > m => {
                    if left {
                        d.pop_back()
                    } else {
                        d.pop_front()
                    }
                }
                _ => None,
            }
        })
    }

    fn clear(&self) {
        self.touch();
        let old = self.with(std::mem::take);
        drop(old);
    }
}

pub fn as_deque(o: ObjectRef<'_>) -> Option<&DequePayload> {
    o.payload::<DequePayload>()
}

fn mutated() -> PyErr {
    PyErr::new(&RUNTIME_ERROR, "deque mutated during iteration")
}

/// An empty deque of type `ty` (`deque` or a Python subclass of it).
pub fn new_empty(ty: &PyType) -> Object {
    new_object(ty, DequePayload::empty())
}

fn index_arg(o: ObjectRef<'_>) -> PyResult<isize> {
    ops::index_value(o)?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    })
}

/// `deque.__init__(iterable=(), maxlen=None)`.
fn deque_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let mut a = Args::new(args, kw);
    let it_kw = a.take_kw("iterable").cloned();
    let max_kw = a.take_kw("maxlen").cloned();
    if let Some((k, _)) = a.kw.first() {
        return Err(PyErr::type_error(format!("deque() got an unexpected keyword argument '{k}'")));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "deque expected at most 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let iterable = a.pos.first().cloned().or(it_kw);
    let maxlen = a.pos.get(1).cloned().or(max_kw);
    let d = as_deque(o).expect("deque");
    let max = match maxlen {
        Some(m) if !is_none(m.as_ref()) => {
            let Some(v) = crate::types::int::int_value(m.as_ref()) else {
                return Err(PyErr::type_error("an integer is required"));
            };
            let v = match v {
                crate::types::int::IntVal::Small(v) => v,
                crate::types::int::IntVal::Big(_) => {
                    return Err(PyErr::overflow_error(
                        "Python int too large to convert to C ssize_t",
                    ));
                }
            };
            if v < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(v as usize)
        }
        _ => None,
    };
    d.maxlen.set(max);
    if d.len() > 0 {
        d.clear();
    }
    if let Some(src) = iterable {
        extend_side(o, src.as_ref(), false)?;
    }
    Ok(())
}

fn deque_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = new_empty(&DEQUE_TYPE.0);
    deque_init(d.as_ref(), args, kw)?;
    Ok(d)
}

/// Extends on the right or (`left`) the left with the items of `src`.
fn extend_side(o: ObjectRef<'_>, src: ObjectRef<'_>, left: bool) -> PyResult<()> {
    let d = as_deque(o).expect("deque");
    if o.id() == src.id() {
        for v in d.snapshot() {
            drop(d.push(v, left));
        }
        return Ok(());
    }
    let it = ops::iter(src)?;
    while let Some(v) = ops::next(it.as_ref())? {
        drop(d.push(v, left));
    }
    Ok(())
}

macro_rules! method {
    ($name:ident, $fname:literal, $min:literal, $max:literal, |$s:ident, $a:ident| $body:expr) => {
        fn $name(
            s: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let a = Args::new(args, kw);
            a.no_kw_at_all($fname)?;
            a.count($fname, $min, $max)?;
            let $s = s.expect("deque");
            let $a = a.pos;
            $body
        }
    };
}

method!(append, "append", 1, 1, |s, a| {
    drop(as_deque(s).expect("deque").push(a[0].clone(), false));
    Ok(none())
});

method!(appendleft, "appendleft", 1, 1, |s, a| {
    drop(as_deque(s).expect("deque").push(a[0].clone(), true));
    Ok(none())
});

method!(extend, "extend", 1, 1, |s, a| {
    extend_side(s, a[0].as_ref(), false)?;
    Ok(none())
});

method!(extendleft, "extendleft", 1, 1, |s, a| {
    extend_side(s, a[0].as_ref(), true)?;
    Ok(none())
});

fn pop_side(s: ObjectRef<'_>, left: bool) -> PyResult<Object> {
    let d = as_deque(s).expect("deque");
    let v = d.with(|q| if left { q.pop_front() } else { q.pop_back() });
    match v {
        Some(v) => {
            d.touch();
            Ok(v)
        }
        None => Err(PyErr::index_error("pop from an empty deque")),
    }
}

method!(pop, "pop", 0, 0, |s, _a| pop_side(s, false));
method!(popleft, "popleft", 0, 0, |s, _a| pop_side(s, true));

method!(clear, "clear", 0, 0, |s, _a| {
    as_deque(s).expect("deque").clear();
    Ok(none())
});

/// A shallow copy: a native one for an exact deque, else `type(d)(d[, maxlen])`.
fn copy_of(s: ObjectRef<'_>) -> PyResult<Object> {
    let d = as_deque(s).expect("deque");
    if std::ptr::eq(s.type_(), &DEQUE_TYPE.0) {
        let n = new_empty(&DEQUE_TYPE.0);
        let nd = as_deque(n.as_ref()).expect("deque");
        nd.maxlen.set(d.maxlen.get());
        let items = d.snapshot();
        nd.with(|q| q.extend(items));
        return Ok(n);
    }
    let ty = s.type_().as_object();
    match d.maxlen.get() {
        None => ops::call(ty, &[s.to_owned()], None),
        Some(m) => ops::call(ty, &[s.to_owned(), new_int_i64(m as i64)], None),
    }
}

method!(copy, "copy", 0, 0, |s, _a| copy_of(s));

method!(count, "count", 1, 1, |s, a| {
    let d = as_deque(s).expect("deque");
    let start = d.state.get();
    let mut n = 0i64;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if ops::rich_compare_bool(item.as_ref(), a[0].as_ref(), CompareOp::Eq)? {
            n += 1;
        }
        if d.state.get() != start {
            return Err(mutated());
        }
        i += 1;
    }
    Ok(new_int_i64(n))
});

fn slice_index(o: ObjectRef<'_>) -> PyResult<isize> {
    ops::index_value_clamped(o)?.ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or have an __index__ method")
    })
}

method!(index, "index", 1, 3, |s, a| {
    let d = as_deque(s).expect("deque");
    let n = d.len() as isize;
    let mut start = match a.get(1) {
        Some(o) => slice_index(o.as_ref())?,
        None => 0,
    };
    let mut stop = match a.get(2) {
        Some(o) => slice_index(o.as_ref())?,
        None => n,
    };
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i as usize) else { break };
        let eq = ops::rich_compare_bool(item.as_ref(), a[0].as_ref(), CompareOp::Eq)?;
        if d.state.get() != state {
            return Err(mutated());
        }
        if eq {
            return Ok(new_int_i64(i as i64));
        }
        i += 1;
    }
    Err(PyErr::value_error("deque.index(x): x not in deque"))
});

method!(insert, "insert", 2, 2, |s, a| {
    let d = as_deque(s).expect("deque");
    let i = index_arg(a[0].as_ref())?;
    let n = d.len() as isize;
    if d.maxlen.get() == Some(n as usize) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.touch();
    let v = a[1].clone();
    d.with(|q| q.insert(at, v));
    Ok(none())
});

method!(remove, "remove", 1, 1, |s, a| {
    let d = as_deque(s).expect("deque");
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = ops::rich_compare_bool(item.as_ref(), a[0].as_ref(), CompareOp::Eq)?;
        if d.state.get() != state {
            return Err(PyErr::index_error("deque mutated during remove()."));
        }
        if eq {
            d.touch();
            let old = d.with(|q| q.remove(i));
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("deque.remove(x): x not in deque"))
});

method!(reverse, "reverse", 0, 0, |s, _a| {
    let d = as_deque(s).expect("deque");
    d.touch();
    d.with(|q| q.make_contiguous().reverse());
    Ok(none())
});

method!(rotate, "rotate", 0, 1, |s, a| {
    let d = as_deque(s).expect("deque");
    let n = match a.first() {
        Some(o) => index_arg(o.as_ref())?,
        None => 1,
    };
    let len = d.len();
    if len > 1 {
        d.touch();
        let k = n.rem_euclid(len as isize) as usize;
        d.with(|q| q.rotate_right(k));
    }
    Ok(none())
});

method!(reversed_method, "__reversed__", 0, 0, |s, _a| Ok(new_iter(s, true)));

method!(reduce, "__reduce__", 0, 0, |s, _a| {
    let d = as_deque(s).expect("deque");
    let state = match crate::types::instance::instance_dict(s) {
        Some(dict) if crate::types::dict::as_dict(dict.as_ref()).is_some_and(|x| x.len() > 0) => {
            dict.to_owned()
        }
        _ => none(),
    };
    let args = match d.maxlen.get() {
        None => new_tuple(Vec::new()),
        Some(m) => new_tuple(vec![new_tuple(Vec::new()), new_int_i64(m as i64)]),
    };
    Ok(new_tuple(vec![s.type_().as_object().to_owned(), args, state, new_iter(s, false)]))
});

method!(sizeof, "__sizeof__", 0, 0, |s, _a| {
    let d = as_deque(s).expect("deque");
    // CPython's layout: the object, then blocks of 64 items.
    let blocks = (d.len() + 64) / 64;
    Ok(new_int_i64((std::mem::size_of::<DequePayload>() + 16 + blocks * 528) as i64))
});

method!(iadd, "__iadd__", 1, 1, |s, a| {
    extend_side(s, a[0].as_ref(), false)?;
    Ok(s.to_owned())
});

method!(imul, "__imul__", 1, 1, |s, a| {
    let n = index_arg(a[0].as_ref())?;
    repeat_in_place(s, n)?;
    Ok(s.to_owned())
});

/// `d += x` and `d *= n` on a deque (the loop has no in-place slots); `None` for other objects.
pub fn inplace(a: ObjectRef<'_>, b: ObjectRef<'_>, add: bool) -> PyResult<Option<Object>> {
    if as_deque(a).is_none() {
        return Ok(None);
    }
    if add {
        extend_side(a, b, false)?;
    } else {
        let Some(n) = ops::index_value(b)? else {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                b.type_().name()
            )));
        };
        repeat_in_place(a, n)?;
    }
    Ok(Some(a.to_owned()))
}

/// `reversed(d)`, for the built-in `reversed`; `None` for other objects.
pub fn reversed_of(o: ObjectRef<'_>) -> Option<Object> {
    as_deque(o).map(|_| new_iter(o, true))
}

fn repeat_in_place(s: ObjectRef<'_>, n: isize) -> PyResult<()> {
    let d = as_deque(s).expect("deque");
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        d.clear();
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let total = (items.len() as u128) * (n as u128);
    // Past `maxlen` only the last `maxlen` items of the repetition survive.
    let keep = match d.maxlen.get() {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 8 {
        return Err(PyErr::memory_error());
    }
    let first = total - keep;
    let len = items.len() as u128;
    let seq: VecDeque<Object> = (first..total).map(|j| items[(j % len) as usize].clone()).collect();
    d.touch();
    let old = d.with(|q| std::mem::replace(q, seq));
    drop(old);
    Ok(())
}

fn deque_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(new_str("[...]"));
    };
    let d = as_deque(o).expect("deque");
    let list = crate::types::list::new_list(d.snapshot());
    let body = ops::repr_string(list.as_ref())?;
    let name = o.type_().name();
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    Ok(new_str(&match d.maxlen.get() {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    }))
}

fn deque_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_deque(o).expect("deque").len())
}

fn deque_contains(o: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let d = as_deque(o).expect("deque");
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = ops::rich_compare_bool(item.as_ref(), v, CompareOp::Eq)?;
        if d.state.get() != state {
            return Err(mutated());
        }
        if eq {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// An item index for `d[i]`, `d[i] = v`, `del d[i]`.
fn item_index(d: &DequePayload, key: ObjectRef<'_>) -> PyResult<usize> {
    let Some(i) = ops::index_value(key)? else {
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            key.type_().name()
        )));
    };
    let n = d.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let d = as_deque(o).expect("deque");
    let i = item_index(d, key)?;
    d.get(i).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(o: ObjectRef<'_>, key: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let d = as_deque(o).expect("deque");
    let i = item_index(d, key)?;
    let old = match v {
        Some(v) => {
            let v = v.to_owned();
            d.with(|q| q.get_mut(i).map(|slot| std::mem::replace(slot, v)))
        }
        None => {
            d.touch();
            d.with(|q| q.remove(i))
        }
    };
    drop(old);
    Ok(())
}

fn deque_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_deque(a), as_deque(b)) else {
        return Ok(not_implemented());
    };
    let (xs, ys) = (x.snapshot(), y.snapshot());
    let mut i = 0;
    while i < xs.len() && i < ys.len() {
        if !ops::rich_compare_bool(xs[i].as_ref(), ys[i].as_ref(), CompareOp::Eq)? {
            break;
        }
        i += 1;
    }
    if i < xs.len() && i < ys.len() {
        return match op {
            CompareOp::Eq => Ok(py_bool(false)),
            CompareOp::Ne => Ok(py_bool(true)),
            _ => ops::rich_compare(xs[i].as_ref(), ys[i].as_ref(), op),
        };
    }
    let (n, m) = (xs.len(), ys.len());
    Ok(py_bool(match op {
        CompareOp::Eq => n == m,
        CompareOp::Ne => n != m,
        CompareOp::Lt => n < m,
        CompareOp::Le => n <= m,
        CompareOp::Gt => n > m,
        CompareOp::Ge => n >= m,
    }))
}

fn deque_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    if as_deque(a).is_none() {
        return Ok(not_implemented());
    }
    if as_deque(b).is_none() {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            b.type_().name()
        )));
    }
    let n = copy_of(a)?;
    extend_side(n.as_ref(), b, false)?;
    Ok(n)
}

fn deque_repeat(o: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let c = copy_of(o)?;
    repeat_in_place(c.as_ref(), n)?;
    Ok(c)
}

fn maxlen_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match as_deque(o).expect("deque").maxlen.get() {
        Some(m) => new_int_i64(m as i64),
        None => none(),
    })
}

fn deque_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    // The collector runs no Python code, so this borrow cannot conflict.
    if let Some(d) = as_deque(o) {
        for v in d.items.borrow().iter() {
            visit(v.as_ref());
        }
    }
}

fn deque_gc_clear(o: ObjectRef<'_>) {
    if let Some(d) = as_deque(o) {
        d.clear();
    }
}

/// # Safety
/// Called only by the deallocation path on a dead deque.
unsafe fn deque_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: deques carry a `DequePayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<DequePayload>(obj) }
}

pub static DEQUE_TYPE: StaticType = StaticType(PyType::new_static(
    "collections.deque",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<DequePayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(crate::types::weakref::WEAKREFABLE),
    1100,
    deque_dealloc,
    Some(deque_traverse),
    Slots {
        repr: slot(deque_repr as UnaryFn),
        hash: crate::types::typeobject::Slot::empty(),
        richcompare: slot(deque_richcompare as RichCompareFn),
        iter: slot(deque_iter as UnaryFn),
        init: slot(deque_init as InitFn),
        clear: slot(deque_gc_clear as crate::types::typeobject::ClearFn),
        nb_add: slot(deque_add as BinaryFn),
        sq_length: slot(deque_len as LenFn),
        sq_contains: slot(deque_contains as ContainsFn),
        sq_repeat: slot(deque_repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        mp_subscript: slot(deque_getitem as BinaryFn),
        mp_ass_subscript: slot(deque_setitem as crate::types::typeobject::AssSubscriptFn),
        ..crate::types::object::object_slots()
    },
));

// ----- iterators --------------------------------------------------------------------------------

pub struct DequeIterPayload {
    deque: Object,
    /// Position from the start (forward) or from the end (reverse) of the next item.
    index: Cell<usize>,
    /// Items left.
    counter: Cell<usize>,
    state: u64,
}

// SAFETY: deque iterators of both kinds are built only by `new_iter` with this payload.
unsafe impl PyPayload for DequeIterPayload {
    fn type_object() -> &'static PyType {
        &DEQUE_ITER_BASE.0
    }
}

fn new_iter(o: ObjectRef<'_>, reverse: bool) -> Object {
    let d = as_deque(o).expect("deque");
    let ty = if reverse { &DEQUE_REVITER_TYPE.0 } else { &DEQUE_ITER_TYPE.0 };
    new_object(
        ty,
        DequeIterPayload {
            deque: o.to_owned(),
            index: Cell::new(0),
            counter: Cell::new(d.len()),
            state: d.state.get(),
        },
    )
}

fn deque_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_iter(o, false))
}

fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn is_reverse(o: ObjectRef<'_>) -> bool {
    std::ptr::eq(o.type_(), &DEQUE_REVITER_TYPE.0)
}

fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let it = o.payload::<DequeIterPayload>().expect("deque iterator");
    let d = as_deque(it.deque.as_ref()).expect("deque");
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(mutated());
    }
    if it.counter.get() == 0 {
        return Ok(None);
    }
    let n = d.len();
    let i = it.index.get();
    let pos = if is_reverse(o) { n - 1 - i } else { i };
    it.index.set(i + 1);
    it.counter.set(it.counter.get() - 1);
    Ok(d.get(pos))
}

fn iter_payload<'a>(s: Option<ObjectRef<'a>>) -> &'a DequeIterPayload {
    s.and_then(|s| s.payload::<DequeIterPayload>()).expect("deque iterator")
}

fn iter_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__length_hint__", 0, 0)?;
    Ok(new_int_i64(iter_payload(s).counter.get() as i64))
}

fn iter_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__reduce__", 0, 0)?;
    let it = iter_payload(s);
    let d = as_deque(it.deque.as_ref()).expect("deque");
    let done = d.len().saturating_sub(it.counter.get());
    Ok(new_tuple(vec![
        s.expect("iterator").type_().as_object().to_owned(),
        new_tuple(vec![it.deque.clone(), new_int_i64(done as i64)]),
    ]))
}

/// `_deque_iterator(deque, index=0)` and the reverse one: an iterator that has already given
/// `index` items.
fn iter_ctor(ty: &'static PyType, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(ty.name().as_ref())?;
    a.count(ty.name().as_ref(), 1, 2)?;
    if as_deque(a.pos[0].as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "{}() argument 1 must be collections.deque, not {}",
            ty.name(),
            a.pos[0].type_().name()
        )));
    }
    let it = new_iter(a.pos[0].as_ref(), std::ptr::eq(ty, &DEQUE_REVITER_TYPE.0));
    if let Some(n) = a.pos.get(1) {
        let n = index_arg(n.as_ref())?.max(0) as usize;
        let p = it.payload::<DequeIterPayload>().expect("deque iterator");
        let skip = n.min(p.counter.get());
        p.index.set(skip);
        p.counter.set(p.counter.get() - skip);
    }
    Ok(it)
}

fn iter_ctor_fwd(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    iter_ctor(&DEQUE_ITER_TYPE.0, args, kw)
}

fn iter_ctor_rev(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    iter_ctor(&DEQUE_REVITER_TYPE.0, args, kw)
}

fn iter_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(p) = o.payload::<DequeIterPayload>() {
        visit(p.deque.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead deque iterator.
unsafe fn iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: deque iterators carry a `DequeIterPayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<DequeIterPayload>(obj) }
}

const fn iter_slots() -> Slots {
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(iter_next as IterNextFn),
        ..crate::types::object::object_slots()
    }
}

/// The private common base of the two iterator types (one payload check for both).
pub static DEQUE_ITER_BASE: StaticType = StaticType(PyType::new_static(
    "_collections._deque_iterator_base",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<DequeIterPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1101,
    iter_dealloc,
    Some(iter_traverse),
    iter_slots(),
));

pub static DEQUE_ITER_TYPE: StaticType = StaticType(PyType::new_static(
    "collections._deque_iterator",
    Some(&DEQUE_ITER_BASE.0),
    std::mem::size_of::<DequeIterPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1102,
    iter_dealloc,
    Some(iter_traverse),
    iter_slots(),
));

pub static DEQUE_REVITER_TYPE: StaticType = StaticType(PyType::new_static(
    "collections._deque_reverse_iterator",
    Some(&DEQUE_ITER_BASE.0),
    std::mem::size_of::<DequeIterPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1103,
    iter_dealloc,
    Some(iter_traverse),
    iter_slots(),
));

/// `ty.__class_getitem__`, CPython's generic alias maker.
pub(crate) fn register_class_getitem(ty: &'static PyType) {
    let name = "__class_getitem__";
    if let Some(cg) = crate::types::typeattrs::native_classmethod(ty, name) {
        let v = crate::types::function::new_classmethod_descriptor(
            ty,
            name,
            crate::types::function::ClassMethodImpl::Native(cg),
        );
        let _ = crate::types::typelookup::register_static_attr(ty, name, v);
    }
}

/// Registers the methods and constructors of `deque` and its iterators.
pub(crate) fn register() {
    use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
    use crate::types::typelookup::register_static_attr;
    let t = &DEQUE_TYPE.0;
    for name in [
        "__repr__",
        "__lt__",
        "__le__",
        "__eq__",
        "__ne__",
        "__gt__",
        "__ge__",
        "__iter__",
        "__init__",
        "__len__",
        "__add__",
        "__mul__",
        "__rmul__",
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__contains__",
    ] {
        let _ = register_static_attr(t, name, new_slot_wrapper(t, name, WrapperImpl::Slot));
    }
    let _ = register_static_attr(t, "__hash__", none());
    let _ = register_static_attr(
        t,
        "__new__",
        crate::types::function::new_bound_builtin(
            "__new__",
            crate::types::surface::tp_new_wrapper,
            t.as_object().to_owned(),
        ),
    );
    let methods: [(&'static str, NativeFn); 20] = [
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("append", append),
        ("appendleft", appendleft),
        ("clear", clear),
        ("__copy__", copy),
        ("copy", copy),
        ("count", count),
        ("extend", extend),
        ("extendleft", extendleft),
        ("index", index),
        ("insert", insert),
        ("pop", pop),
        ("popleft", popleft),
        ("__reduce__", reduce),
        ("remove", remove),
        ("__reversed__", reversed_method),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__sizeof__", sizeof),
    ];
    for (name, f) in methods {
        let _ = register_static_attr(t, name, new_method_descriptor(t, name, f));
    }
    register_class_getitem(t);
    let _ = register_static_attr(
        t,
        "maxlen",
        crate::types::getset::new_getset(
            t,
            "maxlen",
            crate::types::getset::GetSetImpl::Native(maxlen_get, None),
        ),
    );
    crate::eval::typecall::register_constructor(t, deque_ctor);
    crate::eval::typecall::register_subclass_new(t, new_empty);
    for it in [&DEQUE_ITER_TYPE.0, &DEQUE_REVITER_TYPE.0] {
        for name in ["__iter__", "__next__"] {
            let _ = register_static_attr(it, name, new_slot_wrapper(it, name, WrapperImpl::Slot));
        }
        for (name, f) in
            [("__length_hint__", iter_length_hint as NativeFn), ("__reduce__", iter_reduce)]
        {
            let _ = register_static_attr(it, name, new_method_descriptor(it, name, f));
        }
    }
    crate::eval::typecall::register_constructor(&DEQUE_ITER_TYPE.0, iter_ctor_fwd);
    crate::eval::typecall::register_constructor(&DEQUE_REVITER_TYPE.0, iter_ctor_rev);
}
