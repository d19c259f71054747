//! The eval loop's fast paths for operations on exact built-in types: `BINARY_OP` on tagged ints
//! and floats, subscripts of lists, tuples and dicts, `COMPARE_OP` on floats and strs. Each
//! answers `None` when its case does not apply (a subclass, an error to raise, a result out of
//! the tagged range), and the loop then takes the generic path, which gives CPython's result
//! and errors. No fast path runs Python code except where the generic one would too (dict key
//! hashing and comparison).

use crate::object::{Object, ObjectRef};
use crate::types::dict::{DICT_TYPE, as_dict};
use crate::types::float::{FLOAT_TYPE, FloatPayload, new_float};
use crate::types::list::{LIST_TYPE, ListPayload, as_list};
use crate::types::str::{STR_TYPE, Str};
use crate::types::tuple::{TUPLE_TYPE, tuple_items};
use crate::types::typeobject::CompareOp;

/// `BINARY_OP`'s oparg for subscription (`NB_SUBSCR`).
pub(crate) const NB_SUBSCR: u32 = 26;

/// The value of an exact float (not a subclass, not an int).
#[inline(always)]
fn exact_float(o: ObjectRef<'_>) -> Option<f64> {
    if o.is_small_int() || !std::ptr::eq(o.type_(), &FLOAT_TYPE.0) {
        return None;
    }
    // SAFETY: a heap object of exact type `float` carries a `FloatPayload`.
    Some(unsafe { o.payload_unchecked::<FloatPayload>() }.value)
}

/// Largest magnitude of an int converted to float exactly (2**53).
const EXACT_FLOAT_INT: i64 = 1 << 53;

/// A tagged int that converts to float exactly.
#[inline(always)]
fn exact_int_operand(o: ObjectRef<'_>) -> Option<f64> {
    match o.small_int() {
        Some(i) if i.unsigned_abs() <= EXACT_FLOAT_INT as u64 => Some(i as f64),
        _ => None,
    }
}

/// Both operands as floats when at least one is an exact float and the other an exact float or
/// a tagged int that converts exactly.
#[inline(always)]
fn float_operands(a: ObjectRef<'_>, b: ObjectRef<'_>) -> Option<(f64, f64)> {
    match (exact_float(a), exact_float(b)) {
        (Some(x), Some(y)) => Some((x, y)),
        (Some(x), None) => Some((x, exact_int_operand(b)?)),
        (None, Some(y)) => Some((exact_int_operand(a)?, y)),
        (None, None) => None,
    }
}

/// Floor division and modulo of tagged ints, as Python defines them (`y != 0`).
#[inline]
fn floor_divmod(x: i64, y: i64) -> (i64, i64) {
    let (q, r) = (x / y, x % y);
    if r != 0 && ((r < 0) != (y < 0)) { (q - 1, r + y) } else { (q, r) }
}

/// `BINARY_OP` (any oparg but `NB_SUBSCR`) on two tagged ints.
#[inline(always)]
pub(crate) fn binary_int(x: i64, y: i64, oparg: u32) -> Option<Object> {
    let r = match oparg % 13 {
        0 => x.checked_add(y),
        10 => x.checked_sub(y),
        5 => x.checked_mul(y),
        1 => Some(x & y),
        7 => Some(x | y),
        12 => Some(x ^ y),
        2 if y != 0 && !(x == i64::MIN && y == -1) => Some(floor_divmod(x, y).0),
        6 if y != 0 && !(x == i64::MIN && y == -1) => Some(floor_divmod(x, y).1),
        9 if y >= 0 => Some(x >> y.min(63)),
        3 if (0..62).contains(&y) => {
            let r = x.checked_shl(y as u32)?;
            if r >> y == x { Some(r) } else { None }
        }
        11 if y != 0
            && x.unsigned_abs() <= EXACT_FLOAT_INT as u64
            && y.unsigned_abs() <= EXACT_FLOAT_INT as u64 =>
        {
            return Some(new_float(x as f64 / y as f64));
        }
        8 if (0..64).contains(&y) => x.checked_pow(y as u32),
        _ => None,
    };
    r.and_then(Object::try_small_int)
}

