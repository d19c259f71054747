//! The native `math` module: the common functions with CPython 3.14's messages, and the rest
//! (hyperbolic, special functions, `fmod`/`remainder`/`modf`/`frexp`/`ldexp`/`fma`/`nextafter`/
//! `ulp`, ...) on the exact cores of `taipan_stdlib::math`.

use dashu_int::IBig;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::float::{float_value, new_float};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_to_f64, int_value, new_int};
use crate::types::module::{module_dict, new_module};

pub(crate) fn make_math() -> Object {
    let m = new_module("math");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let _ = d.set_str(n, new_float(v));
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fabs", fabs),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("hypot", hypot),
        ("dist", dist),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("copysign", copysign),
        ("fsum", fsum),
        ("prod", prod),
        ("sumprod", sumprod),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("acosh", acosh),
        ("asinh", asinh),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("cosh", cosh),
        ("sinh", sinh),
        ("tanh", tanh),
        ("exp2", exp2),
        ("expm1", expm1),
        ("log1p", log1p),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("fmod", fmod),
        ("remainder", remainder),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("fma", fma),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    for (n, f) in fns {
        let _ = d.set_str(n, new_builtin_function(n, *f));
    }
    m
}

fn real(o: &Object) -> PyResult<f64> {
    if let Some(f) = float_value(o.as_ref()) {
        return Ok(f);
    }
    if let Some(i) = int_value(o.as_ref()) {
        return int_to_f64(i);
    }
    if let Some(f) = o.type_().slots.nb_float.get() {
        return real(&f(o.as_ref())?);
    }
    if let Some(f) = o.type_().slots.nb_index.get() {
        return real(&f(o.as_ref())?);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", o.type_().name())))
}

fn integer(o: &Object) -> PyResult<IBig> {
    if let Some(i) = int_value(o.as_ref()) {
        return Ok(i.to_ibig().into_owned());
    }
    if let Some(f) = o.type_().slots.nb_index.get() {
        return integer(&f(o.as_ref())?);
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        o.type_().name()
    )))
}

fn one_real<'a>(name: &str, args: &'a [Object], kw: Option<ObjectRef<'a>>) -> PyResult<f64> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 1)?;
    real(&args[0])
}

fn two_real(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<(f64, f64)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 2, 2)?;
    Ok((real(&args[0])?, real(&args[1])?))
}

fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

fn checked(v: f64, x: f64) -> PyResult<Object> {
    if v.is_infinite() && x.is_finite() {
        return Err(range_error());
    }
    Ok(new_float(v))
}

fn float_to_int_obj(v: f64) -> PyResult<Object> {
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow_error("cannot convert float infinity to integer"));
    }
    Ok(new_int(crate::types::float::f64_trunc_to_ibig(v)))
}

fn sqrt(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let x = one_real("sqrt", args, kw)?;
    if x < 0.0 {
        return Err(PyErr::value_error(format!(
            "expected a nonnegative input, got {}",
            taipan_common::repr::repr_float(x)
        )));
    }
    Ok(new_float(x.sqrt()))
}

fn rounding(
    name: &str,
    dunder: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    f: fn(f64) -> f64,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count(name, 1, 1)?;
    let o = &args[0];
    if int_value(o.as_ref()).is_some() {
        return Ok(new_int(integer(o)?));
    }
    if float_value(o.as_ref()).is_none()
        && let Some(r) = crate::types::instance::call_dunder(o.as_ref(), dunder, &[])?
    {
        return Ok(r);
    }
    float_to_int_obj(f(real(o)?))
}

fn floor(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    rounding("floor", "__floor__", args, kw, f64::floor)
}

fn ceil(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    rounding("ceil", "__ceil__", args, kw, f64::ceil)
}

fn trunc(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    rounding("trunc", "__trunc__", args, kw, f64::trunc)
}

fn fabs(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_float(one_real("fabs", args, kw)?.abs()))
}

fn exp(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let x = one_real("exp", args, kw)?;
    checked(x.exp(), x)
}

fn positive(x: f64) -> PyResult<f64> {
    if x > 0.0 || x.is_nan() { Ok(x) } else { Err(PyErr::value_error("expected a positive input")) }
}

