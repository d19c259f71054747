//! Lazy iterators implemented by a Rust closure: `enumerate`, `zip`, `map`, `filter`,
//! `reversed` share one payload (the closure producing the next item) under a hidden base type.
//! The sequence-walking ones (`reversed` over a sequence, the `iterator` of `__getitem__`
//! classes) also expose their position, for `__length_hint__` and `__setstate__`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::int::new_int_i64;
use crate::types::typeobject::{IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

type NextFn = Box<dyn FnMut() -> PyResult<Option<Object>>>;

/// Builds the `__reduce__` value of an iterator (given the iterator itself), sharing the
/// producer's state; it outlives the producer, so an exhausted iterator still reduces.
pub type ReduceFn = Box<dyn Fn(ObjectRef<'_>) -> PyResult<Object>>;

pub struct NativeIterPayload {
    /// The producer; `None` once exhausted (which also releases what it captured).
    next: RefCell<Option<NextFn>>,
    /// The sequence and position a sequence-walking iterator shares with its producer; `None`
    /// for the others and once exhausted.
    pos: RefCell<Option<Rc<SeqPos>>>,
    /// The `strict` flag `zip` and `map` share with their producer (`__setstate__` sets it).
    flag: Option<Rc<Cell<bool>>>,
    /// How `__reduce__` describes the iterator (`None`: it cannot be pickled).
    reduce: RefCell<Option<Rc<ReduceFn>>>,
}

/// A sequence iterator's state: the next index to fetch (for `reversed`, CPython's index:
/// counting down, `-1` when done).
pub struct SeqPos {
    pub seq: Object,
    pub index: Cell<i64>,
}

// SAFETY: these iterators are built only by `new_native_iter` with a `NativeIterPayload`, and
// all their types derive from `NATIVE_ITER_BASE`.
unsafe impl PyPayload for NativeIterPayload {
    fn type_object() -> &'static PyType {
        &NATIVE_ITER_BASE.0
    }
}

/// A lazy iterator of type `ty` (one of the static types below) producing items with `next`.
pub fn new_native_iter(ty: &'static StaticType, next: NextFn) -> Object {
    new_object(
        &ty.0,
        NativeIterPayload {
            next: RefCell::new(Some(next)),
            pos: RefCell::new(None),
            flag: None,
            reduce: RefCell::new(None),
        },
    )
}

/// A sequence-walking iterator whose producer reads and advances `pos`.
pub fn new_positioned_iter(ty: &'static StaticType, pos: Rc<SeqPos>, next: NextFn) -> Object {
    new_object(
        &ty.0,
        NativeIterPayload {
            next: RefCell::new(Some(next)),
            pos: RefCell::new(Some(pos)),
            flag: None,
            reduce: RefCell::new(None),
        },
    )
}

/// A `zip`/`map` iterator whose producer reads the `strict` flag.
pub fn new_flagged_iter(ty: &'static StaticType, flag: Rc<Cell<bool>>, next: NextFn) -> Object {
    new_object(
        &ty.0,
        NativeIterPayload {
            next: RefCell::new(Some(next)),
            pos: RefCell::new(None),
            flag: Some(flag),
            reduce: RefCell::new(None),
        },
    )
}

/// Gives the native iterator `it` its `__reduce__` (see [`ReduceFn`]); returns `it`.
pub fn with_reduce(it: Object, f: ReduceFn) -> Object {
    if let Some(p) = it.payload::<NativeIterPayload>() {
        *p.reduce.borrow_mut() = Some(Rc::new(f));
    }
    it
}

/// Moves the state of the native iterator `v` into a new instance of `ty`, a Python subclass of
/// `v`'s type (`class E(enumerate)`); `None` if `v` is not a native iterator.
pub fn retype_native_iter(ty: &PyType, v: ObjectRef<'_>) -> Option<Object> {
    let p = v.payload::<NativeIterPayload>()?;
    Some(new_object(
        ty,
        NativeIterPayload {
            next: RefCell::new(p.next.borrow_mut().take()),
            pos: RefCell::new(p.pos.borrow_mut().take()),
            flag: p.flag.clone(),
            reduce: RefCell::new(p.reduce.borrow_mut().take()),
        },
    ))
}

/// `__reduce__` of the native iterators that CPython can pickle.
fn native_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("an iterator");
    crate::builtins::args::Args::new(args, kw).check_method(
        s.type_().name(),
        "__reduce__",
        0,
        0,
    )?;
    let f = s.payload::<NativeIterPayload>().and_then(|p| p.reduce.borrow().clone());
    match f {
        Some(f) => f(s),
        None => Err(PyErr::type_error(format!("cannot pickle '{}' object", s.type_().name()))),
    }
}

/// The builtin `name` (`iter`, `reversed`) as `__reduce__` values name it.
pub fn builtin(name: &str) -> PyResult<Object> {
    crate::types::dict::as_dict(crate::builtins::builtins_dict().as_ref())
        .expect("dict")
        .get_str(name)?
        .ok_or_else(|| PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, name.to_string()))
}

