//! The methods `bytes` and `bytearray` share (`find`, `split`, `strip`, `replace`, `upper`,
//! `isalpha`, `hex`, `fromhex`, `translate`, `maketrans`, `join`, `center`, ...), with CPython's
//! ASCII-only semantics and error messages. A method returns the type of its receiver (bytes
//! for bytes, bytearray for bytearray); arguments may be any bytes-like object.

use std::borrow::Cow;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::bytes::{BYTES_TYPE, bytes_data, new_bytes};
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::new_list;
use crate::types::singletons::is_none;
use crate::types::str::{Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::PyType;

/// The methods, registered on `ty` (bytes or bytearray).
pub(crate) fn register_on(ty: &'static PyType) {
    let m: &[(&'static str, NativeFn)] = &[
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("partition", partition),
        ("rpartition", rpartition),
        ("replace", replace),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("join", join),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isdigit", isdigit),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("hex", hex),
        ("translate", translate),
    ];
    for (n, f) in m {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
    let fh = new_builtin_function("fromhex", fromhex);
    let _ = register_static_attr(ty, "fromhex", crate::types::descriptors::new_classmethod(fh));
    let mt = new_builtin_function("maketrans", maketrans);
    let _ = register_static_attr(ty, "maketrans", crate::types::descriptors::new_staticmethod(mt));
}

pub(crate) fn register() {
    register_on(&BYTES_TYPE.0);
}

/// The content of a bytes-like object (bytes, bytearray), `None` for others.
pub(crate) fn bytes_like(o: ObjectRef<'_>) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = bytes_data(o) {
        return Some(Cow::Borrowed(b));
    }
    crate::types::bytearray::bytearray_data(o)
        .or_else(|| crate::types::memoryview::memoryview_bytes(o))
        .or_else(|| crate::types::memoryview::python_buffer_bytes(o))
        .map(Cow::Owned)
}

/// A bytes-like argument, or `a bytes-like object is required, not 'X'`.
fn buf_arg(o: ObjectRef<'_>) -> PyResult<Cow<'_, [u8]>> {
    bytes_like(o).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}

fn me(s: Option<ObjectRef<'_>>) -> (ObjectRef<'_>, Cow<'_, [u8]>) {
    let o = s.expect("self");
    (o, bytes_like(o).expect("a bytes method on a bytes-like object"))
}

/// A result of the receiver's type.
fn like(me: ObjectRef<'_>, data: Vec<u8>) -> Object {
    if bytes_data(me).is_some() {
        new_bytes(&data)
    } else {
        crate::types::bytearray::new_bytearray(data)
    }
}

fn type_name(me: ObjectRef<'_>) -> &'static str {
    if bytes_data(me).is_some() { "bytes" } else { "bytearray" }
}

fn no_args(
    me: ObjectRef<'_>,
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let a = Args::new(args, kw);
    let f = format!("{}.{name}", type_name(me));
    a.no_kw_at_all(&f)?;
    a.count(&f, 0, 0)
}

fn bound(o: Option<&Object>, len: usize, default: usize) -> PyResult<usize> {
    let Some(o) = o.filter(|o| !is_none(o.as_ref())) else { return Ok(default) };
    let v = ops::index_value_clamped(o.as_ref())?.ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(if v < 0 { (v + len as isize).max(0) as usize } else { v as usize })
}

fn find_in(h: &[u8], n: &[u8], start: usize, end: usize, rev: bool) -> Option<usize> {
    if start > end || end - start < n.len() {
        return None;
    }
    let hs = &h[start..end];
    let r = if rev { memchr::memmem::rfind(hs, n) } else { memchr::memmem::find(hs, n) };
    r.map(|i| i + start)
}

/// `(sub, start, end)` of `find` and friends: `sub` is bytes-like or an int in range(256).
fn sub_args(
    name: &str,
    len: usize,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<(Vec<u8>, usize, usize)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 3 arguments, got {}", args.len())
        }));
    }
    let sub = if let Some(b) = bytes_like(args[0].as_ref()) {
        b.into_owned()
    } else if let Some(i) = ops::index_value(args[0].as_ref()).ok().flatten() {
        if !(0..256).contains(&i) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        vec![i as u8]
    } else {
        return Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            args[0].type_().name()
        )));
    };
    let start = bound(args.get(1), len, 0)?;
    let end = bound(args.get(2), len, len)?.min(len);
    Ok((sub, start, end))
}

