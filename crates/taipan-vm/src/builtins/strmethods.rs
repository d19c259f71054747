//! More `str` methods (`rsplit`, `find` with bounds, predicates, `partition`, ...) and
//! `str % args` (printf-style formatting on `taipan_common::float_fmt`'s cores).

use taipan_common::float_fmt::{
    PercentFlags, percent_format_char, percent_format_float, percent_format_int, percent_pad_str,
};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::float::float_value;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::new_list;
use crate::types::singletons::is_none;
use crate::types::str::{STR_TYPE, Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::register_static_attr;

pub(crate) fn register() {
    let m: &[(&'static str, NativeFn)] = &[
        ("rsplit", rsplit),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("expandtabs", expandtabs),
        ("partition", partition),
        ("rpartition", rpartition),
        ("format_map", format_map),
    ];
    for (n, f) in m {
        let _ = register_static_attr(&STR_TYPE.0, n, new_method_descriptor(&STR_TYPE.0, n, *f));
    }
}

fn chars_of(s: Option<ObjectRef<'_>>) -> Vec<char> {
    Str::new(s.expect("self")).map(|s| s.to_string_lossy()).unwrap_or_default().chars().collect()
}

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

fn str_arg(o: &Object, what: &str) -> PyResult<Vec<char>> {
    match Str::new(o.as_ref()) {
        Some(s) => Ok(s.to_string_lossy().chars().collect()),
        None => Err(PyErr::type_error(format!("{what} must be str, not {}", o.type_().name()))),
    }
}

/// `start`/`end` arguments clamped like slice bounds.
fn bounds(len: usize, args: &[Object], from: usize) -> PyResult<(usize, usize)> {
    let get = |i: usize, default: isize| -> PyResult<isize> {
        match args.get(i) {
            Some(o) if !is_none(o.as_ref()) => Ok(ops::index_value_clamped(o.as_ref())?
                .ok_or_else(|| {
                    PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )
                })?),
            _ => Ok(default),
        }
    };
    let n = len as isize;
    let fix = |v: isize| if v < 0 { (v + n).max(0) } else { v.min(n) } as usize;
    // A start past the end stays past it (so `find("", 100)` is -1), an end is clamped.
    let start = get(from, 0)?;
    let start = if start < 0 { (start + n).max(0) as usize } else { start as usize };
    Ok((start, fix(get(from + 1, n)?)))
}

fn find_in(hay: &[char], needle: &[char], start: usize, end: usize, rev: bool) -> Option<usize> {
    if start > end || end - start < needle.len() {
        return if needle.is_empty() && start <= end {
            Some(if rev { end } else { start })
        } else {
            None
        };
    }
    let last = end - needle.len();
    if rev {
        (start..=last).rev().find(|&i| hay[i..i + needle.len()] == *needle)
    } else {
        (start..=last).find(|&i| hay[i..i + needle.len()] == *needle)
    }
}

fn find_common(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    name: &str,
    rev: bool,
) -> PyResult<Option<usize>> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let hay = chars_of(s);
    let needle = str_arg(&args[0], &format!("{name}() argument 1"))?;
    let (start, end) = bounds(hay.len(), args, 1)?;
    Ok(find_in(&hay, &needle, start, end, rev))
}

fn find(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common(s, args, kw, "find", false)?.map_or(-1, |i| i as i64)))
}

