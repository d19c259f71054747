//! `float`: a heap object holding an `f64`; arithmetic with CPython's float semantics (floor
//! division and modulo signs, `**` special cases, OverflowError on overflow), exact comparison
//! against ints, `repr` via the shortest round-tripping form, and the numeric hash.

use std::alloc::Layout;
use std::cell::Cell;
use std::cmp::Ordering;
use std::ptr::NonNull;

use dashu_int::IBig;

use crate::error::{PyErr, PyResult};
use crate::hash::{frexp, hash_f64};
use crate::object::alloc::{dealloc_payload, free_object, new_object, payload_ptr};
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::types::bool::py_bool;
use crate::types::int::{IntVal, compare_ints, int_to_f64, int_value};
use crate::types::singletons::not_implemented;
use crate::types::typeobject::{
    BinaryFn, CompareOp, HashFn, InquiryFn, PyType, RichCompareFn, Slots, StaticType, TernaryFn,
    TypeFlags, UnaryFn, slot,
};

pub struct FloatPayload {
    pub value: f64,
}

// SAFETY: every float (and float subclass instance) is built by `new_float`/`new_object` with a
// `FloatPayload`.
unsafe impl PyPayload for FloatPayload {
    fn type_object() -> &'static PyType {
        &FLOAT_TYPE.0
    }
}

/// How many dead floats each thread keeps for reuse (CPython keeps 100 too).
const FREELIST_MAX: usize = 100;

/// Dead exact floats kept for reuse, chained through their payload slot. Each entry is an
/// allocation of the exact-float layout (no collector head) that nothing else refers to.
struct FreeList {
    head: Cell<Option<NonNull<PyObject>>>,
    len: Cell<usize>,
}

impl FreeList {
    #[inline]
    fn pop(&self) -> Option<NonNull<PyObject>> {
        let p = self.head.get()?;
        // SAFETY: entries are dead float allocations whose payload slot holds the next link
        // (written by `push`); the list owns them.
        let next = unsafe { payload_ptr::<Option<NonNull<PyObject>>>(p).read() };
        self.head.set(next);
        self.len.set(self.len.get() - 1);
        Some(p)
    }

    #[inline]
    fn push(&self, p: NonNull<PyObject>) -> bool {
        if self.len.get() >= FREELIST_MAX {
            return false;
        }
        // SAFETY: `p` is a dead exact float handed over by `float_dealloc`; its 8-byte payload
        // slot is free to hold the link (docs/vm.md, "Deallocation").
        unsafe { payload_ptr::<Option<NonNull<PyObject>>>(p).write(self.head.get()) };
        self.head.set(Some(p));
        self.len.set(self.len.get() + 1);
        true
    }
}

impl Drop for FreeList {
    fn drop(&mut self) {
        while let Some(p) = self.pop() {
            // SAFETY: a dead float allocation made by `new_object` with a `FloatPayload` (which
            // needs no drop); nobody else refers to it.
            unsafe { free_object(p, Layout::new::<FloatPayload>()) }
        }
    }
}

static FREE_FLOATS: crate::gil::GilCell<FreeList> =
    crate::gil::GilCell::new(FreeList { head: Cell::new(None), len: Cell::new(0) });

/// Keeps a dead exact float for reuse; false if the free list is full (the caller frees it).
///
/// # Safety
/// `obj` is a dead exact float (refcount zero, nothing refers to it).
#[inline]
pub(crate) unsafe fn free_list_push(obj: NonNull<PyObject>) -> bool {
    FREE_FLOATS.push(obj)
}

/// A new float object, reusing a dead float's memory when one is at hand.
#[inline]
pub fn new_float(v: f64) -> Object {
    if let Ok(Some(p)) = FREE_FLOATS.try_with(FreeList::pop) {
        // SAFETY: `p` is a whole exact-float allocation now owned by us alone; writing a fresh
        // header (refcount 1) and payload makes it a live float again (docs/vm.md, "Object
        // layout").
        unsafe {
            p.write(PyObject::new_owned(&FLOAT_TYPE.0));
            payload_ptr::<FloatPayload>(p).write(FloatPayload { value: v });
            return Object::from_raw(p);
        }
    }
    new_object(&FLOAT_TYPE.0, FloatPayload { value: v })
}