fn find_common(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    rev: bool,
) -> PyResult<Option<usize>> {
    let (_, d) = me(s);
    let (sub, start, end) = sub_args(name, d.len(), args, kw)?;
    Ok(find_in(&d, &sub, start, end, rev))
}

fn find(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common("find", s, a, k, false)?.map_or(-1, |i| i as i64)))
}

fn rfind(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common("rfind", s, a, k, true)?.map_or(-1, |i| i as i64)))
}

fn index(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match find_common("index", s, a, k, false)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn rindex(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match find_common("rindex", s, a, k, true)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn count_in(h: &[u8], n: &[u8], start: usize, end: usize, max: usize) -> usize {
    if start > end || end - start < n.len() {
        return 0;
    }
    if n.is_empty() {
        return (end - start + 1).min(max);
    }
    memchr::memmem::find_iter(&h[start..end], n).take(max).count()
}

fn count(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (_, d) = me(s);
    let (sub, start, end) = sub_args("count", d.len(), a, k)?;
    Ok(new_int_i64(count_in(&d, &sub, start, end, usize::MAX) as i64))
}

fn affix(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    at_start: bool,
) -> PyResult<Object> {
    let (_, d) = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 3 arguments, got {}", args.len())
        }));
    }
    let len = d.len();
    let start = bound(args.get(1), len, 0)?;
    let end = bound(args.get(2), len, len)?.min(len);
    let test = |p: &[u8]| -> bool {
        if start > len || end < start || end - start < p.len() {
            return false;
        }
        let at = if at_start { start } else { end - p.len() };
        &d[at..at + p.len()] == p
    };
    if let Some(items) = tuple_items(args[0].as_ref()) {
        for it in items {
            if test(&buf_arg(it.as_ref())?) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    let Some(p) = bytes_like(args[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            args[0].type_().name()
        )));
    };
    Ok(py_bool(test(&p)))
}

fn startswith(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    affix("startswith", s, a, k, true)
}

fn endswith(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    affix("endswith", s, a, k, false)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args<'a>(
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
) -> PyResult<(Option<Cow<'a, [u8]>>, usize)> {
    let mut a = Args::new(args, kw);
    let sep_kw = a.take_kw("sep");
    let max_kw = a.take_kw("maxsplit");
    a.no_kw(name)?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let sep = match a.pos.first().or(sep_kw).filter(|v| !is_none(v.as_ref())) {
        Some(s) => {
            let b = buf_arg(s.as_ref())?;
            if b.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(b)
        }
        None => None,
    };
    let max = match a.pos.get(1).or(max_kw) {
        Some(m) => ops::index_value(m.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                m.type_().name()
            ))
        })?,
        None => -1,
    };
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn split(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    let (sep, max) = split_args("split", args, kw)?;
    let n = d.len();
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            while i < n && is_space(d[i]) {
                i += 1;
            }
            while i < n {
                if out.len() == max {
                    out.push(like(o, d[i..].to_vec()));
                    break;
                }
                let j = (i..n).find(|&k| is_space(d[k])).unwrap_or(n);
                out.push(like(o, d[i..j].to_vec()));
                i = j;
                while i < n && is_space(d[i]) {
                    i += 1;
                }
            }
        }
        Some(sep) => {
            let mut i = 0;
            while out.len() < max {
                match find_in(&d, &sep, i, n, false) {
                    Some(p) => {
                        out.push(like(o, d[i..p].to_vec()));
                        i = p + sep.len();
                    }
                    None => break,
                }
            }
            out.push(like(o, d[i..].to_vec()));
        }
    }
    Ok(new_list(out))
}

fn rsplit(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let (sep, max) = split_args("rsplit", args, kw)?;
    let mut out = Vec::new();
    match sep {
        None => {
            let mut e = d.len();
            while e > 0 && is_space(d[e - 1]) {
                e -= 1;
            }
            while e > 0 {
                if out.len() == max {
                    out.push(like(o, d[..e].to_vec()));
                    break;
                }
                let b = (0..e).rev().find(|&k| is_space(d[k])).map_or(0, |k| k + 1);
                out.push(like(o, d[b..e].to_vec()));
                e = b;
                while e > 0 && is_space(d[e - 1]) {
                    e -= 1;
                }
            }
        }
        Some(sep) => {
            let mut e = d.len();
            while out.len() < max {
                match find_in(&d, &sep, 0, e, true) {
                    Some(p) => {
                        out.push(like(o, d[p + sep.len()..e].to_vec()));
                        e = p;
                    }
                    None => break,
                }
            }
            out.push(like(o, d[..e].to_vec()));
        }
    }
    out.reverse();
    Ok(new_list(out))
}

