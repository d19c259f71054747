//! Replays the `math` vectors CPython 3.14 wrote (`scripts/gen_math_vectors.py` →
//! `tests/data/math_*.txt`) against `taipan_stdlib::math`: floats compared bit for bit (any NaN
//! matches any NaN), ints exactly, errors by exception name and message.

use dashu_int::IBig;
use taipan_stdlib::math::{self, MathError, Real};

#[derive(Clone, Debug)]
enum V {
    F(f64),
    I(IBig),
    B(bool),
    N,
    L(Vec<V>),
    T(Vec<V>),
}

fn parse_values<'a>(tokens: &mut impl Iterator<Item = &'a str>, close: Option<&str>) -> Vec<V> {
    let mut out = Vec::new();
    while let Some(t) = tokens.next() {
        if Some(t) == close {
            return out;
        }
        out.push(match t {
            "[" => V::L(parse_values(tokens, Some("]"))),
            "(" => V::T(parse_values(tokens, Some(")"))),
            "N" => V::N,
            _ => match t.split_at(2) {
                ("f:", hex) => V::F(f64::from_bits(u64::from_str_radix(hex, 16).unwrap())),
                ("i:", dec) => V::I(dec.parse().unwrap()),
                ("b:", b) => V::B(b == "1"),
                _ => panic!("bad token {t}"),
            },
        });
    }
    out
}

fn f(v: &V) -> f64 {
    match v {
        V::F(x) => *x,
        other => panic!("expected a float, got {other:?}"),
    }
}

fn i(v: &V) -> IBig {
    match v {
        V::I(n) => n.clone(),
        V::B(b) => IBig::from(u8::from(*b)),
        other => panic!("expected an int, got {other:?}"),
    }
}

fn real(v: &V) -> Real {
    match v {
        V::F(x) => Real::Float(*x),
        other => Real::Int(i(other)),
    }
}

fn list(v: &V) -> &[V] {
    match v {
        V::L(items) => items,
        other => panic!("expected a list, got {other:?}"),
    }
}

fn from_real(r: Real) -> V {
    match r {
        Real::Int(n) => V::I(n),
        Real::Float(x) => V::F(x),
    }
}

fn call(name: &str, a: &[V]) -> Result<V, MathError> {
    let fl = |r: Result<f64, MathError>| r.map(V::F);
    Ok(match name {
        "pi" => V::F(math::PI),
        "e" => V::F(math::E),
        "tau" => V::F(math::TAU),
        "inf" => V::F(math::INF),
        "nan" => V::F(math::NAN),
        "acos" => return fl(math::acos(f(&a[0]))),
        "acosh" => return fl(math::acosh(f(&a[0]))),
        "asin" => return fl(math::asin(f(&a[0]))),
        "asinh" => return fl(math::asinh(f(&a[0]))),
        "atan" => return fl(math::atan(f(&a[0]))),
        "atanh" => return fl(math::atanh(f(&a[0]))),
        "cbrt" => return fl(math::cbrt(f(&a[0]))),
        "cos" => return fl(math::cos(f(&a[0]))),
        "cosh" => return fl(math::cosh(f(&a[0]))),
        "erf" => return fl(math::erf(f(&a[0]))),
        "erfc" => return fl(math::erfc(f(&a[0]))),
        "exp" => return fl(math::exp(f(&a[0]))),
        "exp2" => return fl(math::exp2(f(&a[0]))),
        "expm1" => return fl(math::expm1(f(&a[0]))),
        "fabs" => return fl(math::fabs(f(&a[0]))),
        "log1p" => return fl(math::log1p(f(&a[0]))),
        "sin" => return fl(math::sin(f(&a[0]))),
        "sinh" => return fl(math::sinh(f(&a[0]))),
        "sqrt" => return fl(math::sqrt(f(&a[0]))),
        "tan" => return fl(math::tan(f(&a[0]))),
        "tanh" => return fl(math::tanh(f(&a[0]))),
        "gamma" => return fl(math::gamma(f(&a[0]))),
        "lgamma" => return fl(math::lgamma(f(&a[0]))),
        "degrees" => V::F(math::degrees(f(&a[0]))),
        "radians" => V::F(math::radians(f(&a[0]))),
        "ulp" => V::F(math::ulp(f(&a[0]))),
        "isfinite" => V::B(math::isfinite(f(&a[0]))),
        "isinf" => V::B(math::isinf(f(&a[0]))),
        "isnan" => V::B(math::isnan(f(&a[0]))),
        "frexp" => {
            let (m, e) = math::frexp(f(&a[0]));
            V::T(vec![V::F(m), V::I(IBig::from(e))])
        }
        "modf" => {
            let (fr, int) = math::modf(f(&a[0]));
            V::T(vec![V::F(fr), V::F(int)])
        }
        "floor" => V::I(math::floor(f(&a[0]))?),
        "ceil" => V::I(math::ceil(f(&a[0]))?),
        "trunc" => V::I(math::trunc(f(&a[0]))?),
        "log" => {
            let base = a.get(1).map(real);
            V::F(math::log(&real(&a[0]), base.as_ref())?)
        }
        "log2" => V::F(math::log2(&real(&a[0]))?),
        "log10" => V::F(math::log10(&real(&a[0]))?),
        "atan2" => return fl(math::atan2(f(&a[0]), f(&a[1]))),
        "copysign" => return fl(math::copysign(f(&a[0]), f(&a[1]))),
        "fmod" => return fl(math::fmod(f(&a[0]), f(&a[1]))),
        "remainder" => return fl(math::remainder(f(&a[0]), f(&a[1]))),
        "pow" => return fl(math::pow(f(&a[0]), f(&a[1]))),
        "hypot" if a.len() == 2 && matches!(a[0], V::F(_)) => {
            V::F(math::hypot(&[f(&a[0]), f(&a[1])]))
        }
        "hypot" => V::F(math::hypot(&list(&a[0]).iter().map(f).collect::<Vec<_>>())),
        "nextafter" => {
            let steps = match a.get(2) {
                None | Some(V::N) => None,
                Some(v) => Some(i(v)),
            };
            V::F(math::nextafter(f(&a[0]), f(&a[1]), steps.as_ref())?)
        }
        "isclose" => V::B(math::isclose(f(&a[0]), f(&a[1]), f(&a[3]), f(&a[2]))?),
        "ldexp" => V::F(math::ldexp(f(&a[0]), &i(&a[1]))?),
        "fma" => V::F(math::fma(f(&a[0]), f(&a[1]), f(&a[2]))?),
        "factorial" => V::I(math::factorial(&i(&a[0]))?),
        "isqrt" => V::I(math::isqrt(&i(&a[0]))?),
        "comb" => V::I(math::comb(&i(&a[0]), &i(&a[1]))?),
        "perm" => {
            let k = match &a[1] {
                V::N => None,
                v => Some(i(v)),
            };
            V::I(math::perm(&i(&a[0]), k.as_ref())?)
        }
        "gcd" => V::I(math::gcd(&list(&a[0]).iter().map(i).collect::<Vec<_>>())),
        "lcm" => V::I(math::lcm(&list(&a[0]).iter().map(i).collect::<Vec<_>>())),
        "fsum" => V::F(math::fsum(&list(&a[0]).iter().map(f).collect::<Vec<_>>())?),
        "dist" => {
            let p: Vec<f64> = list(&a[0]).iter().map(f).collect();
            let q: Vec<f64> = list(&a[1]).iter().map(f).collect();
            V::F(math::dist(&p, &q)?)
        }
        "sumprod" => {
            let p: Vec<Real> = list(&a[0]).iter().map(real).collect();
            let q: Vec<Real> = list(&a[1]).iter().map(real).collect();
            from_real(math::sumprod(&p, &q)?)
        }
        "prod" => {
            let items: Vec<Real> = list(&a[0]).iter().map(real).collect();
            from_real(math::prod(&items, real(&a[1]))?)
        }
        _ => panic!("unknown function {name}"),
    })
}

