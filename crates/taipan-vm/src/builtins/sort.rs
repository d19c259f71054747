//! Sorting for `sorted()` and `list.sort()`: a stable sort that only ever asks `<`, as the
//! language promises. Keys whose comparisons cannot run Python code, fail, or be inconsistent
//! (all small ints, all non-NaN exact floats, all exact strs, or exact tuples holding those with
//! one kind per position) are sorted with a native comparison, as CPython's pre-sort key check
//! does; on a total order every stable sort gives the same result, so this is not observable.
//! Any other keys go through the generic merge sort and `ops::rich_compare_bool`.

use std::cmp::Ordering;

use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::float::{FLOAT_TYPE, float_value};
use crate::types::str::{STR_TYPE, Str};
use crate::types::tuple::{TUPLE_TYPE, tuple_items};
use crate::types::typeobject::CompareOp;

/// Sorts `items` (by `key(item)` when a key function is given), stably; `reverse` keeps equal
/// items in their original order, as CPython's reverse-sort-reverse does. The first error (from
/// the key function or a comparison) stops it.
pub(crate) fn sort_objects(
    items: Vec<Object>,
    key: Option<&Object>,
    reverse: bool,
) -> PyResult<Vec<Object>> {
    let mut pairs: Vec<(Object, Object)> = Vec::with_capacity(items.len());
    for it in items {
        let k = match key {
            Some(f) => ops::call(f.as_ref(), std::slice::from_ref(&it), None)?,
            None => it.clone(),
        };
        pairs.push((k, it));
    }
    if reverse {
        pairs.reverse();
    }
    match plan(&pairs) {
        Some(Plan::Flat(kind)) => {
            pairs.sort_by(|a, b| cmp_same(a.0.as_ref(), b.0.as_ref(), kind));
        }
        Some(Plan::Tuples(kinds)) => {
            pairs.sort_by(|a, b| cmp_tuples(a.0.as_ref(), b.0.as_ref(), &kinds));
        }
        None => pairs = merge_sort(pairs)?,
    }
    let mut out: Vec<Object> = pairs.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// A key kind compared natively.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A tagged (small) int.
    Int,
    /// An exact float that is not a NaN.
    Float,
    /// An exact str.
    Str,
}

fn kind_of(o: ObjectRef<'_>) -> Option<Kind> {
    if o.is_small_int() {
        return Some(Kind::Int);
    }
    let t = o.type_();
    if std::ptr::eq(t, &STR_TYPE.0) {
        return Some(Kind::Str);
    }
    if std::ptr::eq(t, &FLOAT_TYPE.0) {
        return float_value(o).filter(|v| !v.is_nan()).map(|_| Kind::Float);
    }
    None
}

/// How the keys can be compared without Python code.
enum Plan {
    /// Every key is of this kind.
    Flat(Kind),
    /// Every key is an exact tuple; item `i` of every tuple that has one is of kind `kinds[i]`.
    Tuples(Vec<Kind>),
}

fn plan(pairs: &[(Object, Object)]) -> Option<Plan> {
    let first = pairs.first()?.0.as_ref();
    if let Some(kind) = kind_of(first) {
        return pairs
            .iter()
            .all(|(k, _)| kind_of(k.as_ref()) == Some(kind))
            .then_some(Plan::Flat(kind));
    }
    let mut kinds: Vec<Kind> = Vec::new();
    for (k, _) in pairs {
        if !std::ptr::eq(k.type_(), &TUPLE_TYPE.0) {
            return None;
        }
        for (i, item) in tuple_items(k.as_ref())?.iter().enumerate() {
            let kind = kind_of(item.as_ref())?;
            match kinds.get(i) {
                Some(&have) if have != kind => return None,
                Some(_) => {}
                None => kinds.push(kind),
            }
        }
    }
    Some(Plan::Tuples(kinds))
}

/// The order of two keys of `kind` (a total order: `<` on them agrees with it).
#[inline]
fn cmp_same(a: ObjectRef<'_>, b: ObjectRef<'_>, kind: Kind) -> Ordering {
    match kind {
        Kind::Int => a.small_int().cmp(&b.small_int()),
        Kind::Float => {
            let (x, y) = (float_value(a).unwrap_or(0.0), float_value(b).unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        Kind::Str => match (Str::new(a), Str::new(b)) {
            (Some(x), Some(y)) => x.content_cmp(y),
            _ => Ordering::Equal,
        },
    }
}

/// Tuple order as `tuple.__lt__` computes it: the first position whose items differ decides,
/// else the shorter tuple is first.
fn cmp_tuples(a: ObjectRef<'_>, b: ObjectRef<'_>, kinds: &[Kind]) -> Ordering {
    let (x, y) = (tuple_items(a).unwrap_or(&[]), tuple_items(b).unwrap_or(&[]));
    for ((p, q), &kind) in x.iter().zip(y).zip(kinds) {
        if p.as_ref().is(q.as_ref()) {
            continue;
        }
        match cmp_same(p.as_ref(), q.as_ref(), kind) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    x.len().cmp(&y.len())
}

/// The generic stable merge sort on `(key, item)` pairs, comparing keys with `<`.
fn merge_sort(mut v: Vec<(Object, Object)>) -> PyResult<Vec<(Object, Object)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    // Insertion sort for short runs.
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0
                && ops::rich_compare_bool(v[j].0.as_ref(), v[j - 1].0.as_ref(), CompareOp::Lt)?
            {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(v);
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(v)?;
    let right = merge_sort(right)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                if ops::rich_compare_bool(b.0.as_ref(), a.0.as_ref(), CompareOp::Lt)? {
                    out.push(r.next().expect("item"));
                } else {
                    out.push(l.next().expect("item"));
                }
            }
            (Some(_), None) => out.extend(l.by_ref()),
            (None, Some(_)) => out.extend(r.by_ref()),
            (None, None) => break,
        }
    }
    Ok(out)
}
