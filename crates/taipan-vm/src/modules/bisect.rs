//! The `_bisect` module: `bisect_left`/`bisect_right` and `insort_left`/`insort_right` over any
//! sequence, with `lo`/`hi` bounds and a `key` function. Items are read with `a[mid]` and
//! compared with `<` in CPython's order, so `__getitem__`, `__lt__` and `key` calls are the
//! same as there.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops::rich_compare_bool;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_bound_builtin};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::typeobject::CompareOp;

/// The bound arguments `(a, x, lo, hi, key)`.
struct Call<'a> {
    a: &'a Object,
    x: &'a Object,
    lo: isize,
    hi: Option<isize>,
    key: Option<&'a Object>,
}

fn parse<'a>(fname: &str, args: &'a [Object], kw: Option<ObjectRef<'a>>) -> PyResult<Call<'a>> {
    let mut a = Args::new(args, kw);
    let key = a.take_kw("key");
    if a.pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let b = a.bind(fname, &["a", "x", "lo", "hi"], 2)?;
    let index = |o: &Object| -> PyResult<isize> {
        crate::ops::index_value(o.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.type_().name()
            ))
        })
    };
    let lo = match b[2] {
        Some(l) => index(l)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match b[3] {
        Some(h) if !is_none(h.as_ref()) => Some(index(h)?),
        _ => None,
    };
    Ok(Call {
        a: b[0].expect("required"),
        x: b[1].expect("required"),
        lo,
        hi,
        key: key.filter(|k| !is_none(k.as_ref())),
    })
}

/// The insertion point of `x` (already passed through `key` by the caller for insort).
fn search(c: &Call<'_>, x: &Object, right: bool) -> PyResult<isize> {
    let mut lo = c.lo;
    let mut hi = match c.hi {
        Some(h) => h,
        None => crate::ops::len(c.a.as_ref())? as isize,
    };
    while lo < hi {
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let mut item = crate::ops::getitem(c.a.as_ref(), new_int_i64(mid as i64).as_ref())?;
        if let Some(k) = c.key {
            item = crate::ops::call(k.as_ref(), &[item], None)?;
        }
        let go_left = if right {
            rich_compare_bool(x.as_ref(), item.as_ref(), CompareOp::Lt)?
        } else {
            !rich_compare_bool(item.as_ref(), x.as_ref(), CompareOp::Lt)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(
    fname: &str,
    right: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = parse(fname, args, kw)?;
    Ok(new_int_i64(search(&c, c.x, right)? as i64))
}

fn insort(
    fname: &str,
    right: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = parse(fname, args, kw)?;
    let idx = match c.key {
        Some(k) => {
            let kx = crate::ops::call(k.as_ref(), std::slice::from_ref(c.x), None)?;
            search(&c, &kx, right)?
        }
        None => search(&c, c.x, right)?,
    };
    if let Some(l) = crate::types::list::as_list(c.a.as_ref())
        && std::ptr::eq(c.a.type_(), &crate::types::list::LIST_TYPE.0)
    {
        l.insert((idx as usize).min(l.len()), c.x.clone());
    } else {
        crate::types::instance::call_method(
            c.a.as_ref(),
            "insert",
            &[new_int_i64(idx as i64), c.x.clone()],
        )?;
    }
    Ok(none())
}

fn bisect_right(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    bisect("bisect_right", true, args, kw)
}

fn bisect_left(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    bisect("bisect_left", false, args, kw)
}

fn insort_right(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    insort("insort_right", true, args, kw)
}

fn insort_left(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    insort("insort_left", false, args, kw)
}

/// Makes the `_bisect` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_bisect");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("Bisection algorithms."))?;
    let fns: [(&'static str, NativeFn); 4] = [
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ];
    for (name, f) in fns {
        d.set_str(name, new_bound_builtin(name, f, m.clone()))?;
    }
    Ok(m)
}