/// `BINARY_OP` `+ - * / **` (and their in-place forms) on an exact float with an exact float or
/// an exactly convertible tagged int: the result's value, or `None` when the generic path must
/// answer (other types, division by zero, `**` corner cases).
#[inline(always)]
pub(crate) fn binary_float(a: ObjectRef<'_>, b: ObjectRef<'_>, oparg: u32) -> Option<f64> {
    let (x, y) = float_operands(a, b)?;
    Some(match oparg {
        0 | 13 => x + y,
        10 | 23 => x - y,
        5 | 18 => x * y,
        11 | 24 if y != 0.0 => x / y,
        8 | 21 => float_pow(x, y)?,
        _ => return None,
    })
}

/// The float object for a result `r` computed from operands `a` and `b`, which it consumes: an
/// operand that is an exact float referenced only from here is rewritten in place (CPython's
/// `_PyFloat_FromDouble_ConsumeInputs`), so the commonest arithmetic needs no allocation and no
/// deallocation; otherwise both die and a new float is made (reusing one of them through the
/// free list).
#[inline(always)]
pub(crate) fn float_result(a: Object, b: Object, r: f64) -> Object {
    let a = match crate::types::float::reuse_unique(a, r) {
        Ok(a) => {
            drop(b);
            return a;
        }
        Err(a) => a,
    };
    let b = match crate::types::float::reuse_unique(b, r) {
        Ok(b) => {
            drop(a);
            return b;
        }
        Err(b) => b,
    };
    drop(a);
    drop(b);
    new_float(r)
}

/// `x ** y` on floats when CPython's `float_pow` would call the C library's `pow` and return its
/// result: a finite nonzero base (a negative one only with an integral exponent, whose sign
/// is then CPython's: `pow(-x, y)`, negated for an odd `y`), a finite exponent and a normal
/// result. Zero, infinite, NaN and subnormal cases (errors, `ERANGE` handling) go to the
/// generic path.
#[inline]
fn float_pow(x: f64, y: f64) -> Option<f64> {
    if x == 0.0 || !x.is_finite() || !y.is_finite() {
        return None;
    }
    let (base, negate) = if x < 0.0 {
        if y != y.floor() {
            return None;
        }
        (-x, y.abs() % 2.0 == 1.0)
    } else {
        (x, false)
    };
    let r = base.powf(y);
    if !r.is_normal() {
        return None;
    }
    Some(if negate { -r } else { r })
}

/// `container[key]` for exact lists and tuples with a tagged-int index in range, and exact
/// dicts holding the key. `Err` is only a dict key's hash or `__eq__` failing.
#[inline(always)]
pub(crate) fn subscr(
    container: ObjectRef<'_>,
    key: ObjectRef<'_>,
) -> Option<crate::error::PyResult<Object>> {
    if container.is_small_int() {
        return None;
    }
    let ty = container.type_();
    if let Some(i) = key.small_int() {
        if std::ptr::eq(ty, &LIST_TYPE.0) {
            // SAFETY: a heap object of exact type `list` carries a `ListPayload`.
            let l = unsafe { container.payload_unchecked::<ListPayload>() };
            let i = if i < 0 { i + l.len() as i64 } else { i };
            return l.get(usize::try_from(i).ok()?).map(Ok);
        }
        if std::ptr::eq(ty, &TUPLE_TYPE.0) {
            let items = tuple_items(container)?;
            let i = if i < 0 { i + items.len() as i64 } else { i };
            return items.get(usize::try_from(i).ok()?).cloned().map(Ok);
        }
    }
    if std::ptr::eq(ty, &DICT_TYPE.0) {
        return Some(crate::types::dict::subscript_get(as_dict(container)?, key));
    }
    None
}

