//! Searching, splitting, stripping and padding `str` methods (`find`/`rfind`/`index`/`rindex`/
//! `count`, `startswith`/`endswith`, `split`/`rsplit`/`splitlines`, `strip` and friends,
//! `partition`/`rpartition`, `replace`, `expandtabs`, `ljust`/`rjust`/`center`/`zfill`,
//! `removeprefix`/`removesuffix`), working on the PEP 393 code units directly: two Latin-1
//! strings are searched with `memchr::memmem`, wider ones unit by unit, never through a
//! `Vec<char>` copy of the text.

use taipan_common::unicode as uc;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::singletons::is_none;
use crate::types::str::{
    STR_TYPE, Str, StrData, new_str_from_code_points, new_str_from_latin1, str_substring,
};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::register_static_attr;

pub(crate) fn register() {
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
        ("expandtabs", expandtabs),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
    ];
    for (n, f) in m {
        let _ = register_static_attr(&STR_TYPE.0, n, new_method_descriptor(&STR_TYPE.0, n, *f));
    }
}

fn me<'a>(s: Option<ObjectRef<'a>>) -> Str<'a> {
    Str::new(s.expect("self")).expect("str method on a str")
}

/// A str argument, or CPython's `must be str, not X` TypeError (prefixed by `what`).
fn str_arg<'a>(o: &'a Object, what: &str) -> PyResult<Str<'a>> {
    Str::new(o.as_ref())
        .ok_or_else(|| PyErr::type_error(format!("{what}must be str, not {}", o.type_().name())))
}

// ---- searching on code units ----

/// The units of `n` in the unit type of a haystack (`None` when some code point of `n` is too
/// wide to occur in it).
fn narrow<T: TryFrom<u32>>(n: StrData<'_>) -> Option<Vec<T>> {
    n.iter().map(|c| T::try_from(c).ok()).collect()
}

fn find_slice<T: Eq>(h: &[T], n: &[T], rev: bool) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    if n.is_empty() {
        return Some(if rev { h.len() } else { 0 });
    }
    let last = h.len() - n.len();
    let first = &n[0];
    if rev {
        (0..=last).rev().find(|&i| h[i] == *first && h[i..i + n.len()] == *n)
    } else {
        (0..=last).find(|&i| h[i] == *first && h[i..i + n.len()] == *n)
    }
}

/// The index of the first (or last) occurrence of `n` in `h[start..end]`.
pub(crate) fn find_units(
    h: StrData<'_>,
    n: StrData<'_>,
    start: usize,
    end: usize,
    rev: bool,
) -> Option<usize> {
    if start > end || end - start < n.len() {
        return None;
    }
    let r = match h {
        StrData::Latin1(hb) => {
            let hb = &hb[start..end];
            match n {
                StrData::Latin1(nb) if rev => memchr::memmem::rfind(hb, nb),
                StrData::Latin1(nb) => memchr::memmem::find(hb, nb),
                _ => None,
            }
        }
        StrData::Ucs2(hu) => find_slice(&hu[start..end], &narrow::<u16>(n)?, rev),
        StrData::Ucs4(hu) => find_slice(&hu[start..end], &narrow::<u32>(n)?, rev),
    };
    r.map(|i| i + start)
}

/// Whether `h[at..at + len(n)]` equals `n`.
fn matches_at(h: StrData<'_>, n: StrData<'_>, at: usize) -> bool {
    if at + n.len() > h.len() {
        return false;
    }
    if let (StrData::Latin1(hb), StrData::Latin1(nb)) = (h, n) {
        return &hb[at..at + nb.len()] == nb;
    }
    (0..n.len()).all(|j| h.get(at + j) == n.get(j))
}

