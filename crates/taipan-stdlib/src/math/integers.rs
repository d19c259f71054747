//! The integer functions of `math`: `factorial`, `isqrt`, `comb`, `perm`, `gcd`, `lcm`, exact
//! over ints of any size, with CPython 3.14's argument checks and messages.

use dashu_int::ops::{Gcd, SquareRoot, UnsignedAbs};
use dashu_int::{IBig, UBig};

use super::{MathError, MathResult};

const LLONG_MAX: i64 = i64::MAX;

/// The product of `lo, lo+1, ..., hi-1` (1 when empty), split in halves so the big
/// multiplications are balanced.
fn range_product(lo: &UBig, count: u64) -> UBig {
    if count == 0 {
        return UBig::ONE;
    }
    if count <= 16 {
        let mut acc = lo.clone();
        let mut v = lo.clone();
        for _ in 1..count {
            v += 1u8;
            acc *= &v;
        }
        return acc;
    }
    let half = count / 2;
    let mid = lo + UBig::from(half);
    range_product(lo, half) * range_product(&mid, count - half)
}

/// `n!` for a machine-size `n`.
fn factorial_u64(n: u64) -> UBig {
    if n < 2 { UBig::ONE } else { range_product(&UBig::from(2u8), n - 1) }
}

/// `math.factorial(n)`.
pub fn factorial(n: &IBig) -> MathResult<IBig> {
    if *n < IBig::ZERO {
        return Err(MathError::value("factorial() not defined for negative values"));
    }
    let Ok(n) = i64::try_from(n) else {
        return Err(MathError::overflow(format!(
            "factorial() argument should not exceed {LLONG_MAX}"
        )));
    };
    Ok(IBig::from(factorial_u64(n as u64)))
}

/// `math.isqrt(n)`: the floor of the square root.
pub fn isqrt(n: &IBig) -> MathResult<IBig> {
    if *n < IBig::ZERO {
        return Err(MathError::value("isqrt() argument must be nonnegative"));
    }
    let mag: UBig = n.clone().unsigned_abs();
    Ok(IBig::from(mag.sqrt()))
}

fn check_non_negative(n: &IBig, k: &IBig) -> MathResult<()> {
    if *n < IBig::ZERO {
        return Err(MathError::value("n must be a non-negative integer"));
    }
    if *k < IBig::ZERO {
        return Err(MathError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `n * (n-1) * ... * (n-k+1)` for `0 <= k <= n`.
fn falling_product(n: &UBig, k: u64) -> UBig {
    if k == 0 {
        return UBig::ONE;
    }
    let lo = n - UBig::from(k) + UBig::ONE;
    range_product(&lo, k)
}

/// `math.comb(n, k)`: the number of ways to choose `k` of `n` items.
pub fn comb(n: &IBig, k: &IBig) -> MathResult<IBig> {
    check_non_negative(n, k)?;
    if k > n {
        return Ok(IBig::ZERO);
    }
    let rest = n - k;
    let k = if rest < *k { rest } else { k.clone() };
    let Ok(k) = i64::try_from(&k) else {
        return Err(MathError::overflow(format!("min(n - k, k) must not exceed {LLONG_MAX}")));
    };
    let n: UBig = n.clone().unsigned_abs();
    let k = k as u64;
    Ok(IBig::from(falling_product(&n, k) / factorial_u64(k)))
}

/// `math.perm(n, k=None)`: the number of ordered choices of `k` of `n` items; `n!` without `k`.
pub fn perm(n: &IBig, k: Option<&IBig>) -> MathResult<IBig> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_non_negative(n, k)?;
    if k > n {
        return Ok(IBig::ZERO);
    }
    let Ok(k) = i64::try_from(k) else {
        return Err(MathError::overflow(format!("k must not exceed {LLONG_MAX}")));
    };
    let n: UBig = n.clone().unsigned_abs();
    Ok(IBig::from(falling_product(&n, k as u64)))
}

/// `math.gcd(*integers)`: 0 without arguments, always non-negative.
pub fn gcd(values: &[IBig]) -> IBig {
    let mut acc = UBig::ZERO;
    for v in values {
        if acc == UBig::ONE {
            break;
        }
        let v: UBig = v.clone().unsigned_abs();
        // dashu refuses gcd(0, 0); gcd(0, v) is |v|.
        acc = if acc.is_zero() {
            v
        } else if v.is_zero() {
            acc
        } else {
            (&acc).gcd(&v)
        };
    }
    IBig::from(acc)
}

/// `math.lcm(*integers)`: 1 without arguments, 0 if any is 0, always non-negative.
pub fn lcm(values: &[IBig]) -> IBig {
    let mut acc = UBig::ONE;
    for v in values {
        let v: UBig = v.clone().unsigned_abs();
        if v.is_zero() {
            return IBig::ZERO;
        }
        let g = (&acc).gcd(&v);
        acc = &acc / g * v;
    }
    IBig::from(acc)
}
