//! `math.gamma` and `math.lgamma` (CPython computes these itself: a Lanczos approximation,
//! N = 13, g = 6.024680040776729583740234375, written as a rational function, with the
//! reflection formula for negative arguments), and `math.erf`/`math.erfc` (correctly rounded,
//! from `super::correct`).

use super::{MathError, MathResult, float_repr};

const PI: f64 = std::f64::consts::PI;
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
/// The Lanczos g, and g - 1/2 (both exact binary fractions, written out in full).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

/// Numerator coefficients of the Lanczos sum, lowest power first.
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Denominator coefficients: x(x+1)...(x+11), lowest power first.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum for `x > 0`; evaluated in `1/x` from 5 on to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, accurate near integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // 1 - y (not y - 1) so that y == 1 gives +0.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Gamma of the integers 1..=23, exact in binary64.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// What the gamma kernels report besides their value (C's `errno`).
enum Flag {
    Ok,
    Domain,
    Range,
}

fn gamma_kernel(x: f64) -> (f64, Flag) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Flag::Ok);
        }
        return (f64::NAN, Flag::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Flag::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Flag::Domain);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Flag::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Flag::Range } else { Flag::Ok });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Flag::Ok);
        }
        return (f64::INFINITY, Flag::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, corrected for below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { Flag::Range } else { Flag::Ok })
}

fn lgamma_kernel(x: f64) -> (f64, Flag) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Flag::Ok);
        }
        return (f64::INFINITY, Flag::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Flag::Domain);
        }
        return (0.0, Flag::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Flag::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { Flag::Range } else { Flag::Ok })
}

/// CPython's `math_1a` error rule for the gamma functions.
fn finish(x: f64, (r, flag): (f64, Flag)) -> MathResult<f64> {
    match flag {
        Flag::Ok => Ok(r),
        Flag::Domain => Err(MathError::value(format!(
            "expected a noninteger or positive integer, got {}",
            float_repr(x)
        ))),
        Flag::Range if r.abs() < 1.5 => Ok(r),
        Flag::Range => Err(MathError::range()),
    }
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> MathResult<f64> {
    finish(x, gamma_kernel(x))
}

/// `math.lgamma(x)`: `log(abs(gamma(x)))`.
pub fn lgamma(x: f64) -> MathResult<f64> {
    finish(x, lgamma_kernel(x))
}

/// `math.erf(x)`.
pub fn erf(x: f64) -> MathResult<f64> {
    Ok(super::correct::erf(x))
}

/// `math.erfc(x)`.
pub fn erfc(x: f64) -> MathResult<f64> {
    Ok(super::correct::erfc(x))
}