/// Non-overlapping occurrences of `n` in `h[start..end]`, at most `max`.
fn count_units(h: StrData<'_>, n: StrData<'_>, start: usize, end: usize, max: usize) -> usize {
    if start > end || end - start < n.len() {
        return 0;
    }
    if n.is_empty() {
        return (end - start + 1).min(max);
    }
    if let (StrData::Latin1(hb), StrData::Latin1(nb)) = (h, n) {
        return memchr::memmem::find_iter(&hb[start..end], nb).take(max).count();
    }
    let mut k = 0;
    let mut i = start;
    while k < max {
        match find_units(h, n, i, end, false) {
            Some(p) => {
                k += 1;
                i = p + n.len();
            }
            None => break,
        }
    }
    k
}

/// A `start`/`end` argument: None or an index (negative counts from the end, clamped).
fn bound(o: Option<&Object>, len: usize, default: usize) -> PyResult<usize> {
    let Some(o) = o.filter(|o| !is_none(o.as_ref())) else { return Ok(default) };
    let v = ops::index_value_clamped(o.as_ref())?.ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(if v < 0 { (v + len as isize).max(0) as usize } else { v as usize })
}

/// `(sub, start, end)` arguments of `find` and friends; `end` is clamped to the length, `start`
/// may exceed it (then nothing matches).
fn sub_args<'a>(
    name: &str,
    s: Str<'_>,
    args: &'a [Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<(Str<'a>, usize, usize)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 3 arguments, got {}", args.len())
        }));
    }
    let Some(sub) = Str::new(args[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "{name}() argument 1 must be str, not {}",
            args[0].type_().name()
        )));
    };
    let len = s.len();
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
    let s = me(s);
    let (sub, start, end) = sub_args(name, s, args, kw)?;
    Ok(find_units(s.data(), sub.data(), start, end, rev))
}

fn find(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common("find", s, args, kw, false)?.map_or(-1, |i| i as i64)))
}

fn rfind(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common("rfind", s, args, kw, true)?.map_or(-1, |i| i as i64)))
}

fn index(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match find_common("index", s, args, kw, false)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn rindex(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match find_common("rindex", s, args, kw, true)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn count(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let s = me(s);
    let (sub, start, end) = sub_args("count", s, args, kw)?;
    Ok(new_int_i64(count_units(s.data(), sub.data(), start, end, usize::MAX) as i64))
}

fn affix(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    at_start: bool,
) -> PyResult<Object> {
    let s = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 3 arguments, got {}", args.len())
        }));
    }
    let len = s.len();
    let start = bound(args.get(1), len, 0)?;
    let end = bound(args.get(2), len, len)?.min(len);
    let one = |p: ObjectRef<'_>| -> PyResult<bool> {
        let Some(p) = Str::new(p) else {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                p.type_().name()
            )));
        };
        let n = p.len();
        if start > len || end < start || end - start < n {
            return Ok(false);
        }
        let at = if at_start { start } else { end - n };
        Ok(matches_at(s.data(), p.data(), at))
    };
    if let Some(items) = tuple_items(args[0].as_ref()) {
        for it in items {
            if Str::new(it.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    it.type_().name()
                )));
            }
            if one(it.as_ref())? {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    Ok(py_bool(one(args[0].as_ref())?))
}

fn startswith(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    affix("startswith", s, args, kw, true)
}

fn endswith(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    affix("endswith", s, args, kw, false)
}

// ---- splitting ----

