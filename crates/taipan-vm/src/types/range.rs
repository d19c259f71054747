//! `range` (machine-int bounds for now) and its iterator.

use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::int::new_int_i64;
use crate::types::str::new_str;
use crate::types::typeobject::{
    BinaryFn, ContainsFn, HashFn, IterNextFn, LenFn, PyType, RichCompareFn, Slots, StaticType,
    TypeFlags, UnaryFn, slot,
};

pub struct RangePayload {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

// SAFETY: ranges are built only by `new_range` with a `RangePayload`.
unsafe impl PyPayload for RangePayload {
    fn type_object() -> &'static PyType {
        &RANGE_TYPE.0
    }
}

fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi { 0 } else { ((hi - lo - 1) / st + 1) as i64 }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> PyResult<Object> {
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(new_object(
        &RANGE_TYPE.0,
        RangePayload { start, stop, step, len: range_len(start, stop, step) },
    ))
}

pub fn as_range(o: ObjectRef<'_>) -> Option<&RangePayload> {
    o.payload::<RangePayload>()
}

fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = as_range(o).expect("range");
    Ok(new_str(&if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_range(o).expect("range").len as usize)
}

fn item(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let r = as_range(o).expect("range");
    if let Some(s) = crate::types::slice::as_slice(key) {
        let (start, stop, step, _n) = s.indices(r.len as usize)?;
        let at = |i: isize| r.start + i as i64 * r.step;
        return new_range(at(start), at(stop), r.step * step as i64);
    }
    let Some(i) = crate::ops::index_value(key)? else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.type_().name()
        )));
    };
    let i = if i < 0 { i as i64 + r.len } else { i as i64 };
    if i < 0 || i >= r.len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(new_int_i64(r.start + i * r.step))
}

fn contains(o: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let r = as_range(o).expect("range");
    if let Some(x) =
        v.small_int().filter(|_| std::ptr::eq(v.type_(), &crate::types::int::INT_TYPE.0))
    {
        let ok = if r.step > 0 { x >= r.start && x < r.stop } else { x <= r.start && x > r.stop };
        return Ok(ok && (x - r.start) % r.step == 0);
    }
    let it = iter(o)?;
    while let Some(x) = crate::ops::next(it.as_ref())? {
        if crate::ops::rich_compare_bool(x.as_ref(), v, crate::types::typeobject::CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let r = as_range(o).expect("range");
    match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("start") => Ok(new_int_i64(r.start)),
        Some("stop") => Ok(new_int_i64(r.stop)),
        Some("step") => Ok(new_int_i64(r.step)),
        _ => crate::attr::generic_getattr(o, name),
    }
}

/// `range.index(v)` and `range.count(v)`.
pub(crate) fn range_index_count(
    o: ObjectRef<'_>,
    v: ObjectRef<'_>,
    count: bool,
) -> PyResult<Object> {
    let r = as_range(o).expect("range");
    if let Some(x) =
        v.small_int().filter(|_| std::ptr::eq(v.type_(), &crate::types::int::INT_TYPE.0))
    {
        let inside =
            if r.step > 0 { x >= r.start && x < r.stop } else { x <= r.start && x > r.stop };
        let hit = inside && (x - r.start) % r.step == 0;
        if count {
            return Ok(new_int_i64(hit as i64));
        }
        if hit {
            return Ok(new_int_i64((x - r.start) / r.step));
        }
        return Err(PyErr::value_error("range.index(x): x not in range"));
    }
    let mut n = 0;
    for i in 0..r.len {
        let item = new_int_i64(r.start + i * r.step);
        if crate::ops::rich_compare_bool(item.as_ref(), v, crate::types::typeobject::CompareOp::Eq)?
        {
            if !count {
                return Ok(new_int_i64(i));
            }
            n += 1;
        }
    }
    if count {
        Ok(new_int_i64(n))
    } else {
        Err(PyErr::value_error("sequence.index(x): x not in sequence"))
    }
}

fn richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: crate::types::typeobject::CompareOp,
) -> PyResult<Object> {
    use crate::types::typeobject::CompareOp;
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let eq =
        x.len == y.len && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step)));
    match op {
        CompareOp::Eq => Ok(crate::types::bool::py_bool(eq)),
        CompareOp::Ne => Ok(crate::types::bool::py_bool(!eq)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

fn hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let r = as_range(o).expect("range");
    let t = crate::types::tuple::new_tuple(vec![
        new_int_i64(r.len),
        new_int_i64(r.start),
        new_int_i64(r.step),
    ]);
    crate::ops::hash(t.as_ref())
}

pub struct RangeIterPayload {
    next: Cell<i64>,
    step: i64,
    left: Cell<i64>,
}

// SAFETY: range iterators are built only by `iter` below with a `RangeIterPayload`.
unsafe impl PyPayload for RangeIterPayload {
    fn type_object() -> &'static PyType {
        &RANGE_ITER_TYPE.0
    }
}

fn iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = as_range(o).expect("range");
    Ok(new_object(
        &RANGE_ITER_TYPE.0,
        RangeIterPayload { next: Cell::new(r.start), step: r.step, left: Cell::new(r.len) },
    ))
}

fn iter_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
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

/// `range_iterator.__length_hint__()`: the items left.
fn iter_length_hint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__length_hint__", 0, 0)?;
    let p = s.and_then(|s| s.payload::<RangeIterPayload>()).expect("range_iterator");
    Ok(new_int_i64(p.left.get().max(0)))
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
    let v = match crate::types::int::int_value(o) {
        Some(v) => v.to_ibig().into_owned(),
        None => match crate::ops::index_via_slot(o)? {
            Some(r) => {
                crate::types::int::int_value(r.as_ref()).expect("an int").to_ibig().into_owned()
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_().name()
                )));
            }
        },
    };
    let Ok(index) = i64::try_from(&v) else {
        return Err(PyErr::overflow_error("Python int too large to convert to C long"));
    };
    let p = s.and_then(|s| s.payload::<RangeIterPayload>()).expect("range_iterator");
    let left = p.left.get().max(0);
    let index = index.clamp(0, left);
    p.next.set(p.next.get().wrapping_add(index.wrapping_mul(p.step)));
    p.left.set(left - index);
    Ok(crate::types::singletons::none())
}

/// Registers `range_iterator`'s `__length_hint__` and `__setstate__`.
pub(crate) fn register_iter_methods() {
    use crate::types::function::new_method_descriptor;
    let t = &RANGE_ITER_TYPE.0;
    for (name, f) in [
        ("__length_hint__", iter_length_hint as crate::types::function::NativeFn),
        ("__setstate__", iter_setstate),
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            t,
            name,
            new_method_descriptor(t, name, f),
        );
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