/// Natural log of an int of any size, as CPython does for big ints (via its float approximation
/// and binary exponent).
fn ln_of(o: &Object) -> PyResult<f64> {
    if let Some(i) = int_value(o.as_ref()) {
        let v = i.to_ibig().into_owned();
        if v <= IBig::ZERO {
            return Err(PyErr::value_error("expected a positive input"));
        }
        match int_to_f64(i) {
            Ok(f) if f.is_finite() => return Ok(f.ln()),
            _ => {
                let bits = crate::builtins::nummethods::bit_length(&v);
                let shift = bits.saturating_sub(60);
                let top: IBig = &v >> shift;
                let f = int_to_f64(crate::types::int::IntVal::Big(&top)).unwrap_or(f64::MAX);
                return Ok(f.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
    }
    Ok(positive(real(o)?)?.ln())
}

fn log(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("log", 1, 2)?;
    let num = ln_of(&args[0])?;
    match args.get(1) {
        None => Ok(new_float(num)),
        Some(b) => {
            let den = ln_of(b)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("division by zero"));
            }
            Ok(new_float(num / den))
        }
    }
}

fn log2(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("log2", 1, 1)?;
    if let Some(f) = float_value(args[0].as_ref()) {
        return Ok(new_float(positive(f)?.log2()));
    }
    Ok(new_float(ln_of(&args[0])? / std::f64::consts::LN_2))
}

fn log10(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("log10", 1, 1)?;
    if let Some(f) = float_value(args[0].as_ref()) {
        return Ok(new_float(positive(f)?.log10()));
    }
    if let Some(i) = int_value(args[0].as_ref())
        && let Ok(f) = int_to_f64(i)
        && f.is_finite()
    {
        return Ok(new_float(positive(f)?.log10()));
    }
    Ok(new_float(ln_of(&args[0])? / std::f64::consts::LN_10))
}

fn pow(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (x, y) = two_real("pow", args, kw)?;
    crate::types::float::float_pow_values(x, y).map(new_float)
}

macro_rules! unary_math {
    ($($name:ident => $f:expr,)*) => {
        $(fn $name(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
            let x = one_real(stringify!($name), args, kw)?;
            let f: fn(f64) -> f64 = $f;
            Ok(new_float(f(x)))
        })*
    };
}

unary_math! {
    sin => f64::sin,
    cos => f64::cos,
    tan => f64::tan,
    atan => f64::atan,
    degrees => f64::to_degrees,
    radians => f64::to_radians,
}

fn unit_range(x: f64) -> PyResult<f64> {
    if (-1.0..=1.0).contains(&x) || x.is_nan() {
        Ok(x)
    } else {
        Err(PyErr::value_error(format!(
            "expected a number in range from -1 up to 1, got {}",
            taipan_common::repr::repr_float(x)
        )))
    }
}

fn asin(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_float(unit_range(one_real("asin", args, kw)?)?.asin()))
}

fn acos(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_float(unit_range(one_real("acos", args, kw)?)?.acos()))
}

fn atan2(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (y, x) = two_real("atan2", args, kw)?;
    Ok(new_float(y.atan2(x)))
}

fn hypot(_: Option<ObjectRef<'_>>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut acc = 0.0f64;
    for a in args {
        acc = acc.hypot(real(a)?);
    }
    Ok(new_float(acc))
}

fn dist(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("dist", 2, 2)?;
    let p = iterate(args[0].as_ref())?;
    let q = iterate(args[1].as_ref())?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(&q) {
        acc = acc.hypot(real(a)? - real(b)?);
    }
    Ok(new_float(acc))
}

fn isfinite(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(py_bool(one_real("isfinite", args, kw)?.is_finite()))
}

fn isinf(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(one_real("isinf", args, kw)?.is_infinite()))
}

fn isnan(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(one_real("isnan", args, kw)?.is_nan()))
}

