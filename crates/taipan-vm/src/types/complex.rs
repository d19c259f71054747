//! `complex`: a heap object holding two `f64`s; CPython 3.14's arithmetic (mixed complex/real
//! forms that keep the sign of zero parts, Smith's division with the C11 Annex G recovery of
//! infinities, integer powers by repeated squaring), `repr`, the numeric hash, equality with
//! ints and floats, the constructor (numbers, `__complex__`, text) and the methods.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::hash::hash_f64;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::float::{float_value, new_float};
use crate::types::int::{int_to_f64, int_value};
use crate::types::singletons::{is_none, not_implemented};
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{
    BinaryFn, CompareOp, HashFn, InquiryFn, PyType, RichCompareFn, Slots, StaticType, TernaryFn,
    TypeFlags, UnaryFn, slot,
};

pub struct ComplexPayload {
    pub re: f64,
    pub im: f64,
}

// SAFETY: every complex (and complex subclass instance) is built by `new_object` with a
// `ComplexPayload`.
unsafe impl PyPayload for ComplexPayload {
    fn type_object() -> &'static PyType {
        &COMPLEX_TYPE.0
    }
}

pub fn new_complex(re: f64, im: f64) -> Object {
    new_object(&COMPLEX_TYPE.0, ComplexPayload { re, im })
}

/// The parts of a complex object, `None` for other objects.
#[inline]
pub fn complex_value(o: ObjectRef<'_>) -> Option<(f64, f64)> {
    o.payload::<ComplexPayload>().map(|p| (p.re, p.im))
}

/// An operand of complex arithmetic.
enum Operand {
    Complex(f64, f64),
    Real(f64),
}

fn operand(o: ObjectRef<'_>) -> Option<PyResult<Operand>> {
    if let Some((re, im)) = complex_value(o) {
        return Some(Ok(Operand::Complex(re, im)));
    }
    if let Some(v) = float_value(o) {
        return Some(Ok(Operand::Real(v)));
    }
    int_value(o).map(|i| int_to_f64(i).map(Operand::Real))
}

macro_rules! operands {
    ($a:expr, $b:expr) => {
        match (operand($a), operand($b)) {
            (Some(x), Some(y)) => (x?, y?),
            _ => return Ok(not_implemented()),
        }
    };
}

fn parts(o: &Operand) -> (f64, f64) {
    match *o {
        Operand::Complex(re, im) => (re, im),
        Operand::Real(v) => (v, 0.0),
    }
}

fn complex_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = operands!(a, b);
    let (re, im) = match (x, y) {
        (Operand::Complex(a, b), Operand::Complex(c, d)) => (a + c, b + d),
        (Operand::Complex(a, b), Operand::Real(c)) | (Operand::Real(c), Operand::Complex(a, b)) => {
            (a + c, b)
        }
        (Operand::Real(a), Operand::Real(c)) => (a + c, 0.0),
    };
    Ok(new_complex(re, im))
}

fn complex_sub(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = operands!(a, b);
    let (re, im) = match (x, y) {
        (Operand::Complex(a, b), Operand::Complex(c, d)) => (a - c, b - d),
        (Operand::Complex(a, b), Operand::Real(c)) => (a - c, b),
        (Operand::Real(a), Operand::Complex(c, d)) => (a - c, -d),
        (Operand::Real(a), Operand::Real(c)) => (a - c, 0.0),
    };
    Ok(new_complex(re, im))
}

fn prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn complex_mul(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = operands!(a, b);
    let (re, im) = match (x, y) {
        (Operand::Complex(a, b), Operand::Complex(c, d)) => prod((a, b), (c, d)),
        (Operand::Complex(a, b), Operand::Real(c)) | (Operand::Real(c), Operand::Complex(a, b)) => {
            (a * c, b * c)
        }
        (Operand::Real(a), Operand::Real(c)) => (a * c, 0.0),
    };
    Ok(new_complex(re, im))
}

