//! `int`: tagged small ints in the value word (no heap, no refcount) and heap ints backed by
//! `dashu_int::IBig` outside that range; arithmetic with CPython's semantics (floor division and
//! modulo take the divisor's sign, bitwise operations act on infinite two's complement), decimal
//! `str`/`repr` with the 4300-digit limit, and the numeric hash.

use std::borrow::Cow;
use std::cell::Cell;
use std::cmp::Ordering;

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::{IBig, Sign, UBig};

use crate::error::{PyErr, PyResult};
use crate::hash::{hash_i64, hash_ibig};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::types::bool::py_bool;
use crate::types::singletons::not_implemented;
use crate::types::typeobject::{
    BinaryFn, CompareOp, HashFn, InquiryFn, PyType, RichCompareFn, Slots, StaticType, TernaryFn,
    TypeFlags, UnaryFn, slot,
};

/// The payload of a heap int (and of `True`/`False`). A heap object of exact type `int` always
/// holds a value outside the tagged range, so equal small ints are the same word.
pub struct IntPayload {
    pub value: IBig,
}

// SAFETY: every heap object of type int or a subtype (bool) carries an `IntPayload`: heap ints are
// built by `new_int`, the bool statics in `bool.rs`. A tagged int has no payload, and
// `ObjectRef::payload` never reads one for it: only `int_value` looks, after `small_int`.
unsafe impl PyPayload for IntPayload {
    fn type_object() -> &'static PyType {
        &INT_TYPE.0
    }
}

/// An int's value, borrowed: the fast `Small` case or a big one.
#[derive(Clone, Copy, Debug)]
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a IBig),
}

impl IntVal<'_> {
    pub fn to_ibig(self) -> Cow<'static, IBig> {
        match self {
            IntVal::Small(v) => Cow::Owned(IBig::from(v)),
            IntVal::Big(b) => Cow::Owned(b.clone()),
        }
    }

    fn big(&self) -> Cow<'_, IBig> {
        match *self {
            IntVal::Small(v) => Cow::Owned(IBig::from(v)),
            IntVal::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            IntVal::Small(v) => *v == 0,
            IntVal::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntVal::Small(v) => *v < 0,
            IntVal::Big(b) => b.sign() == Sign::Negative,
        }
    }
}

/// The value of an int (or bool, or int subclass) object; `None` for other types.
#[inline]
pub fn int_value(o: ObjectRef<'_>) -> Option<IntVal<'_>> {
    if let Some(v) = o.small_int() {
        return Some(IntVal::Small(v));
    }
    if !o.type_().has_flag(TypeFlags::LONG_SUBCLASS) {
        return None;
    }
    // SAFETY: the type has LONG_SUBCLASS, so it is int or a subtype and carries an IntPayload.
    let p = unsafe { o.payload_unchecked::<IntPayload>() };
    Some(match i64::try_from(&p.value) {
        Ok(v) => IntVal::Small(v),
        Err(_) => IntVal::Big(&p.value),
    })
}

/// A new int from an `i64`: tagged when it fits, else a heap int.
#[inline]
pub fn new_int_i64(v: i64) -> Object {
    match Object::try_small_int(v) {
        Some(o) => o,
        None => new_object(&INT_TYPE.0, IntPayload { value: IBig::from(v) }),
    }
}

/// A new int from a big value, normalised to the tagged form when it fits.
pub fn new_int(v: IBig) -> Object {
    if let Ok(small) = i64::try_from(&v)
        && (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&small)
    {
        return Object::try_small_int(small).expect("in range");
    }
    new_object(&INT_TYPE.0, IntPayload { value: v })
}

fn new_int_i128(v: i128) -> Object {
    match i64::try_from(v) {
        Ok(s) => new_int_i64(s),
        Err(_) => new_int(IBig::from(v)),
    }
}

/// `sys.get_int_max_str_digits()` (interpreter-wide).
static MAX_STR_DIGITS: crate::gil::GilCell<Cell<usize>> = crate::gil::GilCell::new(Cell::new(4300));

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.get()
}

/// `sys.set_int_max_str_digits()` (0 disables the limit).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.set(n);
}

