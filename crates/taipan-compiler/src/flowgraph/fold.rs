//! Evaluating operators on constants for constant folding, with CPython's guards against
//! building huge values (`const_folding_safe_*` in `Python/flowgraph.c`): ints of at most 128
//! bits from `*`, `**`, `<<`; sequences of at most 256 items and strings of at most 4096
//! characters from `*`. `None` means "do not fold" (the operation would raise, or is not
//! worth folding, or is one this implementation does not evaluate).

use dashu_int::IBig;
use taipan_bytecode::Const;
use taipan_common::PyStr;

const MAX_INT_SIZE: usize = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

fn as_int(c: &Const) -> Option<IBig> {
    match c {
        Const::Int(i) => Some(i.clone()),
        Const::Bool(b) => Some(IBig::from(*b as i64)),
        _ => None,
    }
}

fn as_float(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        Const::Int(_) | Const::Bool(_) => {
            let f = as_int(c)?.to_f64().value();
            if f.is_infinite() { None } else { Some(f) }
        }
        _ => None,
    }
}

fn bits(i: &IBig) -> usize {
    use dashu_int::ops::BitTest;
    use dashu_int::ops::UnsignedAbs;
    i.clone().unsigned_abs().bit_len()
}

fn to_i64(i: &IBig) -> Option<i64> {
    i64::try_from(i).ok()
}

fn is_numeric(c: &Const) -> bool {
    matches!(c, Const::Int(_) | Const::Bool(_) | Const::Float(_) | Const::Complex { .. })
}

fn complexity(c: &Const, mut limit: i64) -> i64 {
    if let Const::Tuple(items) = c {
        limit -= items.len() as i64;
        for it in items {
            if limit < 0 {
                break;
            }
            limit = complexity(it, limit);
            if limit < 0 {
                return limit;
            }
        }
    }
    limit
}

fn floor_divmod(a: &IBig, b: &IBig) -> Option<(IBig, IBig)> {
    if *b == IBig::ZERO {
        return None;
    }
    let mut q = a / b;
    let mut r = a - &q * b;
    if r != IBig::ZERO && ((r < IBig::ZERO) != (*b < IBig::ZERO)) {
        q -= IBig::ONE;
        r += b;
    }
    Some((q, r))
}

fn int_binop(op: i32, a: &IBig, b: &IBig, both_bool: Option<(bool, bool)>) -> Option<Const> {
    let int = |i: IBig| Some(Const::Int(i));
    match op {
        0 => int(a + b),
        10 => int(a - b),
        5 => {
            if *a != IBig::ZERO && *b != IBig::ZERO && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            int(a * b)
        }
        11 => int_true_divide(a, b).map(Const::Float),
        2 => floor_divmod(a, b).map(|(q, _)| Const::Int(q)),
        6 => floor_divmod(a, b).map(|(_, r)| Const::Int(r)),
        8 => {
            if *b < IBig::ZERO {
                if *a == IBig::ZERO {
                    return None;
                }
                let (x, y) = (as_float(&Const::Int(a.clone()))?, as_float(&Const::Int(b.clone()))?);
                let r = x.powf(y);
                return if r.is_finite() { Some(Const::Float(r)) } else { None };
            }
            let e = usize::try_from(b).ok()?;
            if *a != IBig::ZERO && e > 0 && bits(a) > MAX_INT_SIZE / e {
                return None;
            }
            if e > MAX_INT_SIZE && bits(a) > 1 {
                return None;
            }
            int(a.pow(e))
        }
        3 => {
            if *b < IBig::ZERO {
                return None;
            }
            if *a != IBig::ZERO && *b != IBig::ZERO {
                let w = usize::try_from(b).ok()?;
                if w > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - w {
                    return None;
                }
                return int(a << w);
            }
            int(a.clone())
        }
        9 => {
            if *b < IBig::ZERO {
                return None;
            }
            let w = usize::try_from(b).unwrap_or(usize::MAX);
            if w > bits(a) {
                return int(if *a < IBig::ZERO { IBig::NEG_ONE } else { IBig::ZERO });
            }
            int(a >> w)
        }
        7 | 12 | 1 => {
            let r = match op {
                7 => a | b,
                12 => a ^ b,
                _ => a & b,
            };
            if let Some((x, y)) = both_bool {
                let v = match op {
                    7 => x | y,
                    12 => x ^ y,
                    _ => x & y,
                };
                return Some(Const::Bool(v));
            }
            int(r)
        }
        _ => None,
    }
}