fn rfind(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(find_common(s, args, kw, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn index(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match find_common(s, args, kw, "index", false)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn rindex(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match find_common(s, args, kw, "rindex", true)? {
        Some(i) => Ok(new_int_i64(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn count(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("count")?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "count expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let hay = chars_of(s);
    let needle = str_arg(&args[0], "must be str, not")?;
    let (start, end) = bounds(hay.len(), args, 1)?;
    if start > end {
        return Ok(new_int_i64(0));
    }
    if needle.is_empty() {
        return Ok(new_int_i64((end - start + 1) as i64));
    }
    let mut n = 0;
    let mut i = start;
    while i + needle.len() <= end {
        if hay[i..i + needle.len()] == *needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    Ok(new_int_i64(n))
}

fn rsplit(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let sep_kw = a.take_kw("sep").cloned();
    let max_kw = a.take_kw("maxsplit").cloned();
    a.no_kw("rsplit")?;
    let t = text(s.expect("self"));
    let sep = a.pos.first().cloned().or(sep_kw).filter(|v| !is_none(v.as_ref()));
    let maxsplit = match a.pos.get(1).cloned().or(max_kw) {
        Some(m) => ops::index_value(m.as_ref())?.unwrap_or(-1),
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end();
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out
        }
        Some(sep) => {
            let sep: String = str_arg(&sep, "sep")?.into_iter().collect();
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            t.rsplitn(limit.saturating_add(1), sep.as_str()).map(str::to_string).collect()
        }
    };
    parts.reverse();
    Ok(new_list(parts.iter().map(|p| new_str(p)).collect()))
}

fn removeprefix(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("removeprefix", 1, 1)?;
    let t: String = chars_of(s).into_iter().collect();
    let p: String = str_arg(&args[0], "removeprefix() argument")?.into_iter().collect();
    Ok(new_str(t.strip_prefix(p.as_str()).unwrap_or(&t)))
}

fn removesuffix(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("removesuffix", 1, 1)?;
    let t: String = chars_of(s).into_iter().collect();
    let p: String = str_arg(&args[0], "removesuffix() argument")?.into_iter().collect();
    Ok(new_str(t.strip_suffix(p.as_str()).unwrap_or(&t)))
}

fn expandtabs(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let ts_kw = a.take_kw("tabsize").cloned();
    let tabsize = match a.pos.first().cloned().or(ts_kw) {
        Some(t) => ops::index_value(t.as_ref())?.unwrap_or(8),
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0usize;
    for c in chars_of(s) {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    out.try_reserve(n).map_err(|_| PyErr::memory_error())?;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(&out))
}

fn partition_common(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    rev: bool,
) -> PyResult<Object> {
    Args::new(args, kw).count("partition", 1, 1)?;
    let hay = chars_of(s);
    let sep = str_arg(&args[0], "must be str, not")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let st = |v: &[char]| new_str(&v.iter().collect::<String>());
    Ok(match find_in(&hay, &sep, 0, hay.len(), rev) {
        Some(i) => new_tuple(vec![st(&hay[..i]), st(&sep), st(&hay[i + sep.len()..])]),
        None if rev => new_tuple(vec![new_str(""), new_str(""), st(&hay)]),
        None => new_tuple(vec![st(&hay), new_str(""), new_str("")]),
    })
}

fn partition(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    partition_common(s, args, kw, false)
}

fn rpartition(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    partition_common(s, args, kw, true)
}

fn format_map(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("format_map", 1, 1)?;
    let Some(d) = as_dict(args[0].as_ref()) else {
        return Err(PyErr::type_error("format_map() argument must be a mapping"));
    };
    let items = d.items();
    let names: Vec<Object> = items.iter().map(|(k, _)| k.clone()).collect();
    let mut values: Vec<Object> = items.into_iter().map(|(_, v)| v).collect();
    let kwnames = new_tuple(names);
    values.shrink_to_fit();
    crate::builtins::methods::str_format_entry(s, &values, Some(kwnames.as_ref()))
}

fn fmt_err(e: taipan_common::format_spec::FormatError) -> PyErr {
    use taipan_common::format_spec::ErrorKind;
    let msg = e.message("str");
    match e.kind() {
        ErrorKind::ValueError => PyErr::value_error(msg),
        ErrorKind::OverflowError => PyErr::overflow_error(msg),
        ErrorKind::MemoryError => PyErr::memory_error(),
    }
}

/// `format % values` for a str format.
pub fn percent_format(fmt: ObjectRef<'_>, values: ObjectRef<'_>) -> PyResult<Object> {
    let f: Vec<char> = text(fmt).chars().collect();
    let mapping = as_dict(values).is_some();
    let args: Vec<Object> = match tuple_items(values) {
        Some(items) => items.to_vec(),
        None => vec![values.to_owned()],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut arg: Option<Object> = None;
        if f.get(i) == Some(&'(') {
            let close = f[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .ok_or_else(|| PyErr::value_error("incomplete format key"))?;
            let key: String = f[i + 1..close].iter().collect();
            if !mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            arg = Some(ops::getitem(values, new_str(&key).as_ref())?);
            used_mapping = true;
            i = close + 1;
        }
        let mut flags = PercentFlags::default();
        while let Some(&c) = f.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let take_arg = |next: &mut usize| -> PyResult<Object> {
            let v = args
                .get(*next)
                .cloned()
                .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
            *next += 1;
            Ok(v)
        };
        let mut width = None;
        if f.get(i) == Some(&'*') {
            let w = take_arg(&mut next)?;
            let w =
                ops::index_value(w.as_ref())?.ok_or_else(|| PyErr::type_error("* wants int"))?;
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs());
            i += 1;
        } else {
            let mut w = None;
            while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
                w = Some(w.unwrap_or(0) * 10 + d as usize);
                i += 1;
            }
            width = w.or(width);
        }
        let mut precision = None;
        if f.get(i) == Some(&'.') {
            i += 1;
            if f.get(i) == Some(&'*') {
                let p = take_arg(&mut next)?;
                precision = Some(ops::index_value(p.as_ref())?.unwrap_or(0).max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
                    p = p * 10 + d as usize;
                    i += 1;
                }
                precision = Some(p);
            }
        }
        while matches!(f.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = f.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match arg {
            Some(v) => v,
            None if mapping && args.len() == 1 => {
                used_mapping = true;
                values.to_owned()
            }
            None => take_arg(&mut next)?,
        };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = if conv == 's' {
                    ops::str_string(v.as_ref())?
                } else {
                    ops::repr_string(v.as_ref())?
                };
                percent_pad_str(&s, flags, width, precision).map_err(fmt_err)?
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let iv = match int_value(v.as_ref()) {
                    Some(x) => x.to_ibig().into_owned(),
                    None => match float_value(v.as_ref()) {
                        Some(fv) if matches!(conv, 'd' | 'i' | 'u') => {
                            taipan_common::float_ops::float_to_int(fv.trunc()).map_err(fmt_err)?
                        }
                        _ => {
                            return Err(PyErr::type_error(if matches!(conv, 'd' | 'i' | 'u') {
                                format!(
                                    "%{conv} format: a real number is required, not {}",
                                    v.type_().name()
                                )
                            } else {
                                format!(
                                    "%{conv} format: an integer is required, not {}",
                                    v.type_().name()
                                )
                            }));
                        }
                    },
                };
                let c = if conv == 'i' || conv == 'u' { 'd' } else { conv };
                percent_format_int(&iv, flags, width, precision, c, 4300).map_err(fmt_err)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let fv = match float_value(v.as_ref()) {
                    Some(x) => x,
                    None => match int_value(v.as_ref()) {
                        Some(x) => crate::types::int::int_to_f64(x)?,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "must be real number, not {}",
                                v.type_().name()
                            )));
                        }
                    },
                };
                percent_format_float(fv, flags, width, precision, conv).map_err(fmt_err)?
            }
            'c' => {
                let c = match int_value(v.as_ref()) {
                    Some(x) => percent_format_char(&x.to_ibig()).map_err(fmt_err)?,
                    None => {
                        let t = text(v.as_ref());
                        let mut cs = t.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => c as u32,
                            _ => {
                                return Err(PyErr::type_error(
                                    "%c requires an int or a unicode character, not a string of length 2",
                                ));
                            }
                        }
                    }
                };
                let s: String = char::from_u32(c).into_iter().collect();
                percent_pad_str(&s, flags, width, None).map_err(fmt_err)?
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if !used_mapping && next < args.len() {
        return Err(PyErr::type_error("not all arguments converted during string formatting"));
    }
    Ok(new_str(&out))
}