fn too_many_digits(limit: usize) -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The decimal text of an int value, honouring the digit limit.
pub fn int_to_decimal(v: IntVal<'_>) -> PyResult<String> {
    match v {
        IntVal::Small(s) => Ok(s.to_string()),
        IntVal::Big(b) => {
            let limit = MAX_STR_DIGITS.get();
            // 10**4300 needs 14284.3 bits: anything longer than limit * log2(10) + 1 bits has
            // too many digits without converting it.
            if limit > 0 && b.bit_len() as f64 > limit as f64 * std::f64::consts::LOG2_10 + 1.0 {
                return Err(too_many_digits(limit));
            }
            let s = b.to_string();
            let digits = s.len() - usize::from(s.starts_with('-'));
            if limit > 0 && digits > limit {
                return Err(too_many_digits(limit));
            }
            Ok(s)
        }
    }
}

fn int_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let v = int_value(o).expect("int_repr on an int");
    if let IntVal::Small(n) = v {
        return Ok(crate::types::str_build::str_from_i64(n));
    }
    Ok(crate::types::str::new_str(&int_to_decimal(v)?))
}

fn int_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    Ok(match int_value(o).expect("int_hash on an int") {
        IntVal::Small(v) => hash_i64(v),
        IntVal::Big(b) => hash_ibig(b),
    })
}

fn int_bool(o: ObjectRef<'_>) -> PyResult<bool> {
    Ok(!int_value(o).expect("int_bool on an int").is_zero())
}

/// Compares two int values.
pub fn compare_ints(a: IntVal<'_>, b: IntVal<'_>) -> Ordering {
    match (a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => x.cmp(&y),
        _ => a.big().as_ref().cmp(b.big().as_ref()),
    }
}

fn int_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    match (int_value(a), int_value(b)) {
        (Some(x), Some(y)) => Ok(py_bool(op.matches(compare_ints(x, y)))),
        _ => Ok(not_implemented()),
    }
}

macro_rules! int_operands {
    ($a:expr, $b:expr) => {
        match (int_value($a), int_value($b)) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(not_implemented()),
        }
    };
}

fn int_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_operands!(a, b) {
        // Both in the 63-bit tagged range or at least in i64: the sum fits an i128 always.
        (IntVal::Small(x), IntVal::Small(y)) => new_int_i128(x as i128 + y as i128),
        (x, y) => new_int(x.big().as_ref() + y.big().as_ref()),
    })
}

fn int_sub(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_operands!(a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => new_int_i128(x as i128 - y as i128),
        (x, y) => new_int(x.big().as_ref() - y.big().as_ref()),
    })
}

fn int_mul(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_operands!(a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => new_int_i128(x as i128 * y as i128),
        (x, y) => new_int(x.big().as_ref() * y.big().as_ref()),
    })
}

fn zero_division() -> PyErr {
    PyErr::zero_division("division by zero")
}