fn splitlines(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let mut a = Args::new(args, kw);
    let keep_kw = a.take_kw("keepends");
    a.no_kw("splitlines")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            a.pos.len()
        )));
    }
    let keep = match a.pos.first().or(keep_kw) {
        Some(k) => ops::is_true(k.as_ref())?,
        None => false,
    };
    let n = d.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && d[j] != b'\n' && d[j] != b'\r' {
            j += 1;
        }
        let mut eol = j;
        if j < n {
            eol = if d[j] == b'\r' && j + 1 < n && d[j + 1] == b'\n' { j + 2 } else { j + 1 };
        }
        out.push(like(o, d[i..if keep { eol } else { j }].to_vec()));
        i = eol;
    }
    Ok(new_list(out))
}

fn strip_common(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    left: bool,
    right: bool,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let chars = match args.first() {
        Some(c) if !is_none(c.as_ref()) => Some(buf_arg(c.as_ref())?),
        _ => None,
    };
    let strip_it = |c: u8| match &chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let (mut i, mut e) = (0, d.len());
    if left {
        while i < e && strip_it(d[i]) {
            i += 1;
        }
    }
    if right {
        while e > i && strip_it(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(o, d[i..e].to_vec()))
}

fn strip(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    strip_common("strip", s, a, k, true, true)
}

fn lstrip(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    strip_common("lstrip", s, a, k, true, false)
}

fn rstrip(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    strip_common("rstrip", s, a, k, false, true)
}

fn one_arg<'a>(
    o: ObjectRef<'_>,
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<&'a Object> {
    let a = Args::new(args, kw);
    let f = format!("{}.{name}", type_name(o));
    a.no_kw_at_all(&f)?;
    a.count(&f, 1, 1)?;
    Ok(&args[0])
}

fn partition_common(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    rev: bool,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let sep = buf_arg(one_arg(o, name, args, kw)?.as_ref())?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let n = d.len();
    Ok(new_tuple(match find_in(&d, &sep, 0, n, rev) {
        Some(p) => vec![
            like(o, d[..p].to_vec()),
            like(o, sep.to_vec()),
            like(o, d[p + sep.len()..].to_vec()),
        ],
        None if rev => vec![like(o, Vec::new()), like(o, Vec::new()), like(o, d.to_vec())],
        None => vec![like(o, d.to_vec()), like(o, Vec::new()), like(o, Vec::new())],
    }))
}

fn partition(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    partition_common("partition", s, a, k, false)
}

fn rpartition(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    partition_common("rpartition", s, a, k, true)
}

fn removeprefix(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let p = buf_arg(one_arg(o, "removeprefix", a, k)?.as_ref())?;
    Ok(like(o, d.strip_prefix(&*p).unwrap_or(&d).to_vec()))
}

fn removesuffix(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let p = buf_arg(one_arg(o, "removesuffix", a, k)?.as_ref())?;
    let r = if p.is_empty() { &d[..] } else { d.strip_suffix(&*p).unwrap_or(&d) };
    Ok(like(o, r.to_vec()))
}

fn replace(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let mut a = Args::new(args, kw);
    let count_kw = a.take_kw("count");
    a.no_kw("replace")?;
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(PyErr::type_error(if a.pos.len() < 2 {
            format!("replace() takes at least 2 positional arguments ({} given)", a.pos.len())
        } else {
            format!("replace() takes at most 3 arguments ({} given)", a.pos.len())
        }));
    }
    let old = buf_arg(a.pos[0].as_ref())?;
    let new = buf_arg(a.pos[1].as_ref())?;
    let max = match a.pos.get(2).or(count_kw) {
        Some(c) => ops::index_value_clamped(c.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                c.type_().name()
            ))
        })?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let n = d.len();
    let k = count_in(&d, &old, 0, n, max);
    let mut out = Vec::new();
    if old.is_empty() {
        let mut done = 0;
        for i in 0..=n {
            if done < k {
                out.extend_from_slice(&new);
                done += 1;
            }
            if i < n {
                out.push(d[i]);
            }
        }
    } else {
        let mut i = 0;
        for _ in 0..k {
            let p = find_in(&d, &old, i, n, false).expect("counted");
            out.extend_from_slice(&d[i..p]);
            out.extend_from_slice(&new);
            i = p + old.len();
        }
        out.extend_from_slice(&d[i..]);
    }
    Ok(like(o, out))
}