/// `__reduce__` of a sequence-walking iterator: `(reversed, (seq,), index)` for `reversed`
/// (its own type), `(iter, (seq,), index)` for `iterator`; `(..., ((),))` once exhausted.
pub fn seq_reduce(s: ObjectRef<'_>) -> PyResult<Object> {
    let f = if s.type_().is_subtype(&REVERSED_TYPE.0) {
        s.type_().as_object().to_owned()
    } else {
        builtin("iter")?
    };
    Ok(match pos_of(s) {
        Some(p) => reduce_tuple(f, vec![p.seq.clone()], Some(new_int_i64(p.index.get()))),
        None => reduce_tuple(f, vec![crate::types::tuple::empty_tuple()], None),
    })
}

impl NativeIterPayload {
    /// Whether the iterator can still produce items (not exhausted, not running).
    pub fn is_live(&self) -> bool {
        self.next.borrow().is_some()
    }
}

/// `(f, args)` or `(f, args, state)`.
pub fn reduce_tuple(f: Object, args: Vec<Object>, state: Option<Object>) -> Object {
    let mut v = vec![f, crate::types::tuple::new_tuple(args)];
    v.extend(state);
    crate::types::tuple::new_tuple(v)
}

/// `zip.__setstate__(strict)` / `map.__setstate__(strict)`.
fn strict_setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("an iterator");
    let fname = format!("{}.__setstate__", s.type_().name());
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all(&fname)?;
    a.count(&fname, 1, 1)?;
    let v = crate::ops::is_true(args[0].as_ref())?;
    if let Some(f) = s.payload::<NativeIterPayload>().and_then(|p| p.flag.as_ref()) {
        f.set(v);
    }
    Ok(crate::types::singletons::none())
}

fn pos_of(o: ObjectRef<'_>) -> Option<Rc<SeqPos>> {
    o.payload::<NativeIterPayload>().and_then(|p| p.pos.borrow().clone())
}

/// The `Py_ssize_t` a C-level `__setstate__` reads: ints only, CPython's errors otherwise.
fn ssize_state(o: ObjectRef<'_>) -> PyResult<i64> {
    match crate::types::int::int_value(o) {
        Some(crate::types::int::IntVal::Small(v)) => Ok(v),
        Some(crate::types::int::IntVal::Big(_)) => {
            Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(PyErr::type_error("an integer is required")),
    }
}

fn one_state<'a>(s: ObjectRef<'_>, args: &'a [Object], kw: Option<ObjectRef<'_>>) -> PyResult<i64> {
    let fname = format!("{}.__setstate__", s.type_().name());
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all(&fname)?;
    a.count(&fname, 1, 1)?;
    ssize_state(args[0].as_ref())
}

/// `iterator.__length_hint__()`: the sequence's length minus the position (NotImplemented
/// when the sequence has no `__len__`).
fn seq_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    let Some(p) = pos_of(s.expect("an iterator")) else { return Ok(new_int_i64(0)) };
    let seq = p.seq.as_ref();
    let has_len = seq.type_().slots.sq_length.get().is_some()
        || seq.type_().slots.mp_length.get().is_some()
        || crate::types::typelookup::type_lookup(
            seq.type_(),
            crate::types::str::intern("__len__").as_ref(),
        )?
        .is_some();
    if !has_len {
        return Ok(crate::types::singletons::not_implemented());
    }
    let n = crate::ops::len(seq)? as i64;
    Ok(new_int_i64((n - p.index.get()).max(0)))
}

/// `iterator.__setstate__(index)`: moves to `index` (negative means 0).
fn seq_setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("an iterator");
    let index = one_state(s, args, kw)?;
    if let Some(p) = pos_of(s) {
        p.index.set(index.max(0));
    }
    Ok(crate::types::singletons::none())
}

/// `reversed.__length_hint__()`: the items left (0 if the sequence shrank below them).
fn reversed_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    let Some(p) = pos_of(s.expect("an iterator")) else { return Ok(new_int_i64(0)) };
    let n = crate::ops::len(p.seq.as_ref())? as i64;
    let left = p.index.get() + 1;
    Ok(new_int_i64(if n < left { 0 } else { left }))
}

/// `reversed.__setstate__(index)`: the next index to fetch, clipped to `-1..len`.
fn reversed_setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("an iterator");
    let index = one_state(s, args, kw)?;
    if let Some(p) = pos_of(s) {
        let n = crate::ops::len(p.seq.as_ref())? as i64;
        p.index.set(index.clamp(-1, (n - 1).max(-1)));
    }
    Ok(crate::types::singletons::none())
}

