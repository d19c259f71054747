//! The libm-backed functions of `math` with CPython 3.14's error rules, and its two-argument
//! float functions.
//!
//! One-argument rule (CPython's `math_1`): a NaN result from a non-NaN argument is a
//! `ValueError`; an infinite result from a finite argument is `OverflowError: math range
//! error` for the functions that can overflow and a `ValueError` for the others. 3.14 words
//! many of those `ValueError`s itself (`expected a nonnegative input, got -1.0`); the rest say
//! `math domain error`.

use dashu_int::IBig;

use super::libm;
use super::{MathError, MathResult, float_repr};

/// Applies the one-argument error rule to `r = f(x)`. `domain` is 3.14's message prefix (the
/// `got <repr(x)>` part is appended), or `None` for `math domain error`.
pub(crate) fn check_1(x: f64, r: f64, can_overflow: bool, domain: Option<&str>) -> MathResult<f64> {
    let domain_error = || match domain {
        Some(prefix) => MathError::value(format!("{prefix}, got {}", float_repr(x))),
        None => MathError::domain(),
    };
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { MathError::range() } else { domain_error() });
    }
    Ok(r)
}

const UNIT_RANGE: &str = "expected a number in range from -1 up to 1";
const FINITE: &str = "expected a finite input";

/// `math.acos(x)`.
pub fn acos(x: f64) -> MathResult<f64> {
    check_1(x, x.acos(), false, Some(UNIT_RANGE))
}

/// `math.acosh(x)`.
pub fn acosh(x: f64) -> MathResult<f64> {
    check_1(x, super::correct::acosh(x), false, Some("expected argument value not less than 1"))
}

/// `math.asin(x)`.
pub fn asin(x: f64) -> MathResult<f64> {
    check_1(x, x.asin(), false, Some(UNIT_RANGE))
}

/// `math.asinh(x)`.
pub fn asinh(x: f64) -> MathResult<f64> {
    check_1(x, super::correct::asinh(x), false, None)
}

/// `math.atan(x)`.
pub fn atan(x: f64) -> MathResult<f64> {
    check_1(x, x.atan(), false, None)
}

/// `math.atanh(x)`.
pub fn atanh(x: f64) -> MathResult<f64> {
    check_1(x, super::correct::atanh(x), false, Some("expected a number between -1 and 1"))
}

/// `math.cbrt(x)`.
pub fn cbrt(x: f64) -> MathResult<f64> {
    check_1(x, libm::cbrt(x), false, None)
}

/// `math.cos(x)`.
pub fn cos(x: f64) -> MathResult<f64> {
    check_1(x, x.cos(), false, Some(FINITE))
}

/// `math.cosh(x)`.
pub fn cosh(x: f64) -> MathResult<f64> {
    check_1(x, x.cosh(), true, None)
}

/// `math.exp(x)`.
pub fn exp(x: f64) -> MathResult<f64> {
    check_1(x, x.exp(), true, None)
}

/// `math.exp2(x)`.
pub fn exp2(x: f64) -> MathResult<f64> {
    check_1(x, x.exp2(), true, None)
}

/// `math.expm1(x)`.
pub fn expm1(x: f64) -> MathResult<f64> {
    check_1(x, x.exp_m1(), true, None)
}

/// `math.fabs(x)`.
pub fn fabs(x: f64) -> MathResult<f64> {
    Ok(x.abs())
}

/// `math.log1p(x)`.
pub fn log1p(x: f64) -> MathResult<f64> {
    check_1(x, x.ln_1p(), false, Some("expected argument value > -1"))
}

/// `math.sin(x)`.
pub fn sin(x: f64) -> MathResult<f64> {
    check_1(x, x.sin(), false, Some(FINITE))
}

/// `math.sinh(x)`.
pub fn sinh(x: f64) -> MathResult<f64> {
    check_1(x, x.sinh(), true, None)
}

/// `math.sqrt(x)`.
pub fn sqrt(x: f64) -> MathResult<f64> {
    check_1(x, x.sqrt(), false, Some("expected a nonnegative input"))
}

/// `math.tan(x)`.
pub fn tan(x: f64) -> MathResult<f64> {
    check_1(x, x.tan(), false, Some(FINITE))
}

/// `math.tanh(x)`.
pub fn tanh(x: f64) -> MathResult<f64> {
    check_1(x, x.tanh(), false, None)
}

/// The two-argument error rule (CPython's `math_2`): NaN from non-NaN arguments is a domain
/// error, an infinity from finite arguments a range error.
fn check_2(x: f64, y: f64, r: f64) -> MathResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathError::domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(MathError::range());
    }
    Ok(r)
}

/// `math.atan2(y, x)`, with C99's special values decided before the C library sees them.
pub fn atan2(y: f64, x: f64) -> MathResult<f64> {
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * std::f64::consts::PI).copysign(y)
            } else {
                (0.75 * std::f64::consts::PI).copysign(y)
            }
        } else {
            (0.5 * std::f64::consts::PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() { 0.0f64.copysign(y) } else { std::f64::consts::PI.copysign(y) }
    } else {
        y.atan2(x)
    };
    check_2(y, x, r)
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> MathResult<f64> {
    check_2(x, y, x.copysign(y))
}

/// `math.fmod(x, y)`: C's `fmod` (exact), `x` for a finite `x` and infinite `y`.
pub fn fmod(x: f64, y: f64) -> MathResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathError::domain());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: IEEE 754 remainder `x - n*y`, `n` the nearest integer to `x/y`
/// (ties to even); always exact.
pub fn remainder(x: f64, y: f64) -> MathResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let absx = x.abs();
            let absy = y.abs();
            let m = absx % absy;
            // Compare m with absy - m rather than with absy / 2, which may be inexact.
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // A tie: keep m when the quotient is even, else -m; every step is exact.
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    check_2(x, y, r)
}

/// `math.pow(x, y)`: C99 Annex F special values decided here, finite powers by the C library.
pub fn pow(x: f64, y: f64) -> MathResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(MathError::domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { MathError::domain() } else { MathError::range() });
    }
    Ok(r)
}

/// `math.ldexp(x, i)`: `x * 2**i` correctly rounded; any size of `i`.
pub fn ldexp(x: f64, i: &IBig) -> MathResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let r = match i32::try_from(i) {
        Ok(e) => libm::ldexp(x, e),
        Err(_) if *i > IBig::ZERO => f64::INFINITY.copysign(x),
        Err(_) => 0.0f64.copysign(x),
    };
    if r.is_infinite() {
        return Err(MathError::range());
    }
    Ok(r)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`; `(x, 0)` for zeros,
/// infinities and NaN.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// `math.modf(x)`: `(fractional, integral)` parts, both carrying the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int_part = x.trunc();
    ((x - int_part).copysign(x), int_part)
}

/// `math.fma(x, y, z)`: `x*y + z` with a single rounding.
pub fn fma(x: f64, y: f64, z: f64) -> MathResult<f64> {
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(MathError::value("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(MathError::overflow("overflow in fma"));
        }
    }
    Ok(r)
}