/// `a / b` for complex numbers (Smith's method, then the Annex G recovery of infinities and
/// zeros that came out as NaN); `None` when `b` is zero.
pub fn quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    let mut r = if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    if r.0.is_nan() && r.1.is_nan() {
        if (a.0.is_infinite() || a.1.is_infinite()) && b.0.is_finite() && b.1.is_finite() {
            let x = (if a.0.is_infinite() { 1.0f64 } else { 0.0 }).copysign(a.0);
            let y = (if a.1.is_infinite() { 1.0f64 } else { 0.0 }).copysign(a.1);
            r = (f64::INFINITY * (x * b.0 + y * b.1), f64::INFINITY * (y * b.0 - x * b.1));
        } else if (abr.is_infinite() || abi.is_infinite()) && a.0.is_finite() && a.1.is_finite() {
            let x = (if b.0.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.0);
            let y = (if b.1.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.1);
            r = (0.0 * (a.0 * x + a.1 * y), 0.0 * (a.1 * x - a.0 * y));
        }
    }
    Some(r)
}

/// A real over a complex: Smith's method with a zero imaginary numerator left out.
fn rc_quot(a: f64, b: (f64, f64)) -> Option<(f64, f64)> {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    let mut r = if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (a / denom, (-a * ratio) / denom)
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a * ratio) / denom, (-a) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    if r.0.is_nan() && r.1.is_nan() {
        if a.is_infinite() && b.0.is_finite() && b.1.is_finite() {
            let x = 1.0f64.copysign(a);
            r = (f64::INFINITY * (x * b.0), f64::INFINITY * (-x * b.1));
        } else if (abr.is_infinite() || abi.is_infinite()) && a.is_finite() {
            let x = (if b.0.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.0);
            let y = (if b.1.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.1);
            r = (0.0 * (a * x), 0.0 * (-a * y));
        }
    }
    Some(r)
}

fn complex_truediv(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (x, y) = operands!(a, b);
    let r = match (x, y) {
        (Operand::Complex(a, b), Operand::Complex(c, d)) => quot((a, b), (c, d)),
        (Operand::Complex(a, b), Operand::Real(c)) => (c != 0.0).then(|| (a / c, b / c)),
        (Operand::Real(a), Operand::Complex(c, d)) => rc_quot(a, (c, d)),
        (Operand::Real(a), Operand::Real(c)) => (c != 0.0).then(|| (a / c, 0.0)),
    };
    let (re, im) = r.ok_or_else(|| PyErr::zero_division("division by zero"))?;
    Ok(new_complex(re, im))
}

/// Why a complex power failed.
enum PowError {
    ZeroToNegative,
    Overflow,
}