fn isclose(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let rel = a.take_kw("rel_tol").map(real).transpose()?.unwrap_or(1e-9);
    let abs = a.take_kw("abs_tol").map(real).transpose()?.unwrap_or(0.0);
    a.no_kw("isclose")?;
    a.count("isclose", 2, 2)?;
    let (x, y) = (real(&a.pos[0])?, real(&a.pos[1])?);
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(py_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = (y - x).abs();
    Ok(py_bool(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
}

fn copysign(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (x, y) = two_real("copysign", args, kw)?;
    Ok(new_float(x.copysign(y)))
}

/// `math.fsum`: Shewchuk's exactly rounded sum, with CPython's final rounding correction.
fn fsum(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("fsum", 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for item in iterate(args[0].as_ref())? {
        let mut x = real(&item)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return Ok(new_float(special));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

fn prod(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let start = a.take_kw("start").cloned();
    a.no_kw("prod")?;
    a.count("prod", 1, 1)?;
    let mut acc = start.unwrap_or_else(|| crate::types::int::new_int_i64(1));
    for v in iterate(a.pos[0].as_ref())? {
        acc = ops::binary_op(acc.as_ref(), v.as_ref(), ops::BinOp::Mul)?;
    }
    Ok(acc)
}

/// The running float sum of `sumprod`'s float path: the exact products, each split into two
/// floats with a fused multiply-add, kept as non-overlapping partials (as `fsum` keeps them),
/// so the final rounding happens once.
#[derive(Default)]
struct ExactFloatSum {
    partials: Vec<f64>,
}

impl ExactFloatSum {
    fn add(&mut self, mut x: f64) {
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        self.partials.push(x);
    }

    /// Adds `p * q` exactly; false (and no change) when a value would not be finite.
    fn add_product(&mut self, p: f64, q: f64) -> bool {
        let hi = p * q;
        if !hi.is_finite() {
            return false;
        }
        let lo = p.mul_add(q, -hi);
        let saved = self.partials.clone();
        self.add(hi);
        self.add(lo);
        if self.partials.iter().all(|v| v.is_finite()) {
            true
        } else {
            self.partials = saved;
            false
        }
    }

    /// The correctly rounded sum (the tail of `fsum`).
    fn value(&self) -> f64 {
        let p = &self.partials;
        let Some(mut n) = p.len().checked_sub(1) else {
            return 0.0;
        };
        let mut hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            n -= 1;
            let x = hi;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        hi
    }
}

/// `math.sumprod(p, q)`: exact ints are summed exactly and floats (with ints alongside them)
/// with one final rounding while the inputs allow; any other pair, an int too large for a
/// float or a non-finite value ends those paths for good, and the rest is `total + p * q`.
fn sumprod(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("sumprod")?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("sumprod expected 2 arguments, got {}", args.len())));
    }
    let exact_int = |o: &Object| std::ptr::eq(o.type_(), &crate::types::int::INT_TYPE.0);
    let exact_float = |o: &Object| std::ptr::eq(o.type_(), &crate::types::float::FLOAT_TYPE.0);
    let int_like =
        |o: &Object| exact_int(o) || std::ptr::eq(o.type_(), &crate::types::bool::BOOL_TYPE.0);
    let p_it = ops::iter(args[0].as_ref())?;
    let q_it = ops::iter(args[1].as_ref())?;
    let mut total = crate::types::int::new_int_i64(0);
    let (mut int_on, mut int_used, mut int_total) = (true, false, IBig::ZERO);
    let (mut flt_on, mut flt_used, mut flt_total) = (true, false, ExactFloatSum::default());
    loop {
        let p = ops::next(p_it.as_ref())?;
        let q = ops::next(q_it.as_ref())?;
        if p.is_some() != q.is_some() {
            return Err(PyErr::value_error("Inputs are not the same length"));
        }
        let pair = p.zip(q);
        if int_on {
            if let Some((p, q)) = &pair
                && exact_int(p)
                && exact_int(q)
            {
                let (x, y) = (integer(p)?, integer(q)?);
                int_total += x * y;
                int_used = true;
                continue;
            }
            int_on = false;
            if int_used {
                let t = new_int(std::mem::replace(&mut int_total, IBig::ZERO));
                total = ops::binary_op(total.as_ref(), t.as_ref(), ops::BinOp::Add)?;
                int_used = false;
            }
        }
        if flt_on {
            if let Some((p, q)) = &pair {
                let pf = exact_float(p);
                let qf = exact_float(q);
                let vals = if pf && qf {
                    Some((real(p)?, real(q)?))
                } else if pf && int_like(q) {
                    int_to_f64(int_value(q.as_ref()).expect("int"))
                        .ok()
                        .map(|y| (real(p).unwrap_or(0.0), y))
                } else if qf && int_like(p) {
                    int_to_f64(int_value(p.as_ref()).expect("int"))
                        .ok()
                        .map(|x| (x, real(q).unwrap_or(0.0)))
                } else {
                    None
                };
                if let Some((x, y)) = vals
                    && flt_total.add_product(x, y)
                {
                    flt_used = true;
                    continue;
                }
            }
            flt_on = false;
            if flt_used {
                let t = new_float(flt_total.value());
                total = ops::binary_op(total.as_ref(), t.as_ref(), ops::BinOp::Add)?;
                flt_used = false;
            }
        }
        let Some((p, q)) = pair else {
            return Ok(total);
        };
        let term = ops::binary_op(p.as_ref(), q.as_ref(), ops::BinOp::Mul)?;
        total = ops::binary_op(total.as_ref(), term.as_ref(), ops::BinOp::Add)?;
    }
}

fn gcd_of(mut a: IBig, mut b: IBig) -> IBig {
    if a < IBig::ZERO {
        a = -a;
    }
    if b < IBig::ZERO {
        b = -b;
    }
    while b != IBig::ZERO {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn gcd(_: Option<ObjectRef<'_>>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut acc = IBig::ZERO;
    for a in args {
        acc = gcd_of(acc, integer(a)?);
    }
    Ok(new_int(acc))
}

fn lcm(_: Option<ObjectRef<'_>>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut acc = IBig::ONE;
    for a in args {
        let v = integer(a)?;
        if v == IBig::ZERO {
            return Ok(new_int(IBig::ZERO));
        }
        let g = gcd_of(acc.clone(), v.clone());
        acc = (&acc / &g) * v;
        if acc < IBig::ZERO {
            acc = -acc;
        }
    }
    Ok(new_int(acc))
}

fn factorial(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("factorial", 1, 1)?;
    let n = integer(&args[0])?;
    if n < IBig::ZERO {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let n = i64::try_from(&n).map_err(|_| {
        PyErr::overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = IBig::ONE;
    for i in 2..=n {
        acc *= IBig::from(i);
    }
    Ok(new_int(acc))
}

fn isqrt(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("isqrt", 1, 1)?;
    let n = integer(&args[0])?;
    if n < IBig::ZERO {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    if n == IBig::ZERO {
        return Ok(new_int(n));
    }
    // Newton's method from an upper bound.
    let bits = crate::builtins::nummethods::bit_length(&n);
    let mut x: IBig = IBig::ONE << bits.div_ceil(2);
    loop {
        let y: IBig = (&x + &n / &x) >> 1;
        if y >= x {
            return Ok(new_int(x));
        }
        x = y;
    }
}

fn comb_perm(
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    name: &str,
    comb: bool,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count(name, if comb { 2 } else { 1 }, 2)?;
    let n = integer(&args[0])?;
    let k = match args.get(1) {
        Some(k) if !crate::types::singletons::is_none(k.as_ref()) => integer(k)?,
        _ => n.clone(),
    };
    if n < IBig::ZERO {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k < IBig::ZERO {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new_int(IBig::ZERO));
    }
    let k = i64::try_from(&k).map_err(|_| PyErr::overflow_error("k is too large"))?;
    let k = if comb { k.min(i64::try_from(&(&n - IBig::from(k))).unwrap_or(k)) } else { k };
    let mut acc = IBig::ONE;
    for i in 0..k {
        acc *= &n - IBig::from(i);
        if comb {
            acc /= IBig::from(i + 1);
        }
    }
    Ok(new_int(acc))
}

fn comb(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    comb_perm(args, kw, "comb", true)
}

fn perm(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    comb_perm(args, kw, "perm", false)
}

// ---- functions on the cores of `taipan_stdlib::math` ----------------------------------------------

fn math_error(e: taipan_stdlib::math::MathError) -> PyErr {
    use taipan_stdlib::math::MathErrorKind;
    match e.kind {
        MathErrorKind::ValueError => PyErr::value_error(e.message),
        MathErrorKind::OverflowError => PyErr::overflow_error(e.message),
        MathErrorKind::ZeroDivisionError => PyErr::zero_division(e.message),
    }
}

macro_rules! core_unary {
    ($fname:ident, $name:literal, $core:path) => {
        fn $fname(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let x = one_real($name, args, kw)?;
            $core(x).map(new_float).map_err(math_error)
        }
    };
}

core_unary!(acosh, "acosh", taipan_stdlib::math::acosh);
core_unary!(asinh, "asinh", taipan_stdlib::math::asinh);
core_unary!(atanh, "atanh", taipan_stdlib::math::atanh);
core_unary!(cbrt, "cbrt", taipan_stdlib::math::float_funcs::cbrt);
core_unary!(cosh, "cosh", taipan_stdlib::math::cosh);
core_unary!(sinh, "sinh", taipan_stdlib::math::sinh);
core_unary!(tanh, "tanh", taipan_stdlib::math::tanh);
core_unary!(exp2, "exp2", taipan_stdlib::math::exp2);
core_unary!(expm1, "expm1", taipan_stdlib::math::expm1);
core_unary!(log1p, "log1p", taipan_stdlib::math::log1p);
core_unary!(erf, "erf", taipan_stdlib::math::erf);
core_unary!(erfc, "erfc", taipan_stdlib::math::erfc);
core_unary!(gamma, "gamma", taipan_stdlib::math::gamma);
core_unary!(lgamma, "lgamma", taipan_stdlib::math::lgamma);

fn fmod(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (x, y) = two_real("fmod", args, kw)?;
    taipan_stdlib::math::fmod(x, y).map(new_float).map_err(math_error)
}

fn remainder(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (x, y) = two_real("remainder", args, kw)?;
    taipan_stdlib::math::remainder(x, y).map(new_float).map_err(math_error)
}

fn modf(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let x = one_real("modf", args, kw)?;
    let (f, i) = taipan_stdlib::math::modf(x);
    Ok(crate::types::tuple::new_tuple(vec![new_float(f), new_float(i)]))
}

fn frexp(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let x = one_real("frexp", args, kw)?;
    let (m, e) = taipan_stdlib::math::frexp(x);
    Ok(crate::types::tuple::new_tuple(vec![
        new_float(m),
        crate::types::int::new_int_i64(i64::from(e)),
    ]))
}

fn int_arg(o: &Object) -> PyResult<IBig> {
    if let Some(i) = int_value(o.as_ref()) {
        return Ok(i.to_ibig().into_owned());
    }
    match ops::index_value(o.as_ref()) {
        Ok(Some(v)) => Ok(IBig::from(v)),
        _ => Err(PyErr::type_error("Expected an int as second argument to ldexp.")),
    }
}

fn ldexp(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("ldexp")?;
    a.count("ldexp", 2, 2)?;
    let x = real(&args[0])?;
    if float_value(args[1].as_ref()).is_some() {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    }
    let i = int_arg(&args[1])?;
    taipan_stdlib::math::ldexp(x, &i).map(new_float).map_err(math_error)
}

fn fma(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("fma")?;
    a.count("fma", 3, 3)?;
    let (x, y, z) = (real(&args[0])?, real(&args[1])?, real(&args[2])?);
    taipan_stdlib::math::fma(x, y, z).map(new_float).map_err(math_error)
}

fn nextafter(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let steps = a.take_kw("steps").cloned();
    a.no_kw("nextafter")?;
    if a.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "nextafter expected 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let (x, y) = (real(&a.pos[0])?, real(&a.pos[1])?);
    let steps = match steps {
        Some(s) if !crate::types::singletons::is_none(s.as_ref()) => Some(int_arg(&s)?),
        _ => None,
    };
    taipan_stdlib::math::nextafter(x, y, steps.as_ref()).map(new_float).map_err(math_error)
}

fn ulp(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let x = one_real("ulp", args, kw)?;
    Ok(new_float(taipan_stdlib::math::ulp(x)))
}
