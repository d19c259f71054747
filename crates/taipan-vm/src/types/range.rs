//! `range` with arbitrary-size int bounds, and its two iterators: `range_iterator` (machine-word
//! values) and `longrange_iterator` (any values). A range whose start, stop, step and length all
//! fit an `i64` keeps them as machine words (the common case: `for i in range(n)`); any other
//! keeps big ints. Which iterator `iter()`/`reversed()` give follows CPython's own tests, since
//! the iterator's type name is observable.

use std::cell::{Cell, RefCell};

use dashu_int::IBig;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::int::{IntVal, int_value, new_int, new_int_i64};
use crate::types::str::new_str;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, HashFn, InquiryFn, IterNextFn, LenFn, PyType, RichCompareFn,
    Slots, StaticType, TypeFlags, UnaryFn, slot,
};

/// A range's fields as big ints.
#[derive(Clone, Debug)]
pub struct BigBounds {
    pub start: IBig,
    pub stop: IBig,
    pub step: IBig,
    pub len: IBig,
}

enum Bounds {
    /// All four fit an `i64`.
    Small {
        start: i64,
        stop: i64,
        step: i64,
        len: i64,
    },
    Big(Box<BigBounds>),
}

pub struct RangePayload {
    bounds: Bounds,
}

// SAFETY: ranges are built only by `make_range` with a `RangePayload`.
unsafe impl PyPayload for RangePayload {
    fn type_object() -> &'static PyType {
        &RANGE_TYPE.0
    }
}

impl RangePayload {
    /// `(start, stop, step, len)` when all fit an `i64`.
    #[inline]
    pub fn small(&self) -> Option<(i64, i64, i64, i64)> {
        match self.bounds {
            Bounds::Small { start, stop, step, len } => Some((start, stop, step, len)),
            Bounds::Big(_) => None,
        }
    }

    /// The fields as big ints.
    pub fn big(&self) -> BigBounds {
        match &self.bounds {
            Bounds::Small { start, stop, step, len } => BigBounds {
                start: IBig::from(*start),
                stop: IBig::from(*stop),
                step: IBig::from(*step),
                len: IBig::from(*len),
            },
            Bounds::Big(b) => (**b).clone(),
        }
    }

    fn is_empty(&self) -> bool {
        match &self.bounds {
            Bounds::Small { len, .. } => *len == 0,
            Bounds::Big(b) => b.len == IBig::ZERO,
        }
    }
}

fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi { 0 } else { (hi - lo - 1) / st + 1 }
}

fn big_len(start: &IBig, stop: &IBig, step: &IBig) -> IBig {
    let zero = IBig::ZERO;
    if *step > zero && start < stop {
        (stop - start - IBig::ONE) / step + IBig::ONE
    } else if *step < zero && start > stop {
        (start - stop - IBig::ONE) / (-step) + IBig::ONE
    } else {
        zero
    }
}

fn make_range(bounds: Bounds) -> Object {
    new_object(&RANGE_TYPE.0, RangePayload { bounds })
}

/// `range(start, stop, step)` from machine words.
pub fn new_range(start: i64, stop: i64, step: i64) -> PyResult<Object> {
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    let len = small_len(start, stop, step);
    Ok(match i64::try_from(len) {
        Ok(len) => make_range(Bounds::Small { start, stop, step, len }),
        Err(_) => make_range(Bounds::Big(Box::new(BigBounds {
            start: IBig::from(start),
            stop: IBig::from(stop),
            step: IBig::from(step),
            len: IBig::from(len),
        }))),
    })
}

