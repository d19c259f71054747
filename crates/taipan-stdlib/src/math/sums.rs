//! The accumulating functions of `math`: `fsum` (exact partials, correctly rounded), `hypot`
//! and `dist` (scaled, compensated sum of squares with a final Newton correction), `sumprod`
//! (int fast path, triple-length float accumulation, then plain Python arithmetic), `prod`.
//!
//! `Fsum`, `Sumprod` and `Prod` are fed one item at a time by the glue as it iterates, so an
//! error surfaces at the same item as in CPython.

use dashu_int::IBig;

use super::{MathError, MathResult, Real, int_to_f64};

/// `math.fsum`'s state: non-overlapping partial sums of increasing magnitude, plus the sums of
/// the infinities and NaNs seen.
#[derive(Clone, Debug, Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one item (already converted with `float()`).
    pub fn add(&mut self, value: f64) -> MathResult<()> {
        let mut x = value;
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if value.is_finite() {
                    return Err(MathError::overflow("intermediate overflow in fsum"));
                }
                if value.is_infinite() {
                    self.inf_sum += value;
                }
                self.special_sum += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum.
    pub fn finish(&self) -> MathResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(MathError::value("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even across partials: a tie in hi + lo is broken by the next partial.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        Ok(hi)
    }
}

/// `math.fsum(values)` over already converted floats.
pub fn fsum(values: &[f64]) -> MathResult<f64> {
    let mut acc = Fsum::new();
    for &v in values {
        acc.add(v)?;
    }
    acc.finish()
}

/// An unevaluated sum `hi + lo`.
#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

/// Exact sum for `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    DoubleLength { hi: x, lo: (a - x) + b }
}

/// Exact sum for any `a`, `b` (Knuth's two-sum).
fn two_sum(a: f64, b: f64) -> DoubleLength {
    let s = a + b;
    let a_prime = s - b;
    let b_prime = s - a_prime;
    DoubleLength { hi: s, lo: (a - a_prime) + (b - b_prime) }
}

/// Exact product.
fn two_mul(x: f64, y: f64) -> DoubleLength {
    let z = x * y;
    DoubleLength { hi: z, lo: x.mul_add(y, -z) }
}