/// `container[key] = value` for exact lists with a tagged-int index in range: `Err(value)` back
/// when it does not apply.
#[inline]
pub(crate) fn store_subscr_list(
    container: ObjectRef<'_>,
    key: ObjectRef<'_>,
    value: Object,
) -> Result<(), Object> {
    let (Some(i), false) = (key.small_int(), container.is_small_int()) else { return Err(value) };
    if !std::ptr::eq(container.type_(), &LIST_TYPE.0) {
        return Err(value);
    }
    // SAFETY: a heap object of exact type `list` carries a `ListPayload`.
    let l = unsafe { container.payload_unchecked::<ListPayload>() };
    let n = l.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(value);
    }
    let old = l.set(i as usize, value);
    drop(old);
    Ok(())
}

/// `COMPARE_OP` on floats (with floats or tagged ints) and `==`/`!=` on exact strs.
#[inline(always)]
pub(crate) fn compare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        return None;
    }
    if let Some((x, y)) = float_operands(a, b) {
        return Some(match x.partial_cmp(&y) {
            Some(ord) => op.matches(ord),
            None => op == CompareOp::Ne,
        });
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne)
        && !a.is_small_int()
        && !b.is_small_int()
        && std::ptr::eq(a.type_(), &STR_TYPE.0)
        && std::ptr::eq(b.type_(), &STR_TYPE.0)
    {
        let eq = Str::new(a)?.content_eq(Str::new(b)?);
        return Some(eq == (op == CompareOp::Eq));
    }
    None
}

/// `UNPACK_SEQUENCE n` of an exact tuple or list of exactly `n` items: writes them above the
/// loop's cursor `sp`, last first (no intermediate `Vec`), and returns the raised cursor, or
/// `None` when it does not apply. Runs no Python code.
///
/// # Safety
/// `sp` is the eval loop's cursor with room for `n` more values (docs/vm.md, "The loop cursor").
#[inline]
pub(crate) unsafe fn unpack_exact(
    seq: ObjectRef<'_>,
    n: usize,
    sp: *mut Option<Object>,
) -> Option<*mut Option<Object>> {
    if seq.is_small_int() {
        return None;
    }
    let ty = seq.type_();
    if std::ptr::eq(ty, &TUPLE_TYPE.0) {
        let items = tuple_items(seq)?;
        if items.len() != n {
            return None;
        }
        // SAFETY: the function's contract gives room for `n` values above `sp`.
        unsafe {
            for (k, v) in items.iter().rev().enumerate() {
                sp.add(k).write(Some(v.clone()));
            }
            return Some(sp.add(n));
        }
    }
    if std::ptr::eq(ty, &LIST_TYPE.0) {
        let l = as_list(seq)?;
        if l.len() != n {
            return None;
        }
        // SAFETY: as above; `l.get` runs no Python code, so the list keeps its length.
        unsafe {
            for k in 0..n {
                sp.add(k).write(l.get(n - 1 - k));
            }
            return Some(sp.add(n));
        }
    }
    None
}

/// `CONTAINS_OP` (`item in container`): exact dicts and sets by hash lookup, anything else
/// through the generic path (`helpers::contains`). Hashing and `__eq__` of the item may run
/// Python code, as in the generic path.
#[inline(always)]
pub(crate) fn contains(
    container: ObjectRef<'_>,
    item: ObjectRef<'_>,
) -> crate::error::PyResult<bool> {
    if !container.is_small_int() {
        let ty = container.type_();
        if std::ptr::eq(ty, &DICT_TYPE.0)
            && let Some(d) = as_dict(container)
        {
            return d.contains(item);
        }
        if std::ptr::eq(ty, &crate::types::set::SET_TYPE.0)
            && let Some(s) = crate::types::set::as_set(container)
        {
            return s.contains_key(item);
        }
    }
    super::helpers::contains(container, item)
}