/// `range(start, stop, step)` from big ints (the machine-word form when everything fits).
pub fn new_range_big(start: IBig, stop: IBig, step: IBig) -> PyResult<Object> {
    if step == IBig::ZERO {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    if let (Ok(a), Ok(b), Ok(c)) =
        (i64::try_from(&start), i64::try_from(&stop), i64::try_from(&step))
    {
        return new_range(a, b, c);
    }
    let len = big_len(&start, &stop, &step);
    Ok(make_range(Bounds::Big(Box::new(BigBounds { start, stop, step, len }))))
}

pub fn as_range(o: ObjectRef<'_>) -> Option<&RangePayload> {
    o.payload::<RangePayload>()
}

fn this(o: ObjectRef<'_>) -> &RangePayload {
    as_range(o).expect("range")
}

/// The value of an object with `__index__` as a big int; `None` when it has none.
fn index_big(o: ObjectRef<'_>) -> PyResult<Option<IBig>> {
    if let Some(v) = int_value(o) {
        return Ok(Some(v.to_ibig().into_owned()));
    }
    match crate::ops::index_via_slot(o)? {
        Some(r) => Ok(int_value(r.as_ref()).map(|v| v.to_ibig().into_owned())),
        None => Ok(None),
    }
}

fn decimal(v: &IBig) -> PyResult<String> {
    match i64::try_from(v) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => crate::types::int::int_to_decimal(IntVal::Big(v)),
    }
}

fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let text = match this(o).small() {
        Some((start, stop, 1, _)) => format!("range({start}, {stop})"),
        Some((start, stop, step, _)) => format!("range({start}, {stop}, {step})"),
        None => {
            let b = this(o).big();
            if b.step == IBig::ONE {
                format!("range({}, {})", decimal(&b.start)?, decimal(&b.stop)?)
            } else {
                format!(
                    "range({}, {}, {})",
                    decimal(&b.start)?,
                    decimal(&b.stop)?,
                    decimal(&b.step)?
                )
            }
        }
    };
    Ok(new_str(&text))
}

/// `len(r)` (OverflowError past `sys.maxsize`, as CPython's).
pub(crate) fn len(o: ObjectRef<'_>) -> PyResult<usize> {
    match this(o).small() {
        Some((_, _, _, len)) => Ok(len as usize),
        None => match i64::try_from(&this(o).big().len) {
            Ok(n) => Ok(n as usize),
            Err(_) => Err(PyErr::overflow_error("Python int too large to convert to C ssize_t")),
        },
    }
}

fn bool_(o: ObjectRef<'_>) -> PyResult<bool> {
    Ok(!this(o).is_empty())
}

/// CPython's `_PySlice_GetLongIndices` on big ints: `(start, stop, step)` of `sl` applied to a
/// sequence of `len` items.
fn slice_indices(
    sl: &crate::types::slice::SlicePayload,
    len: &IBig,
) -> PyResult<(IBig, IBig, IBig)> {
    let bound = |o: ObjectRef<'_>| -> PyResult<IBig> {
        index_big(o)?.ok_or_else(|| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })
    };
    let is_none = |o: &Object| crate::types::singletons::is_none(o.as_ref());
    let step = if is_none(&sl.step) { IBig::ONE } else { bound(sl.step.as_ref())? };
    if step == IBig::ZERO {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let negative = step < IBig::ZERO;
    let (lower, upper) =
        if negative { (IBig::NEG_ONE, len - IBig::ONE) } else { (IBig::ZERO, len.clone()) };
    let adjust = |o: &Object, default: &IBig| -> PyResult<IBig> {
        if is_none(o) {
            return Ok(default.clone());
        }
        let mut v = bound(o.as_ref())?;
        if v < IBig::ZERO {
            v += len;
            if v < lower {
                v = lower.clone();
            }
        } else if v > upper {
            v = upper.clone();
        }
        Ok(v)
    };
    let start = adjust(&sl.start, if negative { &upper } else { &lower })?;
    let stop = adjust(&sl.stop, if negative { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn item(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let r = this(o);
    if let Some(s) = crate::types::slice::as_slice(key) {
        let b = r.big();
        let (start, stop, step) = slice_indices(s, &b.len)?;
        let at = |i: &IBig| &b.start + i * &b.step;
        return new_range_big(at(&start), at(&stop), step * &b.step);
    }
    if let (Some((start, _, step, len)), Some(i)) = (r.small(), key.small_int()) {
        let i = if i < 0 { i + len } else { i };
        if i < 0 || i >= len {
            return Err(PyErr::index_error("range object index out of range"));
        }
        return Ok(new_int_i64(start + i * step));
    }
    let Some(mut i) = index_big(key)? else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.type_().name()
        )));
    };
    let b = r.big();
    if i < IBig::ZERO {
        i += &b.len;
    }
    if i < IBig::ZERO || i >= b.len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(new_int(b.start + i * b.step))
}

