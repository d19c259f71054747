//! Correctly rounded `asinh`, `acosh`, `atanh`, `erf` and `erfc`.
//!
//! CPython takes these from the C library; the reference CPython 3.14 runs on a glibc whose
//! versions are correctly rounded, while older C libraries differ in the last bit. Computing
//! them here in double-double (about 2**-100 relative error, then one rounding) gives the
//! reference's results on every platform.

use std::sync::OnceLock;

use super::dd::{DD, LN2, exp_dd, log_dd, round_scaled, two_prod, two_sum};

const TWO_OVER_SQRT_PI: DD =
    DD::new(f64::from_bits(0x3ff2_0dd7_5042_9b6d), f64::from_bits(0x3c71_ae3a_914f_ed80));
const ONE_OVER_SQRT_PI: DD =
    DD::new(f64::from_bits(0x3fe2_0dd7_5042_9b6d), f64::from_bits(0x3c61_ae3a_914f_ed80));

/// `sum(c_n * x**(2n+1))` for the coefficients `c`, in dd.
fn odd_series(x: f64, c: &[DD]) -> DD {
    let x2 = two_prod(x, x);
    let mut s = DD::from(0.0);
    for &cn in c.iter().rev() {
        s = cn.add(s.mul(x2));
    }
    s.mul_f(x)
}

const SERIES_TERMS: usize = 20;

/// asinh's Maclaurin coefficients, `(-1)^n (2n-1)!! / ((2n)!! (2n+1))`.
fn asinh_coefs() -> &'static [DD; SERIES_TERMS] {
    static TABLE: OnceLock<[DD; SERIES_TERMS]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DD::ONE; SERIES_TERMS];
        let mut c = DD::ONE;
        for (n, slot) in t.iter_mut().enumerate() {
            if n > 0 {
                c = c.mul_f(-((2 * n - 1) as f64)).div(DD::from((2 * n) as f64));
            }
            *slot = c.div(DD::from((2 * n + 1) as f64));
        }
        t
    })
}

/// atanh's Maclaurin coefficients, `1 / (2n+1)`.
fn atanh_coefs() -> &'static [DD; SERIES_TERMS] {
    static TABLE: OnceLock<[DD; SERIES_TERMS]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DD::ONE; SERIES_TERMS];
        for (n, slot) in t.iter_mut().enumerate() {
            *slot = DD::ONE.div(DD::from((2 * n + 1) as f64));
        }
        t
    })
}

const ERF_TERMS: usize = 60;

/// erf's Maclaurin coefficients without the `2/sqrt(pi)`: `(-1)^n / (n! (2n+1))`.
fn erf_coefs() -> &'static [DD; ERF_TERMS] {
    static TABLE: OnceLock<[DD; ERF_TERMS]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DD::ONE; ERF_TERMS];
        let mut fact = DD::ONE;
        for (n, slot) in t.iter_mut().enumerate() {
            if n > 0 {
                fact = fact.mul_f(n as f64);
            }
            let sign = if n % 2 == 0 { 1.0 } else { -1.0 };
            *slot = DD::from(sign).div(fact.mul_f((2 * n + 1) as f64));
        }
        t
    })
}

/// asinh for `0 <= x`.
fn asinh_pos(x: f64) -> f64 {
    if x < 0.125 {
        if x < 1e-30 {
            return x;
        }
        return odd_series(x, asinh_coefs()).to_f64();
    }
    if x < 268_435_456.0 {
        let root = two_prod(x, x).add_f(1.0).sqrt();
        return log_dd(root.add_f(x)).to_f64();
    }
    // log(2x) + 1/(4x**2)
    let corr = if x < 1e150 { 0.25 / (x * x) } else { 0.0 };
    log_dd(DD::from(x)).add(LN2).add_f(corr).to_f64()
}

/// `math`'s `asinh` core (odd; NaN and infinities pass through).
pub(crate) fn asinh(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    asinh_pos(x.abs()).copysign(x)
}

