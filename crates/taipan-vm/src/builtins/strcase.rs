//! The case methods and predicates of `str` (`lower`, `upper`, `casefold`, `swapcase`, `title`,
//! `capitalize`, `isalpha`, `isdigit`, `islower`, `istitle`, `isprintable`, ...), on the PEP 393
//! code units directly, with CPython's full case mappings and the final-sigma rule from the
//! tables in `taipan_common::unicode`. ASCII strings take byte-wise fast paths.

use taipan_common::unicode as uc;

use crate::builtins::args::Args;
use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::str::{STR_TYPE, Str, StrData, new_str_from_code_points};
use crate::types::typelookup::register_static_attr;

pub(crate) fn register() {
    let m: &[(&'static str, NativeFn)] = &[
        ("lower", lower),
        ("upper", upper),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isdecimal", isdecimal),
        ("isdigit", isdigit),
        ("isnumeric", isnumeric),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("isidentifier", isidentifier),
    ];
    for (n, f) in m {
        let _ = register_static_attr(&STR_TYPE.0, n, new_method_descriptor(&STR_TYPE.0, n, *f));
    }
}

fn me<'a>(s: Option<ObjectRef<'a>>) -> Str<'a> {
    Str::new(s.expect("self")).expect("str method on a str")
}

/// Checks that a method taking no arguments got none.
#[inline]
fn no_args(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    if args.is_empty() && kw.is_none() {
        return Ok(());
    }
    let a = Args::new(args, kw);
    a.check_method("str", name, 0, 0)
}

/// The ASCII bytes of `s`, if it is ASCII.
fn ascii_bytes(s: Str<'_>) -> Option<&[u8]> {
    if s.is_ascii() {
        if let StrData::Latin1(b) = s.data() {
            return Some(b);
        }
    }
    None
}

/// The ASCII str of `f` applied to each byte of `b` (ASCII to ASCII), written straight into a new
/// str.
fn ascii_map(b: &[u8], f: impl Fn(usize, u8) -> u8) -> Object {
    crate::types::str_build::ascii_str_with(b.len(), |out| {
        for (i, (o, &c)) in out.iter_mut().zip(b).enumerate() {
            *o = f(i, c);
        }
    })
}

/// Whether the sigma at `i` ends a word: preceded by a cased letter (skipping case-ignorable
/// code points) and not followed by one.
fn final_sigma(d: StrData<'_>, i: usize) -> bool {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        let c = d.get(j);
        if uc::is_case_ignorable(c) {
            continue;
        }
        before = uc::is_cased(c);
        break;
    }
    if !before {
        return false;
    }
    let mut k = i + 1;
    while k < d.len() {
        let c = d.get(k);
        if uc::is_case_ignorable(c) {
            k += 1;
            continue;
        }
        return !uc::is_cased(c);
    }
    true
}

/// Appends the lowercase of the code point at `i` (with the final-sigma rule).
fn push_lower_at(d: StrData<'_>, i: usize, out: &mut Vec<u32>) {
    let c = d.get(i);
    if c == 0x3a3 {
        out.push(if final_sigma(d, i) { 0x3c2 } else { 0x3c3 });
    } else {
        uc::push_lower(c, out);
    }
}

fn lower(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("lower", args, kw)?;
    let s = me(s);
    if let Some(b) = ascii_bytes(s) {
        return Ok(ascii_map(b, |_, c| c.to_ascii_lowercase()));
    }
    let d = s.data();
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        push_lower_at(d, i, &mut out);
    }
    Ok(new_str_from_code_points(&out))
}

