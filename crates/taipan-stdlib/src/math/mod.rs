//! The pure core of CPython 3.14's `math` module: every function over plain Rust values (`f64`
//! for floats, `dashu_int::IBig` for ints, [`Real`] where CPython accepts either and the kind
//! changes the result), with CPython's bit-exact results and its exact errors ([`MathError`]).
//!
//! - [`float_funcs`]: the libm-backed one-argument functions (`sin`, `exp`, `sqrt`, ...) with
//!   3.14's error messages, and the two-argument float functions (`atan2`, `pow`, `fmod`,
//!   `remainder`, `copysign`, `ldexp`, `frexp`, `modf`, `fma`).
//! - [`float_misc`]: `floor`/`ceil`/`trunc` of floats to ints, `nextafter`, `ulp`, `isclose`,
//!   `degrees`, `radians`, the `is*` predicates.
//! - [`special`]: `gamma`, `lgamma` (CPython's own Lanczos code), `erf`, `erfc`.
//! - [`logs`]: `log`, `log2`, `log10` of floats and of ints of any size.
//! - [`sums`]: `fsum`, `hypot`, `dist`, `sumprod`, `prod` (accumulators the glue feeds while it
//!   iterates, so that errors surface at the same item as in CPython).
//! - [`integers`]: `factorial`, `isqrt`, `comb`, `perm`, `gcd`, `lcm`.
//! - `correct` (on the double-double arithmetic of `dd`): correctly rounded `asinh`, `acosh`,
//!   `atanh`, `erf`, `erfc`, as the reference CPython's C library computes them.
//! - [`libm`]: the few C library functions Rust's `f64` does not forward to the C library.
//!
//! The glue converts arguments (`__index__`, `__float__`, `int → float` with its
//! `OverflowError`), dispatches `__floor__`/`__ceil__`/`__trunc__`, and iterates; the cores
//! start once the arguments are plain values.

mod correct;
mod dd;
pub mod float_funcs;
pub mod float_misc;
pub mod integers;
pub mod libm;
pub mod logs;
pub mod special;
pub mod sums;

use std::fmt;

use dashu_int::IBig;

pub use float_funcs::*;
pub use float_misc::*;
pub use integers::*;
pub use logs::*;
pub use special::*;
pub use sums::*;

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan` (the positive quiet NaN CPython builds).
pub const NAN: f64 = f64::NAN;

/// Which Python exception a `math` core raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathErrorKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
}

impl MathErrorKind {
    /// The exception's name as a traceback prints it.
    pub fn name(self) -> &'static str {
        match self {
            MathErrorKind::ValueError => "ValueError",
            MathErrorKind::OverflowError => "OverflowError",
            MathErrorKind::ZeroDivisionError => "ZeroDivisionError",
        }
    }
}

/// A Python exception a `math` core raises: its class and exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MathError {
    pub kind: MathErrorKind,
    pub message: String,
}

impl MathError {
    pub fn value(message: impl Into<String>) -> Self {
        MathError { kind: MathErrorKind::ValueError, message: message.into() }
    }

    pub fn overflow(message: impl Into<String>) -> Self {
        MathError { kind: MathErrorKind::OverflowError, message: message.into() }
    }

    /// `ValueError: math domain error`.
    pub fn domain() -> Self {
        MathError::value("math domain error")
    }

    /// `OverflowError: math range error`.
    pub fn range() -> Self {
        MathError::overflow("math range error")
    }

    /// `ZeroDivisionError: division by zero` (float true division by zero).
    pub fn zero_division() -> Self {
        MathError { kind: MathErrorKind::ZeroDivisionError, message: "division by zero".into() }
    }

    /// `OverflowError: int too large to convert to float`.
    pub fn int_too_large() -> Self {
        MathError::overflow("int too large to convert to float")
    }
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for MathError {}

/// Result alias for the `math` cores.
pub type MathResult<T> = Result<T, MathError>;

/// A Python `int` or `float` where a `math` function treats the two differently (`log` of a
/// huge int, `prod`, `sumprod`). The glue maps `bool` to `Int`.
#[derive(Clone, Debug, PartialEq)]
pub enum Real {
    Int(IBig),
    Float(f64),
}

impl Real {
    /// `float(self)`: exact for floats, correctly rounded for ints, `OverflowError` past
    /// `2**1024`.
    pub fn to_f64(&self) -> MathResult<f64> {
        match self {
            Real::Int(i) => int_to_f64(i),
            Real::Float(x) => Ok(*x),
        }
    }
}

/// `float(n)` for an int: correctly rounded (half to even), `OverflowError: int too large to
/// convert to float` when the rounded value reaches `2**1024`.
pub fn int_to_f64(n: &IBig) -> MathResult<f64> {
    if n.is_zero() {
        return Ok(0.0);
    }
    let (m, e) = int_frexp(n);
    if e > 1024 {
        return Err(MathError::int_too_large());
    }
    Ok(libm::ldexp(m, e as i32))
}

/// `n == m * 2**e` rounded to 53 bits (half to even) with `0.5 <= |m| < 1`, for any size of
/// nonzero `n` (CPython's `_PyLong_Frexp`).
pub fn int_frexp(n: &IBig) -> (f64, u64) {
    use dashu_int::UBig;
    use dashu_int::ops::{BitTest, UnsignedAbs};
    let negative = *n < IBig::ZERO;
    let mag: UBig = n.clone().unsigned_abs();
    let bits = mag.bit_len();
    // The top 64 bits, with every lower bit folded into a sticky lowest bit: converting that
    // to f64 rounds exactly as rounding the whole integer would.
    let top: u64 = if bits <= 64 {
        u64::try_from(&mag).unwrap_or(0) << (64 - bits)
    } else {
        let shift = bits - 64;
        let high = u64::try_from(&(&mag >> shift)).unwrap_or(0);
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        high | u64::from(sticky)
    };
    let mut m = top as f64 * (0.5f64).powi(64);
    let mut e = bits as u64;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (if negative { -m } else { m }, e)
}

/// `repr(x)` for the `got ...` part of 3.14's messages.
pub(crate) fn float_repr(x: f64) -> String {
    taipan_common::repr::repr_float(x)
}