/// `int / int`, correctly rounded as CPython's `long_true_divide` (`None`: zero division or
/// overflow).
fn int_true_divide(a: &IBig, b: &IBig) -> Option<f64> {
    use dashu_int::UBig;
    use dashu_int::ops::{BitTest, UnsignedAbs};
    if *b == IBig::ZERO {
        return None;
    }
    let negative = (*a < IBig::ZERO) != (*b < IBig::ZERO);
    let (ua, ub): (UBig, UBig) = (a.clone().unsigned_abs(), b.clone().unsigned_abs());
    let sign = |v: f64| if negative { -v } else { v };
    if ua == UBig::ZERO {
        return Some(sign(0.0));
    }
    let (la, lb) = (ua.bit_len() as i64, ub.bit_len() as i64);
    if la <= 53 && lb <= 53 {
        let (x, y) = (ua.to_f64().value(), ub.to_f64().value());
        return Some(sign(x / y));
    }
    // q = floor(a * 2^k / b) with at least 55 significant bits, plus a sticky bit.
    let k = (55 + lb - la).max(0) as usize;
    let num = &ua << k;
    let q = &num / &ub;
    let sticky = &q * &ub != num;
    let n = q.bit_len();
    let extra = n.saturating_sub(53);
    let mut mant = &q >> extra;
    if extra > 0 {
        let rem = &q - (&mant << extra);
        let half = UBig::ONE << (extra - 1);
        let odd = (&mant & UBig::ONE) == UBig::ONE;
        if rem > half || (rem == half && (sticky || odd)) {
            mant += UBig::ONE;
        }
    }
    let m = mant.to_f64().value();
    let exp = extra as i64 - k as i64;
    if !(-1100..=1100).contains(&exp) {
        return None;
    }
    let v = m * 2f64.powi(exp as i32);
    if v.is_infinite() || (v == 0.0 && m != 0.0) {
        return None;
    }
    Some(sign(v))
}

type Complex = (f64, f64);

fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot` (Smith's algorithm); `None` for division by zero.
fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        None
    }
}

fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `complex ** complex` as CPython computes it (`None` where it raises).
fn c_pow(a: Complex, b: Complex) -> Option<Complex> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 { c_powu(a, n) } else { c_quot((1.0, 0.0), c_powu(a, -n))? }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if !(r.0.is_finite() && r.1.is_finite()) {
        return None;
    }
    Some(r)
}

fn float_binop(op: i32, x: f64, y: f64) -> Option<Const> {
    let r = match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        2 => taipan_common::float_ops::divmod(x, y)?.0,
        6 => taipan_common::float_ops::divmod(x, y)?.1,
        8 => {
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x < 0.0 && y.fract() != 0.0 {
                let (re, im) = c_pow((x, 0.0), (y, 0.0))?;
                return Some(Const::Complex { re, im });
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(Const::Float(r))
}

fn repeat_count(n: &Const, size: usize, limit: i64) -> Option<i64> {
    let n = to_i64(&as_int(n)?)?;
    if size > 0 && (n < 0 || n > limit / size as i64) {
        return None;
    }
    Some(n.max(0))
}

fn index(len: usize, i: &IBig) -> Option<usize> {
    let i = to_i64(i)?;
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len { None } else { Some(j as usize) }
}

fn slice_indices(len: usize, parts: &[Const; 3]) -> Option<Vec<usize>> {
    let get = |c: &Const| -> Option<Option<i64>> {
        match c {
            Const::None => Some(None),
            other => Some(Some(to_i64(&as_int(other)?)?)),
        }
    };
    let (start, stop, step) = (get(&parts[0])?, get(&parts[1])?, get(&parts[2])?);
    let step = step.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v + len;
                if v < 0 { if step < 0 { -1 } else { 0 } } else { v }
            }
            Some(v) if v >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0), adjust(stop, len))
    } else {
        (adjust(start, len - 1), adjust(stop, -1))
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Some(out)
}

fn subscript(container: &Const, key: &Const) -> Option<Const> {
    match (container, key) {
        (Const::Str(s), Const::Slice(parts)) => {
            let cps: Vec<u32> = s.code_points().collect();
            let idx = slice_indices(cps.len(), parts)?;
            Some(Const::Str(PyStr::from_code_points(idx.into_iter().map(|i| cps[i]))))
        }
        (Const::Str(s), k) => {
            let cps: Vec<u32> = s.code_points().collect();
            let i = index(cps.len(), &as_int(k)?)?;
            Some(Const::Str(PyStr::from_code_points([cps[i]])))
        }
        (Const::Bytes(b), Const::Slice(parts)) => {
            let idx = slice_indices(b.len(), parts)?;
            Some(Const::Bytes(idx.into_iter().map(|i| b[i]).collect()))
        }
        (Const::Bytes(b), k) => {
            let i = index(b.len(), &as_int(k)?)?;
            Some(Const::int(b[i] as i64))
        }
        (Const::Tuple(t), Const::Slice(parts)) => {
            let idx = slice_indices(t.len(), parts)?;
            Some(Const::Tuple(idx.into_iter().map(|i| t[i].clone()).collect()))
        }
        (Const::Tuple(t), k) => {
            let i = index(t.len(), &as_int(k)?)?;
            Some(t[i].clone())
        }
        _ => None,
    }
}

/// `eval_const_binop` for `BINARY_OP`'s non-in-place operators (oparg `NB_*`) and `NB_SUBSCR`.
pub fn binop(left: &Const, op: i32, right: &Const) -> Option<Const> {
    if op == 26 {
        return subscript(left, right);
    }
    // Sequences.
    match (left, right, op) {
        (Const::Str(a), Const::Str(b), 0) => {
            let mut s = a.as_wtf8().to_vec();
            s.extend_from_slice(b.as_wtf8());
            return Some(Const::Str(PyStr::from_code_points(
                a.code_points().chain(b.code_points()).collect::<Vec<_>>(),
            )));
        }
        (Const::Bytes(a), Const::Bytes(b), 0) => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            return Some(Const::Bytes(v));
        }
        (Const::Tuple(a), Const::Tuple(b), 0) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            return Some(Const::Tuple(v));
        }
        (Const::Str(_) | Const::Bytes(_), _, 6) => return None,
        (Const::Str(s), n, 5) | (n, Const::Str(s), 5) if as_int(n).is_some() => {
            let cps: Vec<u32> = s.code_points().collect();
            let k = repeat_count(n, cps.len(), MAX_STR_SIZE)?;
            let mut out = Vec::new();
            for _ in 0..k {
                out.extend_from_slice(&cps);
            }
            return Some(Const::Str(PyStr::from_code_points(out)));
        }
        (Const::Bytes(b), n, 5) | (n, Const::Bytes(b), 5) if as_int(n).is_some() => {
            let k = repeat_count(n, b.len(), MAX_STR_SIZE)?;
            return Some(Const::Bytes(b.repeat(k as usize)));
        }
        (Const::Tuple(t), n, 5) | (n, Const::Tuple(t), 5) if as_int(n).is_some() => {
            let k = repeat_count(n, t.len(), MAX_COLLECTION_SIZE)?;
            if k > 0 && complexity(&Const::Tuple(t.clone()), MAX_TOTAL_ITEMS / k) < 0 {
                return None;
            }
            let mut out = Vec::new();
            for _ in 0..k {
                out.extend(t.iter().cloned());
            }
            return Some(Const::Tuple(out));
        }
        _ => {}
    }
    if !is_numeric(left) || !is_numeric(right) {
        return None;
    }
    if let (Some(a), Some(b)) = (as_int(left), as_int(right)) {
        let both_bool = match (left, right) {
            (Const::Bool(x), Const::Bool(y)) => Some((*x, *y)),
            _ => None,
        };
        return int_binop(op, &a, &b, both_bool);
    }
    match (left, right) {
        (Const::Complex { re: a, im: b }, Const::Complex { re: c, im: d }) => {
            let (re, im) = match op {
                0 => (a + c, b + d),
                10 => (a - c, b - d),
                5 => c_prod((*a, *b), (*c, *d)),
                11 => c_quot((*a, *b), (*c, *d))?,
                8 => c_pow((*a, *b), (*c, *d))?,
                _ => return None,
            };
            return Some(Const::Complex { re, im });
        }
        // 3.14's mixed real/complex arithmetic leaves the other part alone (so signed zeros
        // survive): `0.0 - 0j` is `-0j`.
        (Const::Complex { re: a, im: b }, real) => {
            let r = as_float(real)?;
            let (re, im) = match op {
                0 => (a + r, *b),
                10 => (a - r, *b),
                5 => (a * r, b * r),
                11 => {
                    if r == 0.0 {
                        return None;
                    }
                    (a / r, b / r)
                }
                8 => c_pow((*a, *b), (r, 0.0))?,
                _ => return None,
            };
            return Some(Const::Complex { re, im });
        }
        (real, Const::Complex { re: c, im: d }) => {
            let r = as_float(real)?;
            let (re, im) = match op {
                0 => (r + c, *d),
                10 => (r - c, -d),
                5 => (r * c, r * d),
                11 => c_quot((r, 0.0), (*c, *d))?,
                8 => c_pow((r, 0.0), (*c, *d))?,
                _ => return None,
            };
            return Some(Const::Complex { re, im });
        }
        _ => {}
    }
    let (x, y) = (as_float(left)?, as_float(right)?);
    float_binop(op, x, y)
}

/// `eval_const_unaryop`: `UNARY_NEGATIVE`, `UNARY_INVERT`, `UNARY_NOT`, and unary `+`
/// (`CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE`, given as `op == 0`).
pub fn unaryop(operand: &Const, op: u8) -> Option<Const> {
    use taipan_bytecode::opcodes::{UNARY_INVERT, UNARY_NEGATIVE, UNARY_NOT};
    match op {
        UNARY_NOT => Some(Const::Bool(!truthy(operand)?)),
        UNARY_NEGATIVE => match operand {
            Const::Int(_) | Const::Bool(_) => Some(Const::Int(-as_int(operand)?)),
            Const::Float(f) => Some(Const::Float(-f)),
            Const::Complex { re, im } => Some(Const::Complex { re: -re, im: -im }),
            _ => None,
        },
        // `~True` warns (DeprecationWarning), which stops CPython's folding.
        UNARY_INVERT => match operand {
            Const::Int(i) => Some(Const::Int(-i - IBig::ONE)),
            _ => None,
        },
        0 => match operand {
            Const::Bool(b) => Some(Const::int(*b as i64)),
            Const::Int(_) | Const::Float(_) | Const::Complex { .. } => Some(operand.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `PyObject_IsTrue` of a constant.
pub fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Ellipsis => true,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != IBig::ZERO,
        Const::Float(f) => *f != 0.0,
        Const::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Code(_) | Const::Slice(_) => true,
        _ => return None,
    })
}