/// Whether `v` is a member, for an int `v` (no iteration).
fn contains_int(r: &RangePayload, v: IntVal<'_>) -> bool {
    if let (Some((start, stop, step, _)), IntVal::Small(x)) = (r.small(), v) {
        let inside = if step > 0 { x >= start && x < stop } else { x <= start && x > stop };
        return inside && (x as i128 - start as i128) % step as i128 == 0;
    }
    let b = r.big();
    let x = v.to_ibig();
    let x = x.as_ref();
    let inside = if b.step > IBig::ZERO {
        *x >= b.start && *x < b.stop
    } else {
        *x <= b.start && *x > b.stop
    };
    inside && (x - &b.start) % &b.step == IBig::ZERO
}

/// `int` or `bool` exactly: the values whose membership is computed (CPython's test).
fn exact_int(v: ObjectRef<'_>) -> Option<IntVal<'_>> {
    let t = v.type_();
    if std::ptr::eq(t, &crate::types::int::INT_TYPE.0)
        || std::ptr::eq(t, &crate::types::bool::BOOL_TYPE.0)
    {
        int_value(v)
    } else {
        None
    }
}

fn contains(o: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let r = this(o);
    if let Some(x) = exact_int(v) {
        return Ok(contains_int(r, x));
    }
    let it = iter(o)?;
    while let Some(x) = crate::ops::next(it.as_ref())? {
        if crate::ops::rich_compare_bool(x.as_ref(), v, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let r = this(o);
    let field = match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("start") => 0,
        Some("stop") => 1,
        Some("step") => 2,
        _ => return crate::attr::generic_getattr(o, name),
    };
    if let Some((start, stop, step, _)) = r.small() {
        return Ok(new_int_i64([start, stop, step][field]));
    }
    let b = r.big();
    Ok(new_int([b.start, b.stop, b.step].into_iter().nth(field).expect("field")))
}

/// `range.index(v)` and `range.count(v)`.
pub(crate) fn range_index_count(
    o: ObjectRef<'_>,
    v: ObjectRef<'_>,
    count: bool,
) -> PyResult<Object> {
    let r = this(o);
    if let Some(x) = exact_int(v) {
        let hit = contains_int(r, x);
        if count {
            return Ok(new_int_i64(hit as i64));
        }
        if !hit {
            return Err(PyErr::value_error("range.index(x): x not in range"));
        }
        if let (Some((start, _, step, _)), IntVal::Small(x)) = (r.small(), x) {
            return Ok(new_int_i64(((x as i128 - start as i128) / step as i128) as i64));
        }
        let b = r.big();
        return Ok(new_int((x.to_ibig().into_owned() - b.start) / b.step));
    }
    let it = iter(o)?;
    let mut n: u64 = 0;
    let mut i: u64 = 0;
    while let Some(x) = crate::ops::next(it.as_ref())? {
        if crate::ops::rich_compare_bool(x.as_ref(), v, CompareOp::Eq)? {
            if !count {
                return Ok(new_int(IBig::from(i)));
            }
            n += 1;
        }
        i += 1;
    }
    if count {
        Ok(new_int(IBig::from(n)))
    } else {
        Err(PyErr::value_error("sequence.index(x): x not in sequence"))
    }
}

fn richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let eq = match (x.small(), y.small()) {
        (Some((xs, _, xst, xl)), Some((ys, _, yst, yl))) => {
            xl == yl && (xl == 0 || (xs == ys && (xl == 1 || xst == yst)))
        }
        _ => {
            let (x, y) = (x.big(), y.big());
            x.len == y.len
                && (x.len == IBig::ZERO
                    || (x.start == y.start && (x.len == IBig::ONE || x.step == y.step)))
        }
    };
    match op {
        CompareOp::Eq => Ok(crate::types::bool::py_bool(eq)),
        CompareOp::Ne => Ok(crate::types::bool::py_bool(!eq)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

/// Equal ranges hash alike: the tuple `(len, start, step)`, with `None` for what does not
/// matter (both for an empty range, the step for a single item).
fn hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let b = this(o).big();
    let none = crate::types::singletons::none;
    let t = if b.len == IBig::ZERO {
        vec![new_int_i64(0), none(), none()]
    } else if b.len == IBig::ONE {
        vec![new_int_i64(1), new_int(b.start), none()]
    } else {
        vec![new_int(b.len), new_int(b.start), new_int(b.step)]
    };
    crate::ops::hash(crate::types::tuple::new_tuple(t).as_ref())
}

/// A machine-word iterator `start, start + step, ...` of `len` items.
fn fast_iter(start: i64, step: i64, len: i64) -> Object {
    new_object(
        &RANGE_ITER_TYPE.0,
        RangeIterPayload { next: Cell::new(start), step, left: Cell::new(len) },
    )
}

fn long_iter(start: IBig, step: IBig, len: IBig) -> Object {
    new_object(
        &LONGRANGE_ITER_TYPE.0,
        LongRangeIterPayload { state: RefCell::new(LongState { next: start, step, left: len }) },
    )
}

/// The three fields as machine words, when they fit.
fn words(r: &RangePayload) -> Option<(i64, i64, i64)> {
    if let Some((start, stop, step, _)) = r.small() {
        return Some((start, stop, step));
    }
    let b = r.big();
    Some((
        i64::try_from(&b.start).ok()?,
        i64::try_from(&b.stop).ok()?,
        i64::try_from(&b.step).ok()?,
    ))
}

fn iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = this(o);
    if let Some((start, stop, step)) = words(r) {
        let len = small_len(start, stop, step);
        // The machine-word iterator also needs `stop + step` not to overflow.
        let fits = len <= i64::MAX as i128
            && (len == 0
                || if step > 0 {
                    stop as i128 <= i64::MAX as i128 - (step as i128 - 1)
                } else {
                    stop as i128 >= i64::MIN as i128 + (-1 - step as i128)
                });
        if fits {
            return Ok(fast_iter(start, step, len as i64));
        }
    }
    let b = r.big();
    Ok(long_iter(b.start, b.step, b.len))
}

/// `reversed(range)` (and `range.__reversed__()`): the values from the last down.
pub fn reversed(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = this(o);
    if let Some((start, stop, step)) = words(r)
        && step != i64::MIN
        && start.checked_sub(step).is_some()
    {
        let len = small_len(start, stop, step);
        if len <= i64::MAX as i128 {
            // CPython starts from `start - step` and walks `len` steps back up.
            let last = (start - step) as i128 + len * step as i128;
            return Ok(fast_iter(last as i64, -step, len as i64));
        }
    }
    let b = r.big();
    let last = &b.start + (&b.len - IBig::ONE) * &b.step;
    Ok(long_iter(last, -b.step, b.len))
}

pub struct RangeIterPayload {
    next: Cell<i64>,
    step: i64,
    left: Cell<i64>,
}

// SAFETY: range iterators are built only by `fast_iter` with a `RangeIterPayload`.
unsafe impl PyPayload for RangeIterPayload {
    fn type_object() -> &'static PyType {
        &RANGE_ITER_TYPE.0
    }
}

fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

/// `range_iterator.__next__` (also called directly by the eval loop's `FOR_ITER`).
#[inline]
pub(crate) fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = o.payload::<RangeIterPayload>().expect("range_iterator");
    let left = p.left.get();
    if left <= 0 {
        return Ok(None);
    }
    p.left.set(left - 1);
    let v = p.next.get();
    p.next.set(v.wrapping_add(p.step));
    Ok(Some(new_int_i64(v)))
}