/// `Ok(o)` with its value replaced by `v` when `o` is an exact float whose only reference is `o`
/// itself, else `Err(o)` unchanged. Nothing else can see the object, so rewriting it is
/// unobservable (docs/vm.md, "Unique floats are rewritten in place").
#[inline(always)]
pub(crate) fn reuse_unique(o: Object, v: f64) -> Result<Object, Object> {
    let r = o.as_ref();
    match r.header() {
        Some(h) if h.refcnt() == 1 && std::ptr::eq(h.type_ptr(), &FLOAT_TYPE.0) => {
            // SAFETY: docs/vm.md, "Unique floats are rewritten in place": `o` owns the only
            // reference to this exact float (refcount 1, not immortal), so no other reference,
            // borrowed or owned, can read the payload while it is written.
            unsafe { payload_ptr::<FloatPayload>(r.raw()).write(FloatPayload { value: v }) };
            Ok(o)
        }
        _ => Err(o),
    }
}

/// The value of a float object.
#[inline]
pub fn float_value(o: ObjectRef<'_>) -> Option<f64> {
    o.payload::<FloatPayload>().map(|p| p.value)
}

/// An operand of float arithmetic: a float, or an int converted to float.
fn operand(o: ObjectRef<'_>) -> Option<PyResult<f64>> {
    if let Some(v) = float_value(o) {
        return Some(Ok(v));
    }
    int_value(o).map(int_to_f64)
}

macro_rules! float_operands {
    ($a:expr, $b:expr) => {
        match (operand($a), operand($b)) {
            (Some(x), Some(y)) => (x?, y?),
            _ => return Ok(not_implemented()),
        }
    };
}

fn float_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let v = float_value(o).expect("float_repr on a float");
    Ok(crate::types::str::new_str(&taipan_common::repr::repr_float(v)))
}

fn float_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    Ok(hash_f64(float_value(o).expect("float"), o.id()))
}

fn float_bool(o: ObjectRef<'_>) -> PyResult<bool> {
    Ok(float_value(o).expect("float") != 0.0)
}

fn float_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x + y))
}

fn float_sub(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x - y))
}

fn float_mul(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x * y))
}

fn float_truediv(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(new_float(x / y))
}

/// `divmod(x, y)` for floats: the remainder takes the divisor's sign, the quotient is the floor.
pub fn float_divmod_values(vx: f64, wx: f64) -> PyResult<(f64, f64)> {
    taipan_common::float_ops::divmod(vx, wx).ok_or_else(|| PyErr::zero_division("division by zero"))
}

fn float_floordiv(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(float_divmod_values(x, y)?.0))
}

fn float_mod(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("division by zero"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(new_float(m))
}

fn float_divmod(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = float_operands!(a, b);
    let (q, r) = float_divmod_values(x, y)?;
    Ok(crate::types::tuple::new_tuple(vec![new_float(q), new_float(r)]))
}

/// `x ** y` for floats, with CPython's special cases and errors.
pub fn float_pow_values(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = iw.fract() == 0.0 && (iw % 2.0).abs() == 1.0;
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = iw.fract() == 0.0 && (iw % 2.0).abs() == 1.0;
        if iw < 0.0 {
            return Err(PyErr::zero_division("zero to a negative power"));
        }
        return Ok(if odd { iv } else { 0.0 });
    }
    if iv < 0.0 && iw.fract() != 0.0 {
        // CPython returns a complex here; complex is not built yet.
        return Err(PyErr::value_error("negative number cannot be raised to a fractional power"));
    }
    if iv == 1.0 {
        return Ok(1.0);
    }
    let r = iv.powf(iw);
    if r.is_infinite() {
        return Err(PyErr::overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

fn float_pow(a: ObjectRef<'_>, b: ObjectRef<'_>, m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    if let Some(m) = m
        && !crate::types::singletons::is_none(m)
    {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let (x, y) = float_operands!(a, b);
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A negative number to a fractional power is complex.
        return crate::types::complex::complex_pow_values((x, 0.0), (y, 0.0));
    }
    Ok(new_float(float_pow_values(x, y)?))
}

fn float_neg(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_float(-float_value(a).expect("float")))
}

fn float_pos(a: ObjectRef<'_>) -> PyResult<Object> {
    if std::ptr::eq(a.type_(), &FLOAT_TYPE.0) {
        return Ok(a.to_owned());
    }
    Ok(new_float(float_value(a).expect("float")))
}

fn float_abs(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_float(float_value(a).expect("float").abs()))
}

/// The integer part of a finite float, exactly.
pub fn f64_trunc_to_ibig(v: f64) -> IBig {
    let t = v.trunc();
    if t.abs() < 9.0e15 {
        return IBig::from(t as i64);
    }
    // |t| >= 2**53: t = m * 2**(e - 53) exactly, with m a 53-bit integer.
    let (m, e) = frexp(t);
    let mant = (m.abs() * (1u64 << 53) as f64) as u64;
    let mag = IBig::from(mant) << (e - 53) as usize;
    if t < 0.0 { -mag } else { mag }
}

fn float_int(a: ObjectRef<'_>) -> PyResult<Object> {
    let v = float_value(a).expect("float");
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow_error("cannot convert float infinity to integer"));
    }
    Ok(crate::types::int::new_int(f64_trunc_to_ibig(v)))
}