fn join(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    let it = one_arg(o, "join", args, kw)?;
    let items = crate::eval::helpers::iterate(it.as_ref()).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = bytes_like(item.as_ref()) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.type_().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&d);
        }
        out.extend_from_slice(&b);
    }
    Ok(like(o, out))
}

fn map_bytes(
    name: &str,
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
    f: impl Fn(&[u8]) -> Vec<u8>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, name, a, k)?;
    Ok(like(o, f(&d)))
}

fn upper(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    map_bytes("upper", s, a, k, <[u8]>::to_ascii_uppercase)
}

fn lower(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    map_bytes("lower", s, a, k, <[u8]>::to_ascii_lowercase)
}

fn swapcase(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    map_bytes("swapcase", s, a, k, |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }
            })
            .collect()
    })
}

fn title(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    map_bytes("title", s, a, k, |d| {
        let mut prev = false;
        d.iter()
            .map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn capitalize(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    map_bytes("capitalize", s, a, k, |d| {
        d.iter()
            .enumerate()
            .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}

fn pred(
    name: &str,
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
    f: fn(&u8) -> bool,
) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, name, a, k)?;
    Ok(py_bool(!d.is_empty() && d.iter().all(f)))
}

fn isalpha(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pred("isalpha", s, a, k, u8::is_ascii_alphabetic)
}

fn isalnum(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pred("isalnum", s, a, k, u8::is_ascii_alphanumeric)
}

fn isdigit(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pred("isdigit", s, a, k, u8::is_ascii_digit)
}

fn isspace(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pred("isspace", s, a, k, |c| is_space(*c))
}

fn isascii(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, "isascii", a, k)?;
    Ok(py_bool(d.is_ascii()))
}

fn islower(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, "islower", a, k)?;
    Ok(py_bool(d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)))
}

fn isupper(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, "isupper", a, k)?;
    Ok(py_bool(d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)))
}

fn istitle(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    no_args(o, "istitle", a, k)?;
    let (mut cased, mut prev) = (false, false);
    for &c in d.iter() {
        if c.is_ascii_uppercase() {
            if prev {
                return Ok(py_bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return Ok(py_bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(py_bool(cased))
}

fn int_arg(o: &Object) -> PyResult<isize> {
    ops::index_value(o.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    })
}

fn pad(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    how: u8,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 2 arguments, got {}", args.len())
        }));
    }
    let width = int_arg(&args[0])?;
    let fill = match args.get(1) {
        Some(f) => match bytes_like(f.as_ref()) {
            Some(b) if b.len() == 1 => b[0],
            Some(b) => {
                return Err(PyErr::type_error(format!(
                    "{name}(): argument 2 must be a byte string of length 1, not a {} object of length {}",
                    f.type_().name(),
                    b.len()
                )));
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    f.type_().name()
                )));
            }
        },
        None => b' ',
    };
    let n = d.len();
    if width <= n as isize {
        return Ok(like(o, d.to_vec()));
    }
    let width = width as usize;
    let total = width - n;
    let (left, right) = match how {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let mut out = Vec::new();
    out.try_reserve(width).map_err(|_| PyErr::memory_error())?;
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(like(o, out))
}

fn ljust(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pad("ljust", s, a, k, 0)
}

fn rjust(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pad("rjust", s, a, k, 1)
}

fn center(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pad("center", s, a, k, 2)
}

fn zfill(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (o, d) = me(s);
    let w = int_arg(one_arg(o, "zfill", args, kw)?)?;
    let n = d.len();
    if w <= n as isize {
        return Ok(like(o, d.to_vec()));
    }
    let w = w as usize;
    let mut out = Vec::new();
    out.try_reserve(w).map_err(|_| PyErr::memory_error())?;
    let mut rest = 0;
    if n > 0 && (d[0] == b'+' || d[0] == b'-') {
        out.push(d[0]);
        rest = 1;
    }
    out.extend(std::iter::repeat_n(b'0', w - n));
    out.extend_from_slice(&d[rest..]);
    Ok(like(o, out))
}