/// `(sep, maxsplit)` of `split`/`rsplit`, by position or keyword.
fn split_args<'a>(
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
) -> PyResult<(Option<&'a Object>, usize)> {
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
    if !a.pos.is_empty() && sep_kw.is_some() {
        return Err(PyErr::type_error(format!(
            "argument for {name}() given by name ('sep') and position (1)"
        )));
    }
    let sep = a.pos.first().or(sep_kw).filter(|v| !is_none(v.as_ref()));
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
    let s = me(s);
    let (sep, max) = split_args("split", args, kw)?;
    let d = s.data();
    let n = d.len();
    let mut out = Vec::new();
    match sep {
        None if s.is_ascii() => {
            // ASCII text: whitespace is `\t\n\v\f\r`, `\x1c`-`\x1f` and space.
            let b = s.raw_bytes();
            let sp = |c: u8| matches!(c, 0x09..=0x0d | 0x1c..=0x20);
            let mut i = 0;
            while i < n && sp(b[i]) {
                i += 1;
            }
            while i < n {
                if out.len() == max {
                    out.push(str_substring(s, i, n));
                    break;
                }
                let mut j = i + 1;
                while j < n && !sp(b[j]) {
                    j += 1;
                }
                out.push(crate::types::str::new_str_from_ascii(&b[i..j]));
                i = j;
                while i < n && sp(b[i]) {
                    i += 1;
                }
            }
        }
        None => {
            let mut i = 0;
            while i < n && uc::is_space(d.get(i)) {
                i += 1;
            }
            while i < n {
                if out.len() == max {
                    out.push(str_substring(s, i, n));
                    break;
                }
                let j = (i..n).find(|&k| uc::is_space(d.get(k))).unwrap_or(n);
                out.push(str_substring(s, i, j));
                i = j;
                while i < n && uc::is_space(d.get(i)) {
                    i += 1;
                }
            }
        }
        Some(sep) => {
            let sep = Str::new(sep.as_ref()).ok_or_else(|| {
                PyErr::type_error(format!("must be str or None, not {}", sep.type_().name()))
            })?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut i = 0;
            while out.len() < max {
                match find_units(d, sep.data(), i, n, false) {
                    Some(p) => {
                        out.push(str_substring(s, i, p));
                        i = p + sep.len();
                    }
                    None => break,
                }
            }
            out.push(str_substring(s, i, n));
        }
    }
    Ok(new_list(out))
}

fn rsplit(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
    let (sep, max) = split_args("rsplit", args, kw)?;
    let d = s.data();
    let mut out = Vec::new();
    match sep {
        None => {
            let mut e = d.len();
            while e > 0 && uc::is_space(d.get(e - 1)) {
                e -= 1;
            }
            while e > 0 {
                if out.len() == max {
                    out.push(str_substring(s, 0, e));
                    break;
                }
                let b = (0..e).rev().find(|&k| uc::is_space(d.get(k))).map_or(0, |k| k + 1);
                out.push(str_substring(s, b, e));
                e = b;
                while e > 0 && uc::is_space(d.get(e - 1)) {
                    e -= 1;
                }
            }
        }
        Some(sep) => {
            let sep = Str::new(sep.as_ref()).ok_or_else(|| {
                PyErr::type_error(format!("must be str or None, not {}", sep.type_().name()))
            })?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut e = d.len();
            while out.len() < max {
                match find_units(d, sep.data(), 0, e, true) {
                    Some(p) => {
                        out.push(str_substring(s, p + sep.len(), e));
                        e = p;
                    }
                    None => break,
                }
            }
            out.push(str_substring(s, 0, e));
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
    let s = me(s);
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
    let d = s.data();
    let n = d.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && !uc::is_linebreak(d.get(j)) {
            j += 1;
        }
        let mut eol = j;
        if j < n {
            eol = if d.get(j) == 0x0d && j + 1 < n && d.get(j + 1) == 0x0a { j + 2 } else { j + 1 };
        }
        out.push(str_substring(s, i, if keep { eol } else { j }));
        i = eol;
    }
    Ok(new_list(out))
}

// ---- stripping ----

/// Whether a Latin-1 character is whitespace (`str.isspace`: TAB..CR, FS..US, space, NEL, NBSP).
#[inline]
fn is_latin1_space(c: u8) -> bool {
    matches!(c, 9..=13 | 28..=32 | 0x85 | 0xA0)
}

/// The bounds of `b` left after stripping the bytes `strip` accepts from the chosen ends.
#[inline]
fn strip_bounds(b: &[u8], left: bool, right: bool, strip: impl Fn(u8) -> bool) -> (usize, usize) {
    let (mut i, mut e) = (0, b.len());
    if left {
        while i < e && strip(b[i]) {
            i += 1;
        }
    }
    if right {
        while e > i && strip(b[e - 1]) {
            e -= 1;
        }
    }
    (i, e)
}

fn strip_common(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    left: bool,
    right: bool,
) -> PyResult<Object> {
    let s = me(s);
    if kw.is_some() {
        Args::new(args, kw).no_kw_at_all(&format!("str.{name}"))?;
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let chars = match args.first() {
        Some(c) if !is_none(c.as_ref()) => Some(
            Str::new(c.as_ref())
                .ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?,
        ),
        _ => None,
    };
    let d = s.data();
    if let StrData::Latin1(b) = d {
        // One-byte text: whitespace by a match, a few Latin-1 characters by a scan of them,
        // anything else by a byte set.
        let few = match chars.map(|cs| cs.data()) {
            Some(StrData::Latin1(cs)) if cs.len() <= 8 => Some(cs),
            _ => None,
        };
        let (i, e) = if chars.is_none() {
            strip_bounds(b, left, right, is_latin1_space)
        } else if let Some(cs) = few {
            strip_bounds(b, left, right, |c| cs.contains(&c))
        } else {
            let mut set = [false; 256];
            for c in chars.expect("chars").data().iter() {
                if c < 256 {
                    set[c as usize] = true;
                }
            }
            strip_bounds(b, left, right, |c| set[c as usize])
        };
        return Ok(str_substring(s, i, e));
    }
    let strip_it = |c: u32| match chars {
        Some(set) => set.data().iter().any(|x| x == c),
        None => uc::is_space(c),
    };
    let (mut i, mut e) = (0, d.len());
    if left {
        while i < e && strip_it(d.get(i)) {
            i += 1;
        }
    }
    if right {
        while e > i && strip_it(d.get(e - 1)) {
            e -= 1;
        }
    }
    Ok(str_substring(s, i, e))
}

fn strip(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    strip_common("strip", s, args, kw, true, true)
}

fn lstrip(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    strip_common("lstrip", s, args, kw, true, false)
}

fn rstrip(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    strip_common("rstrip", s, args, kw, false, true)
}

fn one_str_arg<'a>(
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'_>>,
    what: &str,
) -> PyResult<Str<'a>> {
    let a = Args::new(args, kw);
    a.check_method("str", name, 1, 1)?;
    str_arg(&args[0], what)
}