fn powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask <= n {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` for complex numbers, CPython's algorithm and errors.
fn pow_values(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            powu(a, n as u64)
        } else {
            quot((1.0, 0.0), powu(a, n.unsigned_abs())).ok_or(PowError::ZeroToNegative)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

/// `a ** b` as a complex object (also used by `float ** float` with a negative base).
pub fn complex_pow_values(a: (f64, f64), b: (f64, f64)) -> PyResult<Object> {
    match pow_values(a, b) {
        Ok((re, im)) => Ok(new_complex(re, im)),
        Err(PowError::ZeroToNegative) => {
            Err(PyErr::zero_division("zero to a negative or complex power"))
        }
        Err(PowError::Overflow) => Err(PyErr::overflow_error("complex exponentiation")),
    }
}

fn complex_pow(a: ObjectRef<'_>, b: ObjectRef<'_>, m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (x, y) = operands!(a, b);
    if let Some(m) = m
        && !is_none(m)
    {
        return Err(PyErr::value_error("complex modulo"));
    }
    complex_pow_values(parts(&x), parts(&y))
}

fn me(o: ObjectRef<'_>) -> (f64, f64) {
    complex_value(o).expect("a complex")
}

fn complex_neg(a: ObjectRef<'_>) -> PyResult<Object> {
    let (re, im) = me(a);
    Ok(new_complex(-re, -im))
}

fn complex_pos(a: ObjectRef<'_>) -> PyResult<Object> {
    if std::ptr::eq(a.type_(), &COMPLEX_TYPE.0) {
        return Ok(a.to_owned());
    }
    let (re, im) = me(a);
    Ok(new_complex(re, im))
}

/// `abs(z)`: infinite if either part is, NaN if either part is NaN, else `hypot`.
pub fn complex_abs_value(re: f64, im: f64) -> PyResult<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() || im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn complex_abs(a: ObjectRef<'_>) -> PyResult<Object> {
    let (re, im) = me(a);
    Ok(new_float(complex_abs_value(re, im)?))
}

fn complex_bool(a: ObjectRef<'_>) -> PyResult<bool> {
    let (re, im) = me(a);
    Ok(re != 0.0 || im != 0.0)
}

fn complex_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let (re, im) = me(o);
    Ok(new_str(&taipan_common::repr::repr_complex(re, im)))
}

/// The hash of `re + im*j` (the imaginary hash weighted by 1000003, as CPython).
pub fn hash_complex(re: f64, im: f64, id: usize) -> isize {
    let hr = hash_f64(re, id) as usize;
    let hi = hash_f64(im, id) as usize;
    let c = hr.wrapping_add(1000003usize.wrapping_mul(hi)) as isize;
    if c == -1 { -2 } else { c }
}

fn complex_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let (re, im) = me(o);
    Ok(hash_complex(re, im, o.id()))
}

fn complex_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(not_implemented());
    }
    let Some((re, im)) = complex_value(a) else { return Ok(not_implemented()) };
    let equal = if let Some(i) = int_value(b) {
        if im == 0.0 {
            let ord = crate::types::float::compare_float_int(re, i);
            ord == Some(std::cmp::Ordering::Equal)
        } else {
            false
        }
    } else if let Some(f) = float_value(b) {
        re == f && im == 0.0
    } else if let Some((c, d)) = complex_value(b) {
        re == c && im == d
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(equal == (op == CompareOp::Eq)))
}

/// Deallocates a complex.
///
/// # Safety
/// Called only by the deallocation path on a dead complex.
unsafe fn complex_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: complexes are built by `new_object` with a `ComplexPayload`.
    unsafe { dealloc_payload::<ComplexPayload>(obj) }
}

pub static COMPLEX_TYPE: StaticType = StaticType(PyType::new_static(
    "complex",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ComplexPayload>(),
    0,
    TypeFlags::BASETYPE,
    42,
    complex_dealloc,
    None,
    Slots {
        repr: slot(complex_repr as UnaryFn),
        hash: slot(complex_hash as HashFn),
        richcompare: slot(complex_richcompare as RichCompareFn),
        nb_add: slot(complex_add as BinaryFn),
        nb_subtract: slot(complex_sub as BinaryFn),
        nb_multiply: slot(complex_mul as BinaryFn),
        nb_power: slot(complex_pow as TernaryFn),
        nb_negative: slot(complex_neg as UnaryFn),
        nb_positive: slot(complex_pos as UnaryFn),
        nb_absolute: slot(complex_abs as UnaryFn),
        nb_bool: slot(complex_bool as InquiryFn),
        nb_true_divide: slot(complex_truediv as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

// ---- construction ----

/// Parses the text of `complex(s)` (already free of underscores, spaces mapped to ASCII):
/// `<float>`, `<float>j`, `<float><signed-float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally
/// in parentheses, surrounded by white space.
fn parse_complex_text(s: &[u8]) -> Option<(f64, f64)> {
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < s.len() && s[*i].is_ascii_whitespace() || (*i < s.len() && s[*i] == 0x0b) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let bracket = i < s.len() && s[i] == b'(';
    if bracket {
        i += 1;
        skip_ws(&mut i);
    }
    let is_j = |i: usize| i < s.len() && (s[i] == b'j' || s[i] == b'J');
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, end)) = float_prefix(&s[i..]) {
        i += end;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            re = z;
            if let Some((y, end)) = float_prefix(&s[i..]) {
                im = y;
                i += end;
            } else {
                im = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        } else if is_j(i) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            im = if s[i] == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            im = 1.0;
        }
        if !is_j(i) {
            return None;
        }
        i += 1;
    }
    skip_ws(&mut i);
    if bracket {
        if i >= s.len() || s[i] != b')' {
            return None;
        }
        i += 1;
        skip_ws(&mut i);
    }
    (i == s.len()).then_some((re, im))
}