/// Euclidean norm of non-negative `vec` whose largest element is `max`.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = super::frexp(max);
    if max_e < -1023 {
        // Subnormal max: 2**-max_e would overflow, so move everything up by 2**1022 first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = super::libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale; // exact
        let pr = two_mul(x, x);
        let sm = fast_two_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = two_mul(-h, h);
    let sm = fast_two_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coordinates: &[f64]) -> f64 {
    let mut vec: Vec<f64> = coordinates.iter().map(|x| x.abs()).collect();
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in &vec {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    vector_norm(&mut vec, max, found_nan)
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> MathResult<f64> {
    if p.len() != q.len() {
        return Err(MathError::value("both points must have the same number of dimensions"));
    }
    let mut vec: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in &vec {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    Ok(vector_norm(&mut vec, max, found_nan))
}

/// Python's `a + b` for ints and floats.
pub fn real_add(a: &Real, b: &Real) -> MathResult<Real> {
    Ok(match (a, b) {
        (Real::Int(x), Real::Int(y)) => Real::Int(x + y),
        (Real::Float(x), Real::Float(y)) => Real::Float(x + y),
        (Real::Int(x), Real::Float(y)) => Real::Float(int_to_f64(x)? + y),
        (Real::Float(x), Real::Int(y)) => Real::Float(x + int_to_f64(y)?),
    })
}

/// Python's `a * b` for ints and floats.
pub fn real_mul(a: &Real, b: &Real) -> MathResult<Real> {
    Ok(match (a, b) {
        (Real::Int(x), Real::Int(y)) => Real::Int(x * y),
        (Real::Float(x), Real::Float(y)) => Real::Float(x * y),
        (Real::Int(x), Real::Float(y)) => Real::Float(int_to_f64(x)? * y),
        (Real::Float(x), Real::Int(y)) => Real::Float(x * int_to_f64(y)?),
    })
}

/// An unevaluated sum `hi + lo + tiny` (the float path of `sumprod`).
#[derive(Clone, Copy, Default)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl TripleLength {
    /// `self + x*y`, keeping three words.
    fn fma(self, x: f64, y: f64) -> TripleLength {
        let pr = two_mul(x, y);
        let sm = two_sum(self.hi, pr.hi);
        let r1 = two_sum(self.lo, pr.lo);
        let r2 = two_sum(r1.hi, sm.lo);
        TripleLength { hi: sm.hi, lo: r2.hi, tiny: self.tiny + r1.lo + r2.lo }
    }

    fn to_f64(self) -> f64 {
        let last = two_sum(self.lo, self.hi);
        self.tiny + last.lo + last.hi
    }
}

/// `math.sumprod(p, q)`'s state. CPython runs an exact machine-int path while every pair is
/// two ints, then an extended-precision float path while every pair is float×float or
/// float×int (and the sum stays finite), then plain Python `total + p*q`; each path hands its
/// subtotal to the Python total when it ends, and never restarts.
#[derive(Clone, Debug)]
pub struct Sumprod {
    total: Real,
    int_enabled: bool,
    int_total: Option<i64>,
    flt_enabled: bool,
    flt_total: Option<(f64, f64, f64)>,
}

impl Default for Sumprod {
    fn default() -> Self {
        Sumprod {
            total: Real::Int(IBig::ZERO),
            int_enabled: true,
            int_total: None,
            flt_enabled: true,
            flt_total: None,
        }
    }
}

impl Sumprod {
    pub fn new() -> Self {
        Self::default()
    }

    fn end_int_path(&mut self) -> MathResult<()> {
        self.int_enabled = false;
        if let Some(t) = self.int_total.take() {
            self.total = real_add(&self.total, &Real::Int(IBig::from(t)))?;
        }
        Ok(())
    }

    fn end_flt_path(&mut self) -> MathResult<()> {
        self.flt_enabled = false;
        if let Some((hi, lo, tiny)) = self.flt_total.take() {
            let t = TripleLength { hi, lo, tiny }.to_f64();
            self.total = real_add(&self.total, &Real::Float(t))?;
        }
        Ok(())
    }

    /// Adds `p * q`. `bool`s arrive as `Int` (CPython keeps them off the int path, which gives
    /// the same value).
    pub fn push(&mut self, p: &Real, q: &Real) -> MathResult<()> {
        if self.int_enabled {
            if let (Real::Int(a), Real::Int(b)) = (p, q)
                && let (Ok(a), Ok(b)) = (i64::try_from(a), i64::try_from(b))
                && let Some(prod) = a.checked_mul(b)
                && let Some(sum) = self.int_total.unwrap_or(0).checked_add(prod)
            {
                self.int_total = Some(sum);
                return Ok(());
            }
            self.end_int_path()?;
        }
        if self.flt_enabled {
            let pair = match (p, q) {
                (Real::Float(a), Real::Float(b)) => Some((*a, *b)),
                (Real::Float(a), Real::Int(b)) => int_to_f64(b).ok().map(|b| (*a, b)),
                (Real::Int(a), Real::Float(b)) => int_to_f64(a).ok().map(|a| (a, *b)),
                _ => None,
            };
            if let Some((a, b)) = pair {
                let (hi, lo, tiny) = self.flt_total.unwrap_or((0.0, 0.0, 0.0));
                let next = TripleLength { hi, lo, tiny }.fma(a, b);
                if next.hi.is_finite() {
                    self.flt_total = Some((next.hi, next.lo, next.tiny));
                    return Ok(());
                }
            }
            self.end_flt_path()?;
        }
        let term = real_mul(p, q)?;
        self.total = real_add(&self.total, &term)?;
        Ok(())
    }

    /// The total once both iterables are exhausted.
    pub fn finish(mut self) -> MathResult<Real> {
        if self.int_enabled {
            self.end_int_path()?;
        }
        if self.flt_enabled {
            self.end_flt_path()?;
        }
        Ok(self.total)
    }
}

/// `math.sumprod(p, q)` over already paired values.
pub fn sumprod(p: &[Real], q: &[Real]) -> MathResult<Real> {
    let mut acc = Sumprod::new();
    for (a, b) in p.iter().zip(q) {
        acc.push(a, b)?;
    }
    // CPython notices the length mismatch only when one iterable runs out.
    if p.len() != q.len() {
        return Err(MathError::value("Inputs are not the same length"));
    }
    acc.finish()
}

/// `math.prod(iterable, *, start=1)` for ints and floats: Python's `*` from left to right
/// (CPython's machine-int and double fast paths give the same values).
pub fn prod(values: &[Real], start: Real) -> MathResult<Real> {
    let mut result = start;
    for v in values {
        result = real_mul(&result, v)?;
    }
    Ok(result)
}
