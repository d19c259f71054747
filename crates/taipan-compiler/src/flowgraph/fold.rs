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

fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
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
        11 => {
            if *b == IBig::ZERO {
                return None;
            }
            let (x, y) = (a.to_f64().value(), b.to_f64().value());
            if bits(a) > 53 || bits(b) > 53 {
                return None;
            }
            Some(Const::Float(x / y))
        }
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
            if w >= bits(a) + 1 {
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
        2 => float_divmod(x, y)?.0,
        6 => float_divmod(x, y)?.1,
        8 => {
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x < 0.0 && y.fract() != 0.0 {
                return None;
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
    if matches!(left, Const::Complex { .. }) || matches!(right, Const::Complex { .. }) {
        let parts = |c: &Const| -> Option<(f64, f64)> {
            match c {
                Const::Complex { re, im } => Some((*re, *im)),
                other => Some((as_float(other)?, 0.0)),
            }
        };
        let ((a, b), (c, d)) = (parts(left)?, parts(right)?);
        return match op {
            0 => Some(Const::Complex { re: a + c, im: b + d }),
            10 => Some(Const::Complex { re: a - c, im: b - d }),
            5 => Some(Const::Complex { re: a * c - b * d, im: a * d + b * c }),
            _ => None,
        };
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
        UNARY_INVERT => match operand {
            Const::Int(_) | Const::Bool(_) => Some(Const::Int(-as_int(operand)? - IBig::ONE)),
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