fn fast_payload<'a>(s: Option<ObjectRef<'a>>) -> &'a RangeIterPayload {
    s.and_then(|s| s.payload::<RangeIterPayload>()).expect("range_iterator")
}

/// `range_iterator.__length_hint__()`: the items left.
fn iter_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    Ok(new_int_i64(fast_payload(s).left.get().max(0)))
}

/// `(iter, (range(next, next + left * step, step),), None)`: what pickling an iterator gives.
fn reduce_value(next: IBig, step: IBig, left: IBig) -> PyResult<Object> {
    let stop = &next + left * &step;
    let range = new_range_big(next, stop, step)?;
    let iter = crate::types::dict::as_dict(crate::builtins::builtins_dict().as_ref())
        .expect("dict")
        .get_str("iter")?
        .ok_or_else(|| PyErr::type_error("builtins.iter is missing"))?;
    Ok(crate::types::tuple::new_tuple(vec![
        iter,
        crate::types::tuple::new_tuple(vec![range]),
        crate::types::singletons::none(),
    ]))
}

fn iter_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__reduce__", 0, 0)?;
    let p = fast_payload(s);
    reduce_value(IBig::from(p.next.get()), IBig::from(p.step), IBig::from(p.left.get().max(0)))
}

/// `range_iterator.__setstate__(n)`: skips `n` more items (clipped to those left), as CPython
/// does; `n` may be any object with `__index__`.
fn iter_setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all("range_iterator.__setstate__")?;
    a.count("range_iterator.__setstate__", 1, 1)?;
    let o = args[0].as_ref();
    let Some(v) = index_big(o)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    };
    let Ok(index) = i64::try_from(&v) else {
        return Err(PyErr::overflow_error("Python int too large to convert to C long"));
    };
    let p = fast_payload(s);
    let left = p.left.get().max(0);
    let index = index.clamp(0, left);
    p.next.set(p.next.get().wrapping_add(index.wrapping_mul(p.step)));
    p.left.set(left - index);
    Ok(crate::types::singletons::none())
}

