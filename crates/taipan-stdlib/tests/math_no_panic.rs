//! Every `math` core on hostile inputs (all special floats, random bit patterns, ints around
//! the machine-size limits) returns a value or an error, never panics.

use dashu_int::IBig;
use dashu_int::ops::BitTest;
use taipan_stdlib::math::{self, Real};

fn floats() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        5e-324,
        -5e-324,
        1.0,
        -1.0,
    ];
    // A fixed xorshift stream of bit patterns.
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        v.push(f64::from_bits(s));
    }
    v
}

fn ints() -> Vec<IBig> {
    let mut v: Vec<IBig> = [0i64, 1, -1, 2, 63, 64, -64, i64::MAX, i64::MIN, 1000]
        .iter()
        .map(|&n| IBig::from(n))
        .collect();
    v.push(IBig::from(1u8) << 64);
    v.push(-(IBig::from(1u8) << 2000));
    v.push((IBig::from(1u8) << 1024) - IBig::from(1u8));
    v
}

#[test]
fn floats_never_panic() {
    let xs = floats();
    let unary: [fn(f64) -> math::MathResult<f64>; 23] = [
        math::acos,
        math::acosh,
        math::asin,
        math::asinh,
        math::atan,
        math::atanh,
        math::cbrt,
        math::cos,
        math::cosh,
        math::exp,
        math::exp2,
        math::expm1,
        math::fabs,
        math::log1p,
        math::sin,
        math::sinh,
        math::sqrt,
        math::tan,
        math::tanh,
        math::gamma,
        math::lgamma,
        math::erf,
        math::erfc,
    ];
    for &x in &xs {
        for f in unary {
            let _ = f(x);
        }
        let _ = (math::floor(x), math::ceil(x), math::trunc(x), math::frexp(x), math::modf(x));
        let _ = (math::ulp(x), math::degrees(x), math::radians(x));
        let _ = (math::log(&Real::Float(x), Some(&Real::Float(x))), math::log2(&Real::Float(x)));
        let _ = math::hypot(&[x, 1.0, x]);
    }
    for (i, &x) in xs.iter().enumerate().take(400) {
        for &y in xs.iter().skip(i).take(40) {
            let _ = (math::atan2(x, y), math::pow(x, y), math::fmod(x, y));
            let _ = (math::remainder(x, y), math::copysign(x, y), math::fma(x, y, x));
            let _ = (math::isclose(x, y, 1e-9, 0.0), math::dist(&[x, y], &[y, x]));
            let _ = math::fsum(&[x, y, -x, 1e308, y]);
            for n in ints() {
                let _ = (math::ldexp(x, &n), math::nextafter(x, y, Some(&n)));
            }
            let p = [Real::Float(x), Real::Int(IBig::from(3)), Real::Float(y)];
            let q = [Real::Int(ints()[11].clone()), Real::Float(y), Real::Float(x)];
            let _ = (math::sumprod(&p, &q), math::prod(&p, Real::Float(y)));
        }
    }
}

#[test]
fn ints_never_panic() {
    let small: Vec<IBig> = (-3..40).map(IBig::from).collect();
    for n in ints().iter().chain(&small) {
        let _ = math::isqrt(n);
        let _ = (math::log(&Real::Int(n.clone()), None), math::log10(&Real::Int(n.clone())));
        let _ = (math::gcd(&[n.clone(), n.clone()]), math::lcm(&[n.clone(), IBig::from(6)]));
        if n.bit_len() <= 12 {
            let _ = math::factorial(n);
        }
        for k in small.iter().chain(ints().iter().filter(|k| k.bit_len() >= 64)) {
            // Only cases whose answer is small or an error (no 2**63-factor products).
            if n.bit_len() <= 12 || k.bit_len() >= 64 || *k <= IBig::from(3) {
                let _ = (math::comb(n, k), math::perm(n, Some(k)));
            }
        }
    }
}