/// Registers `__length_hint__` and `__setstate__` of `reversed` and `iterator`.
pub(crate) fn register_methods() {
    use crate::types::function::{NativeFn, new_method_descriptor};
    let table: [(&'static StaticType, &'static str, NativeFn); 16] = [
        (&ENUMERATE_TYPE, "__reduce__", native_reduce),
        (&ZIP_TYPE, "__reduce__", native_reduce),
        (&MAP_TYPE, "__reduce__", native_reduce),
        (&FILTER_TYPE, "__reduce__", native_reduce),
        (&REVERSED_TYPE, "__reduce__", native_reduce),
        (&CALLABLE_ITER_TYPE, "__reduce__", native_reduce),
        (&SEQ_ITER_TYPE, "__reduce__", native_reduce),
        (&DICT_REVERSEKEYITERATOR_TYPE, "__reduce__", native_reduce),
        (&DICT_REVERSEVALUEITERATOR_TYPE, "__reduce__", native_reduce),
        (&DICT_REVERSEITEMITERATOR_TYPE, "__reduce__", native_reduce),
        (&ZIP_TYPE, "__setstate__", strict_setstate),
        (&MAP_TYPE, "__setstate__", strict_setstate),
        (&SEQ_ITER_TYPE, "__length_hint__", seq_length_hint),
        (&SEQ_ITER_TYPE, "__setstate__", seq_setstate),
        (&REVERSED_TYPE, "__length_hint__", reversed_length_hint),
        (&REVERSED_TYPE, "__setstate__", reversed_setstate),
    ];
    for (ty, name, f) in table {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            name,
            new_method_descriptor(&ty.0, name, f),
        );
    }
}

pub(crate) fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = o.payload::<NativeIterPayload>().expect("native iterator");
    // Take the closure out while it runs: it may run Python code that re-enters this iterator.
    let Some(mut f) = p.next.borrow_mut().take() else { return Ok(None) };
    let r = f();
    // Exhausted for good only when it ends; an exception leaves it usable, as CPython's
    // iterators are (`map` whose function raised once, a `tee` refused re-entry).
    if matches!(r, Ok(None)) {
        p.pos.borrow_mut().take();
    } else {
        *p.next.borrow_mut() = Some(f);
    }
    r
}

/// # Safety
/// Called only by the deallocation path on a dead native iterator.
pub(crate) unsafe fn native_iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: these iterators carry a `NativeIterPayload`.
    unsafe { dealloc_payload::<NativeIterPayload>(obj) }
}

pub(crate) const fn iter_slots() -> Slots {
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(iter_next as IterNextFn),
        ..crate::types::object::object_slots()
    }
}

macro_rules! native_iter_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        $crate::types::native_iter::native_iter_type!(
            $static,
            $name,
            $base,
            $tag,
            $crate::types::typeobject::TypeFlags(0)
        );
    };
    ($static:ident, $name:literal, $base:expr, $tag:literal, $flags:expr) => {
        pub static $static: $crate::types::typeobject::StaticType =
            $crate::types::typeobject::StaticType($crate::types::typeobject::PyType::new_static(
                $name,
                Some($base),
                std::mem::size_of::<$crate::types::native_iter::NativeIterPayload>(),
                0,
                $flags,
                $tag,
                $crate::types::native_iter::native_iter_dealloc,
                None,
                $crate::types::native_iter::iter_slots(),
            ));
    };
}

pub(crate) use native_iter_type;

native_iter_type!(NATIVE_ITER_BASE, "native_iterator", &crate::types::object::OBJECT_TYPE.0, 210);
native_iter_type!(ENUMERATE_TYPE, "enumerate", &NATIVE_ITER_BASE.0, 211, TypeFlags::BASETYPE);
native_iter_type!(ZIP_TYPE, "zip", &NATIVE_ITER_BASE.0, 212, TypeFlags::BASETYPE);
native_iter_type!(MAP_TYPE, "map", &NATIVE_ITER_BASE.0, 213, TypeFlags::BASETYPE);
native_iter_type!(FILTER_TYPE, "filter", &NATIVE_ITER_BASE.0, 214, TypeFlags::BASETYPE);
native_iter_type!(REVERSED_TYPE, "reversed", &NATIVE_ITER_BASE.0, 215, TypeFlags::BASETYPE);
native_iter_type!(CALLABLE_ITER_TYPE, "callable_iterator", &NATIVE_ITER_BASE.0, 216);
native_iter_type!(SEQ_ITER_TYPE, "iterator", &NATIVE_ITER_BASE.0, 227);
native_iter_type!(
    DICT_REVERSEKEYITERATOR_TYPE,
    "dict_reversekeyiterator",
    &NATIVE_ITER_BASE.0,
    400
);
native_iter_type!(
    DICT_REVERSEVALUEITERATOR_TYPE,
    "dict_reversevalueiterator",
    &NATIVE_ITER_BASE.0,
    401
);
native_iter_type!(
    DICT_REVERSEITEMITERATOR_TYPE,
    "dict_reverseitemiterator",
    &NATIVE_ITER_BASE.0,
    402
);