/// Floor division and modulo: the quotient rounds toward minus infinity, the remainder takes
/// the divisor's sign.
pub fn int_divmod_vals(x: IntVal<'_>, y: IntVal<'_>) -> PyResult<(Object, Object)> {
    if y.is_zero() {
        return Err(zero_division());
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (x, y) {
        let (x, y) = (x as i128, y as i128);
        let (mut q, mut r) = (x / y, x % y);
        if r != 0 && ((r < 0) != (y < 0)) {
            q -= 1;
            r += y;
        }
        return Ok((new_int_i128(q), new_int_i128(r)));
    }
    let (xb, yb) = (x.big(), y.big());
    let (mut q, mut r) = (xb.as_ref() / yb.as_ref(), xb.as_ref() % yb.as_ref());
    if !r.is_zero() && (r.sign() != yb.sign()) {
        q -= IBig::ONE;
        r += yb.as_ref();
    }
    Ok((new_int(q), new_int(r)))
}

fn int_floordiv(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    Ok(int_divmod_vals(x, y)?.0)
}

fn int_mod(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    Ok(int_divmod_vals(x, y)?.1)
}

fn int_divmod(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    let (q, r) = int_divmod_vals(x, y)?;
    Ok(crate::types::tuple::new_tuple(vec![q, r]))
}

fn int_truediv(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    Ok(crate::types::float::new_float(int_true_divide(x, y)?))
}

/// `x / y` for ints: the correctly rounded quotient.
pub fn int_true_divide(x: IntVal<'_>, y: IntVal<'_>) -> PyResult<f64> {
    if y.is_zero() {
        return Err(zero_division());
    }
    const EXACT: i64 = 1 << 53;
    if let (IntVal::Small(a), IntVal::Small(b)) = (x, y)
        && (-EXACT..=EXACT).contains(&a)
        && (-EXACT..=EXACT).contains(&b)
    {
        // Both convert exactly, so one IEEE division rounds correctly.
        return Ok(a as f64 / b as f64);
    }
    let negative = x.is_negative() != y.is_negative();
    let sign = if negative { -1.0 } else { 1.0 };
    if x.is_zero() {
        return Ok(sign * 0.0);
    }
    let (_, na) = x.big().into_owned().into_parts();
    let (_, nb) = y.big().into_owned().into_parts();
    let diff = na.bit_len() as i64 - nb.bit_len() as i64;
    if diff > 1025 {
        return Err(PyErr::overflow_error("integer division result too large for a float"));
    }
    if diff < -1076 {
        return Ok(sign * 0.0);
    }
    // Scale so the integer quotient carries 55 or 56 bits (two or more beyond the 53 kept), with
    // the smallest normal exponent as the floor so subnormal results round only once.
    let shift = diff.max(-1021) - 55;
    let (q, r) = if shift < 0 {
        let n = &na << (-shift) as usize;
        (&n / &nb, &n % &nb)
    } else {
        let d = &nb << shift as usize;
        (&na / &d, &na % &d)
    };
    let mut q = u64::try_from(&q).expect("quotient has at most 57 bits");
    let inexact = !r.is_zero();
    let q_bits = 64 - q.leading_zeros() as i64;
    // Bits of q below the result's last place: ulp is 2**max(exp - 52, -1074).
    let drop = (q_bits - 53).max(-1074 - shift).max(1);
    let low = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    q >>= drop;
    if low > half || (low == half && (inexact || q & 1 == 1)) {
        q += 1;
    }
    let result = ldexp(q as f64, (shift + drop) as i32);
    if result.is_infinite() {
        return Err(PyErr::overflow_error("integer division result too large for a float"));
    }
    Ok(sign * result)
}

/// `m * 2**e`, exact whenever the result is representable.
pub fn ldexp(mut m: f64, mut e: i32) -> f64 {
    while e > 1000 {
        m *= f64::from_bits((1023 + 1000) << 52);
        e -= 1000;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -1000 {
        // Keep the intermediate normal: only the last multiplication may go subnormal.
        if e >= -2000 {
            let half = e / 2;
            m *= f64::from_bits(((1023 + half) as u64) << 52);
            e -= half;
        } else {
            m *= f64::from_bits((1023 - 1000) << 52);
            e += 1000;
        }
    }
    m * f64::from_bits(((1023 + e) as u64) << 52)
}

/// Converts an int to a float, rounding half to even; too large is an OverflowError.
pub fn int_to_f64(v: IntVal<'_>) -> PyResult<f64> {
    let f = match v {
        IntVal::Small(s) => s as f64,
        IntVal::Big(b) => b.to_f64().value(),
    };
    if f.is_infinite() {
        return Err(PyErr::overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

fn int_pow(a: ObjectRef<'_>, b: ObjectRef<'_>, m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    let modulus = match m {
        None => None,
        Some(m) if crate::types::singletons::is_none(m) => None,
        Some(m) => match int_value(m) {
            Some(v) => Some(v),
            None => return Ok(not_implemented()),
        },
    };
    if let Some(md) = modulus {
        return int_pow_mod(x, y, md);
    }
    if y.is_negative() {
        if x.is_zero() {
            return Err(PyErr::zero_division("zero to a negative power"));
        }
        let fx = int_to_f64(x)?;
        let fy = int_to_f64(y)?;
        return crate::types::float::float_pow_values(fx, fy).map(crate::types::float::new_float);
    }
    // Small fast path: repeated squaring with overflow checks.
    if let (IntVal::Small(base), IntVal::Small(exp)) = (x, y)
        && let Some(r) = checked_pow(base, exp as u64)
    {
        return Ok(new_int_i64(r));
    }
    let xb = x.big();
    if xb.is_zero() || xb.as_ref() == &IBig::ONE {
        return Ok(new_int(xb.into_owned()));
    }
    if xb.as_ref() == &IBig::NEG_ONE {
        let odd = match y {
            IntVal::Small(e) => e & 1 == 1,
            IntVal::Big(e) => (e % IBig::from(2)) != IBig::ZERO,
        };
        return Ok(new_int_i64(if odd { -1 } else { 1 }));
    }
    let exp = match y {
        IntVal::Small(e) => e as u64,
        IntVal::Big(_) => return Err(PyErr::memory_error()),
    };
    // The result has about exp * bits(x) bits; refuse what cannot be allocated anyway.
    let bits = (xb.bit_len() as u128) * (exp as u128);
    if bits > (1u128 << 40) {
        return Err(PyErr::memory_error());
    }
    Ok(new_int(xb.pow(exp as usize)))
}

fn checked_pow(mut base: i64, mut exp: u64) -> Option<i64> {
    let mut acc: i64 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.checked_mul(base)?;
        }
        exp >>= 1;
        if exp > 0 {
            base = base.checked_mul(base)?;
        }
    }
    Some(acc)
}

fn int_pow_mod(x: IntVal<'_>, y: IntVal<'_>, m: IntVal<'_>) -> PyResult<Object> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let m = m.big().into_owned();
    let negative_mod = m.sign() == Sign::Negative;
    let (_, mabs) = m.clone().into_parts();
    let mabs_i = IBig::from(mabs.clone());
    let mut base = x.big().as_ref() % &mabs_i;
    if base.sign() == Sign::Negative {
        base += &mabs_i;
    }
    let mut exp = y.big().into_owned();
    if exp.sign() == Sign::Negative {
        base = mod_inverse(&base, &mabs_i)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let (_, e) = exp.into_parts();
    let mut result = if mabs == UBig::ONE { IBig::ZERO } else { IBig::ONE };
    let bits = e.bit_len();
    for i in (0..bits).rev() {
        result = (&result * &result) % &mabs_i;
        if e.bit(i) {
            result = (&result * &base) % &mabs_i;
        }
    }
    // The result takes the modulus's sign, like `%`.
    if negative_mod && !result.is_zero() {
        result += &m;
    }
    Ok(new_int(result))
}

/// The inverse of `a` modulo `m` (`m > 0`, `0 <= a < m`), by the extended Euclidean algorithm.
fn mod_inverse(a: &IBig, m: &IBig) -> Option<IBig> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (IBig::ONE, IBig::ZERO);
    while !r.is_zero() {
        let q = &old_r / &r;
        let new_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, new_r);
        let new_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, new_s);
    }
    if old_r != IBig::ONE {
        return None;
    }
    let mut inv = old_s % m;
    if inv.sign() == Sign::Negative {
        inv += m;
    }
    Some(inv)
}

fn int_neg(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_value(a).expect("int") {
        IntVal::Small(v) => new_int_i128(-(v as i128)),
        IntVal::Big(b) => new_int(-b),
    })
}