struct LongState {
    next: IBig,
    step: IBig,
    left: IBig,
}

pub struct LongRangeIterPayload {
    state: RefCell<LongState>,
}

// SAFETY: long range iterators are built only by `long_iter` with a `LongRangeIterPayload`.
unsafe impl PyPayload for LongRangeIterPayload {
    fn type_object() -> &'static PyType {
        &LONGRANGE_ITER_TYPE.0
    }
}

fn long_payload<'a>(s: Option<ObjectRef<'a>>) -> &'a LongRangeIterPayload {
    s.and_then(|s| s.payload::<LongRangeIterPayload>()).expect("longrange_iterator")
}

fn long_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = o.payload::<LongRangeIterPayload>().expect("longrange_iterator");
    // The borrow never spans a call into Python code.
    let mut st = p.state.borrow_mut();
    if st.left <= IBig::ZERO {
        return Ok(None);
    }
    st.left -= IBig::ONE;
    let v = st.next.clone();
    let step = st.step.clone();
    st.next += step;
    Ok(Some(new_int(v)))
}

fn long_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    let left = long_payload(s).state.borrow().left.clone();
    Ok(new_int(left))
}

fn long_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__reduce__", 0, 0)?;
    let (next, step, left) = {
        let st = long_payload(s).state.borrow();
        (st.next.clone(), st.step.clone(), st.left.clone())
    };
    reduce_value(next, step, left)
}