fn partition_common(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    rev: bool,
) -> PyResult<Object> {
    let s = me(s);
    let sep = one_str_arg(name, args, kw, "")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let n = s.len();
    let empty = || new_str_from_latin1(b"");
    Ok(new_tuple(match find_units(s.data(), sep.data(), 0, n, rev) {
        Some(p) => vec![
            str_substring(s, 0, p),
            sep.object().to_owned_exact(),
            str_substring(s, p + sep.len(), n),
        ],
        None if rev => vec![empty(), empty(), str_substring(s, 0, n)],
        None => vec![str_substring(s, 0, n), empty(), empty()],
    }))
}

trait ExactStr {
    fn to_owned_exact(self) -> Object;
}

impl ExactStr for ObjectRef<'_> {
    /// The object itself when it is an exact str, else a plain str copy.
    fn to_owned_exact(self) -> Object {
        let s = Str::new(self).expect("a str");
        str_substring(s, 0, s.len())
    }
}

fn partition(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    partition_common("partition", s, args, kw, false)
}

fn rpartition(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    partition_common("rpartition", s, args, kw, true)
}

fn removeprefix(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
    let p = one_str_arg("removeprefix", args, kw, "removeprefix() argument ")?;
    let n = s.len();
    Ok(if matches_at(s.data(), p.data(), 0) {
        str_substring(s, p.len(), n)
    } else {
        str_substring(s, 0, n)
    })
}

fn removesuffix(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
    let p = one_str_arg("removesuffix", args, kw, "removesuffix() argument ")?;
    let n = s.len();
    Ok(if !p.is_empty() && n >= p.len() && matches_at(s.data(), p.data(), n - p.len()) {
        str_substring(s, 0, n - p.len())
    } else {
        str_substring(s, 0, n)
    })
}

// ---- building ----

fn check_len(n: usize) -> PyResult<()> {
    if n > isize::MAX as usize / 4 {
        return Err(PyErr::overflow_error("string is too large"));
    }
    Ok(())
}