/// The longest prefix of `s` that is a float literal (`PyOS_string_to_double`'s `end`): its
/// value and length, or `None` when no float starts here.
pub fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    let word = if lower.starts_with(b"infinity") {
        Some(8)
    } else if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        Some(3)
    } else {
        None
    };
    if let Some(n) = word {
        let end = i + n;
        let text = std::str::from_utf8(&s[..end]).ok()?;
        return text.parse::<f64>().ok().map(|v| (v, end));
    }
    let start_digits = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - start_digits;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let f = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        ndigits += i - f;
    }
    if ndigits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        let d = k;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        if k > d {
            i = k;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// `complex(s)` for a str argument.
fn complex_from_str(s: Str<'_>, obj: ObjectRef<'_>) -> PyResult<Object> {
    // Unicode decimal digits become ASCII digits, Unicode white space a space; anything else
    // non-ASCII cannot be part of a number.
    let mut text: Vec<u8> = Vec::with_capacity(s.len());
    for cp in s.data().iter() {
        let c = char::from_u32(cp);
        if cp < 128 {
            text.push(cp as u8);
        } else if let Some(d) = c.and_then(taipan_common::format_spec::decimal_value) {
            text.push(b'0' + d as u8);
        } else if c.is_some_and(taipan_common::num_parse::is_unicode_space) {
            text.push(b' ');
        } else {
            text.push(b'?');
        }
    }
    let malformed = || PyErr::value_error("complex() arg is a malformed string");
    if text.contains(&b'_') {
        let mut clean = Vec::with_capacity(text.len());
        let mut prev = 0u8;
        for (k, &c) in text.iter().enumerate() {
            if c == b'_' {
                let next = text.get(k + 1).copied().unwrap_or(0);
                if !prev.is_ascii_digit() || !next.is_ascii_digit() {
                    return Err(PyErr::value_error(format!(
                        "could not convert string to complex: {}",
                        ops::repr_string(obj)?
                    )));
                }
            } else {
                clean.push(c);
            }
            prev = c;
        }
        text = clean;
    }
    let (re, im) = parse_complex_text(&text).ok_or_else(malformed)?;
    Ok(new_complex(re, im))
}

/// Calls `o.__complex__()` if its type defines it: `Some(parts)`, or `None` when it does not.
fn try_dunder_complex(o: ObjectRef<'_>) -> PyResult<Option<(f64, f64)>> {
    if o.is_small_int() {
        return Ok(None);
    }
    let Some(r) = crate::types::instance::call_dunder(o, "__complex__", &[])? else {
        return Ok(None);
    };
    match complex_value(r.as_ref()) {
        Some(v) => Ok(Some(v)),
        None => Err(PyErr::type_error(format!(
            "__complex__ returned non-complex (type {})",
            r.type_().name()
        ))),
    }
}

/// `float(o)` for a real number (an int, a float, or an object with `__float__` or
/// `__index__`); `None` when `o` is not a real number.
pub(crate) fn to_float(o: ObjectRef<'_>) -> PyResult<Option<f64>> {
    if let Some(v) = float_value(o) {
        return Ok(Some(v));
    }
    if let Some(i) = int_value(o) {
        return int_to_f64(i).map(Some);
    }
    if Str::new(o).is_some() {
        return Ok(None);
    }
    let r = if let Some(f) = o.type_().slots.nb_float.get() {
        Some(f(o)?)
    } else {
        crate::types::instance::call_dunder(o, "__float__", &[])?
    };
    if let Some(r) = r {
        return match float_value(r.as_ref()) {
            Some(v) => Ok(Some(v)),
            None => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                o.type_().name(),
                r.type_().name()
            ))),
        };
    }
    match crate::ops::index_via_slot(o)? {
        Some(r) => int_to_f64(int_value(r.as_ref()).expect("an int")).map(Some),
        None => Ok(None),
    }
}

pub(crate) fn complex_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let real_kw = a.take_kw("real");
    let imag_kw = a.take_kw("imag");
    a.no_kw("complex")?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    if a.pos.len() >= 1 && real_kw.is_some() {
        return Err(PyErr::type_error(
            "argument for complex() given by name ('real') and position (1)",
        ));
    }
    if a.pos.len() >= 2 && imag_kw.is_some() {
        return Err(PyErr::type_error(
            "argument for complex() given by name ('imag') and position (2)",
        ));
    }
    let r = a.pos.first().or(real_kw);
    let i = a.pos.get(1).or(imag_kw);
    let Some(r) = r else {
        return match i {
            None => Ok(new_complex(0.0, 0.0)),
            Some(i) => complex_parts(None, Some(i.as_ref())),
        };
    };
    if i.is_none() && std::ptr::eq(r.type_(), &COMPLEX_TYPE.0) {
        return Ok(r.clone());
    }
    if let Some(s) = Str::new(r.as_ref()) {
        if i.is_some() {
            return Err(PyErr::type_error(
                "complex() argument 'real' must be a real number, not str",
            ));
        }
        return complex_from_str(s, r.as_ref());
    }
    complex_parts(Some(r.as_ref()), i.map(|x| x.as_ref()))
}