/// `longrange_iterator.__setstate__(n)`: skips `n` more items, clipped to `0 ..= left`.
fn long_setstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all("longrange_iterator.__setstate__")?;
    a.count("longrange_iterator.__setstate__", 1, 1)?;
    let o = args[0].as_ref();
    let Some(v) = int_value(o) else {
        return Err(PyErr::type_error(format!("state must be an int, not {}", o.type_().name())));
    };
    let v = v.to_ibig().into_owned();
    let mut st = long_payload(s).state.borrow_mut();
    let n = if v < IBig::ZERO {
        IBig::ZERO
    } else if v > st.left {
        st.left.clone()
    } else {
        v
    };
    let skip = &n * &st.step;
    st.next += skip;
    st.left -= n;
    Ok(crate::types::singletons::none())
}

fn range_reversed_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__reversed__", 0, 0)?;
    reversed(s.expect("range"))
}

fn range_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__reduce__", 0, 0)?;
    let b = this(s.expect("range")).big();
    let ty = RANGE_TYPE.0.as_object().to_owned();
    Ok(crate::types::tuple::new_tuple(vec![
        ty,
        crate::types::tuple::new_tuple(vec![new_int(b.start), new_int(b.stop), new_int(b.step)]),
    ]))
}

/// Registers the methods of `range` and its iterators that are not slots.
pub(crate) fn register_iter_methods() {
    use crate::types::function::{NativeFn, new_method_descriptor};
    let tables: [(&'static PyType, &[(&str, NativeFn)]); 3] = [
        (
            &RANGE_ITER_TYPE.0,
            &[
                ("__length_hint__", iter_length_hint as NativeFn),
                ("__reduce__", iter_reduce),
                ("__setstate__", iter_setstate),
            ],
        ),
        (
            &LONGRANGE_ITER_TYPE.0,
            &[
                ("__length_hint__", long_length_hint as NativeFn),
                ("__reduce__", long_reduce),
                ("__setstate__", long_setstate),
            ],
        ),
        (
            &RANGE_TYPE.0,
            &[("__reversed__", range_reversed_method as NativeFn), ("__reduce__", range_reduce)],
        ),
    ];
    for (t, methods) in tables {
        for &(name, f) in methods {
            let _ = crate::types::typelookup::register_static_attr(
                t,
                name,
                new_method_descriptor(t, name, f),
            );
        }
    }
}

/// # Safety
/// Called only by the deallocation path on a dead range.
unsafe fn range_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: ranges carry a `RangePayload`.
    unsafe { dealloc_payload::<RangePayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead range iterator.
unsafe fn range_iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: range iterators carry a `RangeIterPayload`.
    unsafe { dealloc_payload::<RangeIterPayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead long range iterator.
unsafe fn long_iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: long range iterators carry a `LongRangeIterPayload`.
    unsafe { dealloc_payload::<LongRangeIterPayload>(obj) }
}

pub static RANGE_TYPE: StaticType = StaticType(PyType::new_static(
    "range",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<RangePayload>(),
    0,
    TypeFlags(0),
    206,
    range_dealloc,
    None,
    Slots {
        repr: slot(repr as UnaryFn),
        hash: slot(hash as HashFn),
        richcompare: slot(richcompare as RichCompareFn),
        getattr: slot(range_getattr as crate::types::typeobject::GetAttrFn),
        iter: slot(iter as UnaryFn),
        nb_bool: slot(bool_ as InquiryFn),
        sq_length: slot(len as LenFn),
        sq_contains: slot(contains as ContainsFn),
        mp_subscript: slot(item as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

pub static RANGE_ITER_TYPE: StaticType = StaticType(PyType::new_static(
    "range_iterator",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<RangeIterPayload>(),
    0,
    TypeFlags(0),
    207,
    range_iter_dealloc,
    None,
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(iter_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));

pub static LONGRANGE_ITER_TYPE: StaticType = StaticType(PyType::new_static(
    "longrange_iterator",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<LongRangeIterPayload>(),
    0,
    TypeFlags(0),
    1207,
    long_iter_dealloc,
    None,
    Slots {
        iter: slot(iter_self as UnaryFn),
        iternext: slot(long_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));