/// `+x`: the plain int value (a bool becomes an int).
fn int_pos(a: ObjectRef<'_>) -> PyResult<Object> {
    if a.is_small_int() || std::ptr::eq(a.type_(), &INT_TYPE.0) {
        return Ok(a.to_owned());
    }
    Ok(match int_value(a).expect("int") {
        IntVal::Small(v) => new_int_i64(v),
        IntVal::Big(b) => new_int(b.clone()),
    })
}

fn int_abs(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_value(a).expect("int") {
        IntVal::Small(v) => new_int_i128((v as i128).abs()),
        IntVal::Big(b) => new_int(IBig::from(b.unsigned_abs())),
    })
}

fn int_invert(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(match int_value(a).expect("int") {
        IntVal::Small(v) => new_int_i64(!v),
        IntVal::Big(b) => new_int(-b - IBig::ONE),
    })
}

/// A shift count: negative is a ValueError; `None` means "larger than any usize".
fn shift_count(y: IntVal<'_>) -> PyResult<Option<usize>> {
    if y.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    Ok(match y {
        IntVal::Small(v) => usize::try_from(v).ok(),
        IntVal::Big(b) => usize::try_from(b).ok(),
    })
}

fn int_lshift(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    let n = shift_count(y)?;
    if x.is_zero() {
        return Ok(new_int_i64(0));
    }
    let Some(n) = n else {
        return Err(PyErr::overflow_error("too many digits in integer"));
    };
    if let IntVal::Small(v) = x
        && n < 64
    {
        let wide = (v as i128) << n;
        if wide >> n == v as i128 {
            return Ok(new_int_i128(wide));
        }
    }
    if n as u64 > (1u64 << 40) {
        return Err(PyErr::memory_error());
    }
    Ok(new_int(x.big().as_ref() << n))
}