fn complex_parts(r: Option<ObjectRef<'_>>, i: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (mut cr, cr_complex) = match r {
        None => ((0.0, 0.0), false),
        Some(r) => {
            if let Some(v) = complex_value(r) {
                (v, true)
            } else if let Some(v) = try_dunder_complex(r)? {
                (v, true)
            } else if let Some(v) = to_float(r)? {
                ((v, 0.0), false)
            } else if i.is_none() {
                return Err(PyErr::type_error(format!(
                    "complex() argument must be a string or a number, not {}",
                    r.type_().name()
                )));
            } else {
                return Err(PyErr::type_error(format!(
                    "complex() argument 'real' must be a real number, not {}",
                    r.type_().name()
                )));
            }
        }
    };
    let mut ci = match i {
        None => (cr.1, 0.0),
        Some(i) => {
            if let Some(v) = complex_value(i) {
                cr.0 -= v.1;
                v
            } else if let Some(v) = to_float(i)? {
                (v, 0.0)
            } else {
                return Err(PyErr::type_error(format!(
                    "complex() argument 'imag' must be a real number, not {}",
                    i.type_().name()
                )));
            }
        }
    };
    if cr_complex && i.is_some() {
        ci.0 += cr.1;
    }
    Ok(new_complex(cr.0, ci.0))
}

// ---- methods ----

fn this(s: Option<ObjectRef<'_>>) -> (f64, f64) {
    s.and_then(complex_value).expect("complex method on a complex")
}

fn complex_conjugate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("conjugate", 0, 0)?;
    let (re, im) = this(s);
    Ok(new_complex(re, -im))
}

fn complex_dunder_complex(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__complex__", 0, 0)?;
    complex_pos(s.expect("self"))
}

fn complex_getnewargs(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__getnewargs__", 0, 0)?;
    let (re, im) = this(s);
    Ok(crate::types::tuple::new_tuple(vec![new_float(re), new_float(im)]))
}

fn complex_format(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__format__", 1, 1)?;
    let Some(spec) = Str::new(args[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].type_().name()
        )));
    };
    format_complex_object(s.expect("self"), &spec.to_string_lossy())
}

/// `format(z, spec)` for a complex.
pub fn format_complex_object(o: ObjectRef<'_>, spec: &str) -> PyResult<Object> {
    let (re, im) = complex_value(o).expect("a complex");
    if spec.is_empty() {
        return ops::str_(o);
    }
    taipan_common::format_number::format_complex(re, im, spec)
        .map(|r| new_str(&r))
        .map_err(|e| crate::eval::helpers::format_error(e, o.type_()))
}

fn complex_real(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let v = args
        .first()
        .and_then(|a| complex_value(a.as_ref()))
        .ok_or_else(|| PyErr::type_error("complex expected"))?;
    Ok(new_float(v.0))
}

fn complex_imag(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let v = args
        .first()
        .and_then(|a| complex_value(a.as_ref()))
        .ok_or_else(|| PyErr::type_error("complex expected"))?;
    Ok(new_float(v.1))
}

fn complex_from_number(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // Bound as a classmethod: args[0] is the class.
    let a = Args::new(args, kw);
    a.no_kw_at_all("complex.from_number")?;
    if a.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "complex.from_number() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    let n = a.pos[1].as_ref();
    if let Some((re, im)) = complex_value(n) {
        return Ok(new_complex(re, im));
    }
    if let Some(v) = try_dunder_complex(n)? {
        return Ok(new_complex(v.0, v.1));
    }
    match to_float(n)? {
        Some(v) => Ok(new_complex(v, 0.0)),
        None => Err(PyErr::type_error(format!("must be real number, not {}", n.type_().name()))),
    }
}

pub(crate) fn register() {
    use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
    use crate::types::typelookup::register_static_attr;
    let ty = &COMPLEX_TYPE.0;
    for (n, f) in [
        ("conjugate", complex_conjugate as NativeFn),
        ("__complex__", complex_dunder_complex),
        ("__getnewargs__", complex_getnewargs),
        ("__format__", complex_format),
    ] {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, f));
    }
    for (n, f) in [("real", complex_real as NativeFn), ("imag", complex_imag)] {
        let getter = new_builtin_function(n, f);
        let _ = register_static_attr(ty, n, crate::types::descriptors::new_property(getter));
    }
    let fnum = new_builtin_function("from_number", complex_from_number);
    let _ =
        register_static_attr(ty, "from_number", crate::types::descriptors::new_classmethod(fnum));
}