/// Compares a finite or infinite float with an int exactly (never rounding the int), or `None`
/// when the float is a NaN.
pub fn compare_float_int(f: f64, i: IntVal<'_>) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let IntVal::Small(s) = i
        && s.unsigned_abs() <= 1 << 53
    {
        return f.partial_cmp(&(s as f64));
    }
    let t = f64_trunc_to_ibig(f);
    let ti = IntVal::Big(&t);
    match compare_ints(ti, i) {
        Ordering::Equal => {
            let frac = f - f.trunc();
            Some(if frac > 0.0 {
                Ordering::Greater
            } else if frac < 0.0 {
                Ordering::Less
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

fn float_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let Some(x) = float_value(a) else { return Ok(not_implemented()) };
    let ord = if let Some(y) = float_value(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_value(b) {
        compare_float_int(x, i)
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(match ord {
        Some(o) => op.matches(o),
        None => op == CompareOp::Ne,
    }))
}

/// Deallocates a float.
///
/// # Safety
/// Called only by the deallocation path on a dead float.
unsafe fn float_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the header of a dead object is still readable.
    let exact = std::ptr::eq(unsafe { obj.as_ref().type_ptr() }, &FLOAT_TYPE.0);
    if exact && FREE_FLOATS.try_with(|fl| fl.push(obj)).unwrap_or(false) {
        return;
    }
    // SAFETY: floats are built by `new_object` with a `FloatPayload`.
    unsafe { dealloc_payload::<FloatPayload>(obj) }
}

pub static FLOAT_TYPE: StaticType = StaticType(PyType::new_static(
    "float",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<FloatPayload>(),
    0,
    TypeFlags::BASETYPE,
    12,
    float_dealloc,
    None,
    Slots {
        repr: slot(float_repr as UnaryFn),
        hash: slot(float_hash as HashFn),
        richcompare: slot(float_richcompare as RichCompareFn),
        nb_add: slot(float_add as BinaryFn),
        nb_subtract: slot(float_sub as BinaryFn),
        nb_multiply: slot(float_mul as BinaryFn),
        nb_remainder: slot(float_mod as BinaryFn),
        nb_divmod: slot(float_divmod as BinaryFn),
        nb_power: slot(float_pow as TernaryFn),
        nb_negative: slot(float_neg as UnaryFn),
        nb_positive: slot(float_pos as UnaryFn),
        nb_absolute: slot(float_abs as UnaryFn),
        nb_bool: slot(float_bool as InquiryFn),
        nb_int: slot(float_int as UnaryFn),
        nb_float: slot(float_pos as UnaryFn),
        nb_floor_divide: slot(float_floordiv as BinaryFn),
        nb_true_divide: slot(float_truediv as BinaryFn),
        ..crate::types::object::object_slots()
    },
));
