//! Float helpers of `math` that need no C library: `floor`/`ceil`/`trunc` of a float to an
//! int, `nextafter` (with 3.12's `steps`), `ulp`, `isclose`, `degrees`, `radians`, and the
//! `isfinite`/`isinf`/`isnan` predicates.

use dashu_int::IBig;

use super::{MathError, MathResult};

/// `int(x)` of an already integral float, with CPython's errors for infinities and NaN.
fn integral_to_int(x: f64) -> MathResult<IBig> {
    if x.is_nan() {
        return Err(MathError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(MathError::overflow("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(IBig::from(x as i64));
    }
    let (m, e) = super::frexp(x);
    // |x| >= 2**63 here, so m * 2**53 is an exact integer and e > 53.
    let mantissa = IBig::from((m * 9_007_199_254_740_992.0) as i64);
    Ok(mantissa << (e as usize - 53))
}

/// `math.floor(x)` for a float.
pub fn floor(x: f64) -> MathResult<IBig> {
    integral_to_int(x.floor())
}

/// `math.ceil(x)` for a float.
pub fn ceil(x: f64) -> MathResult<IBig> {
    integral_to_int(x.ceil())
}

/// `math.trunc(x)` for a float (`float.__trunc__`).
pub fn trunc(x: f64) -> MathResult<IBig> {
    integral_to_int(x.trunc())
}

/// C's `nextafter(x, y)`: the float next to `x` in the direction of `y` (`y` itself when equal).
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x < y { x.next_up() } else { x.next_down() }
}

/// `math.nextafter(x, y, steps=None)`. `steps` may be any non-negative int (huge ones saturate,
/// as CPython does, to 2**64 - 1).
pub fn nextafter(x: f64, y: f64, steps: Option<&IBig>) -> MathResult<f64> {
    let Some(steps) = steps else {
        return Ok(next_toward(x, y));
    };
    if *steps < IBig::ZERO {
        return Err(MathError::value("steps must be a non-negative integer"));
    }
    let steps = u64::try_from(steps).unwrap_or(u64::MAX);
    if steps == 0 || x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return Ok(x);
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    let r = if (ux ^ uy) & SIGN != 0 {
        // Opposite signs: walk down to zero, then up on y's side.
        if ax + ay <= steps {
            uy
        } else if ax < steps {
            (uy & SIGN) | (steps - ax)
        } else {
            ux - steps
        }
    } else if ax > ay {
        if ax - ay >= steps { ux - steps } else { uy }
    } else if ay - ax >= steps {
        ux + steps
    } else {
        uy
    };
    Ok(f64::from_bits(r))
}

/// `math.ulp(x)`: the value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = next_toward(x, f64::INFINITY);
    if up.is_infinite() {
        return x - next_toward(x, -f64::INFINITY);
    }
    up - x
}

/// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> MathResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(MathError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / std::f64::consts::PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (std::f64::consts::PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}