fn int_rshift(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = int_operands!(a, b);
    let n = shift_count(y)?;
    let negative = x.is_negative();
    let Some(n) = n else {
        return Ok(new_int_i64(if negative { -1 } else { 0 }));
    };
    Ok(match x {
        IntVal::Small(v) => new_int_i64(v >> n.min(63)),
        IntVal::Big(b) => {
            // Arithmetic shift: floor division by 2**n.
            if n as u64 >= b.bit_len() as u64 {
                new_int_i64(if negative { -1 } else { 0 })
            } else if negative {
                new_int(-((-b - IBig::ONE) >> n) - IBig::ONE)
            } else {
                new_int(b >> n)
            }
        }
    })
}

macro_rules! bitwise {
    ($name:ident, $op:tt) => {
        fn $name(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
            let (x, y) = int_operands!(a, b);
            Ok(match (x, y) {
                (IntVal::Small(p), IntVal::Small(q)) => new_int_i64(p $op q),
                (x, y) => new_int(x.big().as_ref() $op y.big().as_ref()),
            })
        }
    };
}

bitwise!(int_and, &);
bitwise!(int_or, |);
bitwise!(int_xor, ^);

fn int_float(a: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::float::new_float(int_to_f64(int_value(a).expect("int"))?))
}

/// Deallocates a heap int.
///
/// # Safety
/// Called only by the deallocation path on a dead heap int.
unsafe fn int_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: heap ints are built by `new_object` with an `IntPayload`.
    unsafe { dealloc_payload::<IntPayload>(obj) }
}

pub static INT_TYPE: StaticType = StaticType(PyType::new_static(
    "int",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<IntPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::LONG_SUBCLASS),
    10,
    int_dealloc,
    None,
    int_slots(),
));

/// `int`'s slots, which `bool` inherits.
pub const fn int_slots() -> Slots {
    Slots {
        repr: slot(int_repr as UnaryFn),
        hash: slot(int_hash as HashFn),
        richcompare: slot(int_richcompare as RichCompareFn),
        nb_add: slot(int_add as BinaryFn),
        nb_subtract: slot(int_sub as BinaryFn),
        nb_multiply: slot(int_mul as BinaryFn),
        nb_remainder: slot(int_mod as BinaryFn),
        nb_divmod: slot(int_divmod as BinaryFn),
        nb_power: slot(int_pow as TernaryFn),
        nb_negative: slot(int_neg as UnaryFn),
        nb_positive: slot(int_pos as UnaryFn),
        nb_absolute: slot(int_abs as UnaryFn),
        nb_bool: slot(int_bool as InquiryFn),
        nb_invert: slot(int_invert as UnaryFn),
        nb_lshift: slot(int_lshift as BinaryFn),
        nb_rshift: slot(int_rshift as BinaryFn),
        nb_and: slot(int_and as BinaryFn),
        nb_xor: slot(int_xor as BinaryFn),
        nb_or: slot(int_or as BinaryFn),
        nb_int: slot(int_pos as UnaryFn),
        nb_float: slot(int_float as UnaryFn),
        nb_floor_divide: slot(int_floordiv as BinaryFn),
        nb_true_divide: slot(int_truediv as BinaryFn),
        nb_index: slot(int_pos as UnaryFn),
        ..crate::types::object::object_slots()
    }
}