fn upper(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("upper", args, kw)?;
    let s = me(s);
    if let Some(b) = ascii_bytes(s) {
        return Ok(ascii_map(b, |_, c| c.to_ascii_uppercase()));
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.data().iter() {
        uc::push_upper(c, &mut out);
    }
    Ok(new_str_from_code_points(&out))
}

fn casefold(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("casefold", args, kw)?;
    let s = me(s);
    if let Some(b) = ascii_bytes(s) {
        return Ok(ascii_map(b, |_, c| c.to_ascii_lowercase()));
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.data().iter() {
        uc::push_fold(c, &mut out);
    }
    Ok(new_str_from_code_points(&out))
}

fn swapcase(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("swapcase", args, kw)?;
    if let Some(b) = ascii_bytes(me(s)) {
        return Ok(ascii_map(b, |_, c| {
            if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }
        }));
    }
    let d = me(s).data();
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        let c = d.get(i);
        if uc::is_uppercase(c) {
            push_lower_at(d, i, &mut out);
        } else if uc::is_lowercase(c) {
            uc::push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Ok(new_str_from_code_points(&out))
}

fn title(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("title", args, kw)?;
    if let Some(b) = ascii_bytes(me(s)) {
        return Ok(ascii_map(b, |i, c| {
            let prev_cased = i > 0 && b[i - 1].is_ascii_alphabetic();
            if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }
        }));
    }
    let d = me(s).data();
    let mut out = Vec::with_capacity(d.len());
    let mut prev_cased = false;
    for i in 0..d.len() {
        let c = d.get(i);
        if prev_cased {
            push_lower_at(d, i, &mut out);
        } else {
            uc::push_title(c, &mut out);
        }
        prev_cased = uc::is_cased(c);
    }
    Ok(new_str_from_code_points(&out))
}

fn capitalize(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("capitalize", args, kw)?;
    if let Some(b) = ascii_bytes(me(s)) {
        return Ok(ascii_map(b, |i, c| {
            if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }
        }));
    }
    let d = me(s).data();
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        if i == 0 {
            uc::push_title(d.get(0), &mut out);
        } else {
            push_lower_at(d, i, &mut out);
        }
    }
    Ok(new_str_from_code_points(&out))
}

/// A predicate that holds for a non-empty string whose every code point satisfies `f`.
fn all_of(
    name: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    f: fn(u32) -> bool,
) -> PyResult<Object> {
    no_args(name, args, kw)?;
    let s = me(s);
    Ok(py_bool(!s.is_empty() && s.data().iter().all(f)))
}

fn isalpha(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isalpha", s, a, k, uc::is_alpha)
}

fn isalnum(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isalnum", s, a, k, uc::is_alnum)
}

fn isdecimal(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isdecimal", s, a, k, uc::is_decimal)
}

fn isdigit(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isdigit", s, a, k, uc::is_digit)
}

fn isnumeric(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isnumeric", s, a, k, uc::is_numeric)
}

fn isspace(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    all_of("isspace", s, a, k, uc::is_space)
}

fn isascii(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("isascii", a, k)?;
    Ok(py_bool(me(s).is_ascii()))
}

fn isprintable(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("isprintable", a, k)?;
    Ok(py_bool(me(s).data().iter().all(uc::is_printable)))
}

fn isidentifier(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("isidentifier", a, k)?;
    let s = me(s);
    let d = s.data();
    let mut it = d.iter();
    Ok(py_bool(match it.next() {
        Some(c) if uc::is_xid_start(c) => it.all(uc::is_xid_continue),
        _ => false,
    }))
}

fn islower(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("islower", a, k)?;
    let mut cased = false;
    for c in me(s).data().iter() {
        if uc::is_uppercase(c) || uc::is_titlecase(c) {
            return Ok(py_bool(false));
        }
        cased |= uc::is_lowercase(c);
    }
    Ok(py_bool(cased))
}

fn isupper(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("isupper", a, k)?;
    let mut cased = false;
    for c in me(s).data().iter() {
        if uc::is_lowercase(c) || uc::is_titlecase(c) {
            return Ok(py_bool(false));
        }
        cased |= uc::is_uppercase(c);
    }
    Ok(py_bool(cased))
}

fn istitle(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("istitle", a, k)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in me(s).data().iter() {
        if uc::is_uppercase(c) || uc::is_titlecase(c) {
            if prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if uc::is_lowercase(c) {
            if !prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(py_bool(cased))
}