fn expandtabs(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let mut a = Args::new(args, kw);
    let tab_kw = a.take_kw("tabsize");
    a.no_kw("expandtabs")?;
    let tab = match a.pos.first().or(tab_kw) {
        Some(t) => int_arg(t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut col = 0usize;
    for &c in d.iter() {
        if c == b'\t' {
            if tab > 0 {
                let fill = tab as usize - col % tab as usize;
                out.extend(std::iter::repeat_n(b' ', fill));
                col += fill;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(like(o, out))
}

/// `bytes.hex([sep[, bytes_per_sep]])`, shared with `bytearray` and `memoryview`.
pub(crate) fn hex_of(d: &[u8], args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let sep_kw = a.take_kw("sep");
    let per_kw = a.take_kw("bytes_per_sep");
    a.no_kw("hex")?;
    let sep = match a.pos.first().or(sep_kw) {
        Some(s) => {
            let sb: Vec<u8> = if let Some(t) = Str::new(s.as_ref()) {
                if t.len() != 1 {
                    return Err(PyErr::value_error("sep must be length 1."));
                }
                let c = t.char_at(0);
                if c > 127 {
                    return Err(PyErr::value_error("sep must be ASCII."));
                }
                vec![c as u8]
            } else if let Some(b) = bytes_like(s.as_ref()) {
                b.into_owned()
            } else {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    s.type_().name()
                )));
            };
            if sb.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            Some(sb[0])
        }
        None => None,
    };
    let per = match a.pos.get(1).or(per_kw) {
        Some(p) => int_arg(p)?,
        None => 1,
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs().max(1);
    for (i, &b) in d.iter().enumerate() {
        if let Some(sep) = sep
            && i > 0
            && per != 0
        {
            let boundary = if per > 0 { (d.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(sep as char);
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    Ok(new_str(&out))
}

fn hex(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (_, d) = me(s);
    hex_of(&d, args, kw)
}

/// The bytes a `fromhex()` argument spells: pairs of hex digits, ASCII white space between
/// pairs.
pub(crate) fn parse_fromhex(o: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    let text: Vec<u32> = if let Some(s) = Str::new(o) {
        s.data().iter().collect()
    } else if let Some(b) = bytes_like(o) {
        b.iter().map(|&c| c as u32).collect()
    } else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str or bytes-like, not {}",
            o.type_().name()
        )));
    };
    let digit = |c: u32| char::from_u32(c).and_then(|ch| ch.to_digit(16));
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c < 128 && is_space(c as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = digit(c) else {
            return Err(PyErr::value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(&c2) = text.get(i + 1) else {
            return Err(PyErr::value_error(
                "fromhex() arg must contain an even number of hexadecimal digits",
            ));
        };
        let Some(lo) = digit(c2) else {
            return Err(PyErr::value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn fromhex(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // A classmethod: args[0] is the class.
    let a = Args::new(args, kw);
    a.no_kw_at_all("fromhex")?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let data = parse_fromhex(args[1].as_ref())?;
    let cls = args[0].as_ref();
    if cls.is(crate::types::bytearray::BYTEARRAY_TYPE.0.as_object()) {
        return Ok(crate::types::bytearray::new_bytearray(data));
    }
    if cls.is(BYTES_TYPE.0.as_object()) {
        return Ok(new_bytes(&data));
    }
    ops::call(cls, &[new_bytes(&data)], None)
}

fn maketrans(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("maketrans")?;
    a.count("maketrans", 2, 2)?;
    let from = buf_arg(args[0].as_ref())?;
    let to = buf_arg(args[1].as_ref())?;
    if from.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(&table))
}

fn translate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, d) = me(s);
    let mut a = Args::new(args, kw);
    let del_kw = a.take_kw("delete");
    a.no_kw("translate")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "translate expected at least 1 argument, got {}",
            a.pos.len()
        )));
    }
    let table = if is_none(a.pos[0].as_ref()) {
        None
    } else {
        let t = buf_arg(a.pos[0].as_ref())?;
        if t.len() != 256 {
            return Err(PyErr::value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match a.pos.get(1).or(del_kw) {
        Some(x) => buf_arg(x.as_ref())?.into_owned(),
        None => Vec::new(),
    };
    let out = d
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(like(o, out))
}

/// `int_value` re-exported for the bytearray module's item assignment.
pub(crate) fn byte_value(o: ObjectRef<'_>) -> PyResult<u8> {
    let Some(v) = ops::index_value(o)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    };
    let _ = int_value;
    u8::try_from(v).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))
}
