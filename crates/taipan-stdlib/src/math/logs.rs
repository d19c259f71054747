//! `math.log`, `math.log2` and `math.log10`. Floats go to the C library (with CPython's
//! special values and 3.14's `expected a positive input, got ...`); ints of any size are
//! handled here: converted to a float when they fit, else split as `m * 2**e` so that the log
//! is `log(m) + log(2) * e`.

use super::float_funcs::check_1;
use super::{MathError, MathResult, Real, int_frexp, int_to_f64};
use dashu_int::IBig;

const POSITIVE: &str = "expected a positive input";

/// The C library's log with C99's special values (NaN and -inf flagged later by `check_1`).
fn special_log(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log_helper(arg: &Real, f: fn(f64) -> f64) -> MathResult<f64> {
    match arg {
        Real::Int(n) => {
            if *n <= IBig::ZERO {
                return Err(MathError::value(POSITIVE));
            }
            match int_to_f64(n) {
                Ok(x) => Ok(f(x)),
                Err(_) => {
                    let (m, e) = int_frexp(n);
                    Ok(f(m) + f(2.0) * e as f64)
                }
            }
        }
        Real::Float(x) => check_1(*x, special_log(*x, f), false, Some(POSITIVE)),
    }
}

/// `math.log(x[, base])`.
pub fn log(x: &Real, base: Option<&Real>) -> MathResult<f64> {
    let num = log_helper(x, f64::ln)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = log_helper(base, f64::ln)?;
    if den == 0.0 {
        return Err(MathError::zero_division());
    }
    Ok(num / den)
}

/// `math.log2(x)`.
pub fn log2(x: &Real) -> MathResult<f64> {
    log_helper(x, f64::log2)
}

/// `math.log10(x)`.
pub fn log10(x: &Real) -> MathResult<f64> {
    log_helper(x, f64::log10)
}