/// acosh (`NaN` below 1).
pub(crate) fn acosh(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 1.0 {
        return f64::NAN;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x.is_infinite() {
        return x;
    }
    if x < 268_435_456.0 {
        // log(1 + u), u = (x - 1) + sqrt((x - 1)(x + 1))
        let xm1 = two_sum(x, -1.0);
        let xp1 = two_sum(x, 1.0);
        let u = xm1.add(xm1.mul(xp1).sqrt());
        return log_dd(u.add_f(1.0)).to_f64();
    }
    // log(2x) - 1/(4x**2)
    let corr = if x < 1e150 { -0.25 / (x * x) } else { 0.0 };
    log_dd(DD::from(x)).add(LN2).add_f(corr).to_f64()
}

/// atanh (`±inf` at `±1`, `NaN` beyond).
pub(crate) fn atanh(x: f64) -> f64 {
    if x.is_nan() || x == 0.0 {
        return x;
    }
    let a = x.abs();
    if a > 1.0 {
        return f64::NAN;
    }
    if a == 1.0 {
        return f64::INFINITY.copysign(x);
    }
    let r = if a < 0.125 {
        if a < 1e-30 { a } else { odd_series(a, atanh_coefs()).to_f64() }
    } else {
        let q = two_sum(1.0, a).div(two_sum(1.0, -a));
        log_dd(q).mul_f(0.5).to_f64()
    };
    r.copysign(x)
}

/// erf(x) for `0 <= x < 2.5` by its Maclaurin series, as a dd scaled by `2**k`. The series
/// alternates; at 2.5 its largest term is ~18, so about 5 of the ~106 bits are lost.
fn erf_series(x: f64) -> (DD, i32) {
    // Scale tiny arguments up so that the dd keeps full precision.
    let k = if x < 1e-200 { 600 } else { 0 };
    let xs = super::libm::ldexp(x, k);
    let x2 = two_prod(x, x);
    // Terms needed for the tail to drop below 2**-112.
    let terms = match x {
        x if x < 0.25 => 16,
        x if x < 0.5 => 21,
        x if x < 1.0 => 30,
        x if x < 1.5 => 39,
        x if x < 2.0 => 48,
        _ => 60,
    };
    let mut s = DD::from(0.0);
    for &c in erf_coefs()[..terms].iter().rev() {
        s = c.add(s.mul(x2));
    }
    (s.mul(TWO_OVER_SQRT_PI).mul_f(xs), -k)
}

/// erfc(x) for `x >= 2.5` by Laplace's continued fraction (even part), as `m * 2**k`.
fn erfc_cf(x: f64) -> (DD, i32) {
    let x2 = two_prod(x, x);
    let two_x2 = x2.mul_f(2.0);
    let depth = (500.0 / (x * x)) as usize + 15;
    let mut t = two_x2.add_f((4 * depth + 1) as f64);
    for n in (1..=depth).rev() {
        let a = ((2 * n - 1) * (2 * n)) as f64;
        t = two_x2.add_f((4 * (n - 1) + 1) as f64).sub(DD::from(a).div(t));
    }
    let (m, k) = exp_dd(x2.neg());
    (m.mul_f(2.0 * x).mul(ONE_OVER_SQRT_PI).div(t), k)
}

/// Correctly rounded erf.
pub(crate) fn erf(x: f64) -> f64 {
    if x.is_nan() || x == 0.0 {
        return x;
    }
    let a = x.abs();
    let r = if a < 2.5 {
        let (v, k) = erf_series(a);
        round_scaled(v, k)
    } else if a < 6.5 {
        let (m, k) = erfc_cf(a);
        DD::ONE.sub(m.scale(k)).to_f64()
    } else {
        1.0
    };
    r.copysign(x)
}

/// Correctly rounded erfc.
pub(crate) fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == f64::NEG_INFINITY {
        return 2.0;
    }
    let a = x.abs();
    let erf_a = if a < 2.5 {
        let (v, k) = erf_series(a);
        v.scale(k)
    } else if x < 0.0 {
        if a >= 6.5 {
            return 2.0;
        }
        let (m, k) = erfc_cf(a);
        return DD::from(2.0).sub(m.scale(k)).to_f64();
    } else {
        if a > 28.0 {
            return 0.0;
        }
        let (m, k) = erfc_cf(a);
        return round_scaled(m, k);
    };
    if x < 0.0 { DD::ONE.add(erf_a).to_f64() } else { DD::ONE.sub(erf_a).to_f64() }
}