fn same(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::F(x), V::F(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (V::I(x), V::I(y)) => x == y,
        (V::B(x), V::B(y)) => x == y,
        (V::N, V::N) => true,
        (V::L(x), V::L(y)) | (V::T(x), V::T(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        _ => false,
    }
}

fn replay(file: &str) {
    let path = if file.starts_with('/') {
        file.to_string()
    } else {
        format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"))
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.is_empty()) {
        count += 1;
        let (lhs, expected) = line.split_once(" => ").unwrap();
        let mut tokens = lhs.split(' ');
        let name = tokens.next().unwrap();
        let args = parse_values(&mut tokens, None);
        let got = call(name, &args);
        let ok = match (expected.strip_prefix('!'), &got) {
            (Some(err), Err(e)) => err == format!("{} {}", e.kind.name(), e.message),
            (None, Ok(v)) => {
                let want = parse_values(&mut expected.split(' '), None);
                same(&want[0], v)
            }
            _ => false,
        };
        if !ok {
            failures.push(format!("{line}\n    got {got:?}"));
        }
    }
    assert!(count > 0);
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(4000).collect();
        panic!(
            "{file}: {} of {count} cases differ:\n{}",
            failures.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn unary() {
    replay("math_unary.txt");
}

#[test]
fn binary() {
    replay("math_binary.txt");
}

#[test]
fn integers() {
    replay("math_int.txt");
}

#[test]
fn sums() {
    replay("math_sums.txt");
}

/// A wider differential run: `MATH_VECTORS=/path/file.txt cargo test -p taipan-stdlib --test
/// math_vectors extra` replays a file written in the same format (say with another `MATH_SEED`).
#[test]
fn extra() {
    if let Ok(path) = std::env::var("MATH_VECTORS") {
        replay(&path);
    }
}

/// The streaming accumulators agree with the slice functions and stop at the first error.
#[test]
fn accumulators() {
    let mut acc = math::Fsum::new();
    for x in [1e-16, 1.0, 1e16] {
        acc.add(x).unwrap();
    }
    assert_eq!(acc.finish().unwrap(), math::fsum(&[1e-16, 1.0, 1e16]).unwrap());
    let mut acc = math::Fsum::new();
    acc.add(1e308).unwrap();
    assert_eq!(acc.add(1e308).unwrap_err().message, "intermediate overflow in fsum");

    let mut sp = math::Sumprod::new();
    sp.push(&Real::Int(IBig::from(2)), &Real::Int(IBig::from(3))).unwrap();
    sp.push(&Real::Float(0.5), &Real::Int(IBig::from(4))).unwrap();
    assert_eq!(sp.finish().unwrap(), Real::Float(8.0));
}