fn replace(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
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
    let old = Str::new(a.pos[0].as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "replace() argument 1 must be str, not {}",
            a.pos[0].type_().name()
        ))
    })?;
    let new = Str::new(a.pos[1].as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "replace() argument 2 must be str, not {}",
            a.pos[1].type_().name()
        ))
    })?;
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
    let d = s.data();
    let n = d.len();
    let k = count_units(d, old.data(), 0, n, max);
    if k == 0 {
        return Ok(str_substring(s, 0, n));
    }
    let total = (n - k * old.len()).checked_add(k.checked_mul(new.len()).unwrap_or(usize::MAX));
    check_len(total.unwrap_or(usize::MAX))?;
    if let (StrData::Latin1(hb), StrData::Latin1(ob), StrData::Latin1(nb)) =
        (d, old.data(), new.data())
        && !ob.is_empty()
    {
        // One-byte text: byte copies between the matches memmem finds.
        let mut out: Vec<u8> = Vec::new();
        out.try_reserve_exact(total.unwrap_or(0)).map_err(|_| PyErr::memory_error())?;
        let mut i = 0;
        for p in memchr::memmem::find_iter(hb, ob).take(k) {
            out.extend_from_slice(&hb[i..p]);
            out.extend_from_slice(nb);
            i = p + ob.len();
        }
        out.extend_from_slice(&hb[i..]);
        return Ok(if s.is_ascii() && new.is_ascii() {
            crate::types::str::new_str_from_ascii(&out)
        } else {
            new_str_from_latin1(&out)
        });
    }
    let mut out: Vec<u32> = Vec::new();
    out.try_reserve(total.unwrap_or(0)).map_err(|_| PyErr::memory_error())?;
    if old.is_empty() {
        // Insert `new` before every code point (and at the end), `k` times in all.
        let mut done = 0;
        for i in 0..=n {
            if done < k {
                out.extend(new.data().iter());
                done += 1;
            }
            if i < n {
                out.push(d.get(i));
            }
        }
    } else {
        let mut i = 0;
        for _ in 0..k {
            let p = find_units(d, old.data(), i, n, false).expect("counted");
            out.extend((i..p).map(|j| d.get(j)));
            out.extend(new.data().iter());
            i = p + old.len();
        }
        out.extend((i..n).map(|j| d.get(j)));
    }
    Ok(new_str_from_code_points(&out))
}

fn expandtabs(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
    let mut a = Args::new(args, kw);
    let tab_kw = a.take_kw("tabsize");
    a.no_kw("expandtabs")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "expandtabs() takes at most 1 argument ({} given)",
            a.pos.len()
        )));
    }
    let tab = match a.pos.first().or(tab_kw) {
        Some(t) => ops::index_value(t.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                t.type_().name()
            ))
        })?,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col: usize = 0;
    for c in s.data().iter() {
        if c == 0x09 {
            if tab > 0 {
                let fill = tab as usize - col % tab as usize;
                check_len(out.len() + fill)?;
                out.extend(std::iter::repeat_n(0x20, fill));
                col += fill;
            }
        } else {
            out.push(c);
            col += 1;
            if c == 0x0a || c == 0x0d {
                col = 0;
            }
        }
    }
    Ok(new_str_from_code_points(&out))
}

/// `(width, fillchar)` of `ljust`/`rjust`/`center`.
fn pad(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    how: u8,
) -> PyResult<Object> {
    let s = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 2 arguments, got {}", args.len())
        }));
    }
    let width = ops::index_value(args[0].as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        ))
    })?;
    let fill = match args.get(1) {
        Some(f) => match Str::new(f.as_ref()) {
            Some(f) if f.len() == 1 => f.char_at(0),
            Some(_) => {
                return Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    f.type_().name()
                )));
            }
        },
        None => 0x20,
    };
    let n = s.len();
    if width <= n as isize {
        return Ok(str_substring(s, 0, n));
    }
    let width = width as usize;
    check_len(width)?;
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
    out.extend(s.data().iter());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_str_from_code_points(&out))
}

fn ljust(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pad("ljust", s, args, kw, 0)
}

fn rjust(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    pad("rjust", s, args, kw, 1)
}

fn center(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    pad("center", s, args, kw, 2)
}

fn zfill(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let s = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all("str.zfill")?;
    a.count("str.zfill", 1, 1)?;
    let width = ops::index_value(args[0].as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        ))
    })?;
    let n = s.len();
    if width <= n as isize {
        return Ok(str_substring(s, 0, n));
    }
    let width = width as usize;
    check_len(width)?;
    let d = s.data();
    let mut out = Vec::new();
    out.try_reserve(width).map_err(|_| PyErr::memory_error())?;
    let mut rest = 0;
    if n > 0 && (d.get(0) == 0x2b || d.get(0) == 0x2d) {
        out.push(d.get(0));
        rest = 1;
    }
    out.extend(std::iter::repeat_n(0x30, width - n));
    out.extend((rest..n).map(|i| d.get(i)));
    Ok(new_str_from_code_points(&out))
}

// ---- translate / maketrans ----

/// `str.maketrans(x[, y[, z]])`: the `{code point: replacement}` dict `translate` takes.
fn maketrans(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("maketrans")?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {}", args.len())
        }));
    }
    let out = crate::types::dict::new_dict();
    let d = crate::types::dict::as_dict(out.as_ref()).expect("dict");
    if args.len() == 1 {
        let Some(src) = crate::types::dict::as_dict(args[0].as_ref()) else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in src.items() {
            let key = if let Some(s) = Str::new(k.as_ref()) {
                if s.len() != 1 {
                    return Err(PyErr::value_error(
                        "string keys in translatetable must be of length 1",
                    ));
                }
                new_int_i64(s.char_at(0) as i64)
            } else if crate::types::int::int_value(k.as_ref()).is_some() {
                k
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table mustbe strings or integers",
                ));
            };
            d.set_item(key, v)?;
        }
        return Ok(out);
    }
    let arg = |i: usize| -> PyResult<Str<'_>> {
        Str::new(args[i].as_ref()).ok_or_else(|| {
            PyErr::type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                args[i].type_().name()
            ))
        })
    };
    let (x, y) = (arg(0)?, arg(1)?);
    let z = if args.len() == 3 { Some(arg(2)?) } else { None };
    if x.len() != y.len() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.data().iter().zip(y.data().iter()) {
        d.set_item(new_int_i64(a as i64), new_int_i64(b as i64))?;
    }
    if let Some(z) = z {
        for c in z.data().iter() {
            d.set_item(new_int_i64(c as i64), crate::types::singletons::none())?;
        }
    }
    Ok(out)
}

fn translate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = me(s);
    let a = Args::new(args, kw);
    a.no_kw_at_all("str.translate")?;
    a.count("str.translate", 1, 1)?;
    let table = args[0].as_ref();
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    for c in s.data().iter() {
        let r = match ops::getitem(table, new_int_i64(c as i64).as_ref()) {
            Ok(r) => r,
            Err(e) if e.matches(&crate::types::exceptions::LOOKUP_ERROR) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if is_none(r.as_ref()) {
            continue;
        }
        if let Some(t) = Str::new(r.as_ref()) {
            out.extend(t.data().iter());
        } else if crate::types::int::int_value(r.as_ref()).is_some() {
            match ops::index_value(r.as_ref())? {
                Some(v) if (0..0x110000).contains(&v) => out.push(v as u32),
                _ => {
                    return Err(PyErr::value_error("character mapping must be in range(0x110000)"));
                }
            }
        } else {
            return Err(PyErr::type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(new_str_from_code_points(&out))
}

pub(crate) fn register_translate() {
    let ty = &STR_TYPE.0;
    let _ =
        register_static_attr(ty, "translate", new_method_descriptor(ty, "translate", translate));
    let mt = crate::types::function::new_builtin_function("maketrans", maketrans);
    let _ = register_static_attr(ty, "maketrans", crate::types::descriptors::new_staticmethod(mt));
}
