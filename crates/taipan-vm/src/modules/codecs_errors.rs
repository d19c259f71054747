//! The codec error handlers, shared by every codec (`str.encode`, `bytes.decode`, `_codecs`'
//! functions, `_io`): the registry of named handlers (`codecs.register_error` /
//! `lookup_error`), the eight built-in ones (`strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`, `surrogateescape`,
//! `surrogatepass`) as native fast paths and as the callables `lookup_error` returns, and the
//! calls to a user handler with a `UnicodeEncodeError`/`UnicodeDecodeError` and the checks of
//! what it returns, with CPython's messages.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::exceptions::{
    UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR, UNICODE_TRANSLATE_ERROR,
};
use crate::types::int::new_int_i64;
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::tuple::{new_tuple, tuple_items};

/// Handlers registered with `codecs.register_error`, by name.
static USER: crate::gil::GilLazy<RefCell<HashMap<String, Object>>> =
    crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));
/// The callables of the built-in handlers, made on first `lookup_error`.
static BUILTIN_FNS: crate::gil::GilLazy<RefCell<HashMap<&'static str, Object>>> =
    crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));

/// The built-in handlers, by name.
pub(crate) const BUILTIN_NAMES: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "backslashreplace",
    "xmlcharrefreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// What an encode error handler gives back: text to encode in place of the bad characters, or
/// bytes to copy as they are.
pub(crate) enum EncRepl {
    Str(Vec<u32>),
    Bytes(Vec<u8>),
}

/// Why a built-in handler gave no replacement.
enum Refusal {
    /// Raise the codec's own exception (strict, or a handler that cannot fix this error).
    Raise,
    /// The handler does not handle this kind of error (CPython's TypeError).
    WrongKind,
}

fn wrong_kind(exc_type: &str) -> PyErr {
    PyErr::type_error(format!("don't know how to handle {exc_type} in error callback"))
}

fn unknown_handler(name: &str) -> PyErr {
    PyErr::new(
        &crate::types::exceptions::LOOKUP_ERROR,
        format!("unknown error handler name '{name}'"),
    )
}

/// A `UnicodeEncodeError(codec, object, start, end, reason)` as CPython builds it.
pub(crate) fn encode_exc(
    codec: &str,
    cps: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    exc_from_args(
        &UNICODE_ENCODE_ERROR,
        vec![
            new_str(codec),
            new_str_from_code_points(cps),
            new_int_i64(start as i64),
            new_int_i64(end as i64),
            new_str(reason),
        ],
    )
}

/// A `UnicodeDecodeError(codec, object, start, end, reason)` as CPython builds it.
pub(crate) fn decode_exc(
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    exc_from_args(
        &UNICODE_DECODE_ERROR,
        vec![
            new_str(codec),
            new_bytes(data),
            new_int_i64(start as i64),
            new_int_i64(end as i64),
            new_str(reason),
        ],
    )
}

fn exc_from_args(ty: &'static crate::types::typeobject::StaticType, args: Vec<Object>) -> PyErr {
    match crate::ops::call(ty.0.as_object(), &args, None) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

fn escape_cp(c: u32, out: &mut Vec<u32>) {
    let text = if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend(text.bytes().map(u32::from));
}

/// Which UTF flavour a codec name is, for `surrogatepass`: bytes per unit and big-endianness.
fn utf_flavour(codec: &str) -> Option<(usize, bool)> {
    let n: String = codec.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" => (1, false),
        "utf-16" | "utf-16-le" | "utf-16le" => (2, false),
        "utf-16-be" | "utf-16be" => (2, true),
        "utf-32" | "utf-32-le" | "utf-32le" => (4, false),
        "utf-32-be" | "utf-32be" => (4, true),
        _ => return None,
    })
}

/// A built-in handler applied to an encode error on `cps[start..end]`.
fn builtin_encode(
    name: &str,
    codec: &str,
    cps: &[u32],
    start: usize,
    end: usize,
) -> Result<(EncRepl, usize), Refusal> {
    let bad = &cps[start..end];
    let repl = match name {
        "ignore" => EncRepl::Str(Vec::new()),
        "replace" => EncRepl::Str(vec!['?' as u32; bad.len()]),
        "xmlcharrefreplace" => {
            let mut v = Vec::new();
            for &c in bad {
                v.extend(format!("&#{c};").bytes().map(u32::from));
            }
            EncRepl::Str(v)
        }
        "backslashreplace" => {
            let mut v = Vec::new();
            for &c in bad {
                escape_cp(c, &mut v);
            }
            EncRepl::Str(v)
        }
        "namereplace" => {
            let mut v = Vec::new();
            for &c in bad {
                match taipan_common::unicode_names::name(c) {
                    Some(n) => v.extend(format!("\\N{{{n}}}").bytes().map(u32::from)),
                    None => escape_cp(c, &mut v),
                }
            }
            EncRepl::Str(v)
        }
        "surrogateescape" => {
            let mut v = Vec::new();
            for &c in bad {
                if !(0xdc80..=0xdcff).contains(&c) {
                    return Err(Refusal::Raise);
                }
                v.push((c - 0xdc00) as u8);
            }
            EncRepl::Bytes(v)
        }
        "surrogatepass" => {
            let Some((width, be)) = utf_flavour(codec) else { return Err(Refusal::Raise) };
            let mut v = Vec::new();
            for &c in bad {
                if !(0xd800..=0xdfff).contains(&c) {
                    return Err(Refusal::Raise);
                }
                match (width, be) {
                    (1, _) => v.extend([
                        0xe0 | (c >> 12) as u8,
                        0x80 | ((c >> 6) & 0x3f) as u8,
                        0x80 | (c & 0x3f) as u8,
                    ]),
                    (2, false) => v.extend((c as u16).to_le_bytes()),
                    (2, true) => v.extend((c as u16).to_be_bytes()),
                    (_, false) => v.extend(c.to_le_bytes()),
                    (_, true) => v.extend(c.to_be_bytes()),
                }
            }
            EncRepl::Bytes(v)
        }
        _ => return Err(Refusal::Raise),
    };
    Ok((repl, end))
}

/// A built-in handler applied to a decode error on `data[start..end]`.
fn builtin_decode(
    name: &str,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
) -> Result<(Vec<u32>, usize), Refusal> {
    match name {
        "ignore" => Ok((Vec::new(), end)),
        "replace" => Ok((vec![0xfffd], end)),
        "backslashreplace" => {
            let mut v = Vec::new();
            for &b in &data[start..end] {
                v.extend(format!("\\x{b:02x}").bytes().map(u32::from));
            }
            Ok((v, end))
        }
        "surrogateescape" => {
            let mut v = Vec::new();
            // CPython converts at most 4 bytes and stops at the first ASCII one.
            let mut p = start;
            while p < end && p < start + 4 {
                let b = data[p];
                if b < 128 {
                    break;
                }
                v.push(0xdc00 + b as u32);
                p += 1;
            }
            if v.is_empty() {
                return Err(Refusal::Raise);
            }
            Ok((v, p))
        }
        "surrogatepass" => {
            let Some((width, be)) = utf_flavour(codec) else { return Err(Refusal::Raise) };
            let c = match width {
                1 => {
                    let s = data.get(start..start + 3).ok_or(Refusal::Raise)?;
                    if s[0] & 0xf0 != 0xe0 || s[1] & 0xc0 != 0x80 || s[2] & 0xc0 != 0x80 {
                        return Err(Refusal::Raise);
                    }
                    ((s[0] as u32 & 0x0f) << 12)
                        | ((s[1] as u32 & 0x3f) << 6)
                        | (s[2] as u32 & 0x3f)
                }
                2 => {
                    let s = data.get(start..start + 2).ok_or(Refusal::Raise)?;
                    let b = [s[0], s[1]];
                    (if be { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }) as u32
                }
                _ => {
                    let s = data.get(start..start + 4).ok_or(Refusal::Raise)?;
                    let b = [s[0], s[1], s[2], s[3]];
                    if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) }
                }
            };
            if !(0xd800..=0xdfff).contains(&c) {
                return Err(Refusal::Raise);
            }
            Ok((vec![c], start + if width == 1 { 3 } else { width }))
        }
        "xmlcharrefreplace" | "namereplace" => Err(Refusal::WrongKind),
        _ => Err(Refusal::Raise),
    }
}

/// The handler registered as `name` by Python code, if any.
fn user_handler(name: &str) -> Option<Object> {
    USER.with(|u| u.borrow().get(name).cloned())
}

fn is_builtin(name: &str) -> bool {
    BUILTIN_NAMES.contains(&name)
}

/// The new position a handler returned, made absolute and checked against `len`.
fn handler_position(pos: &Object, len: usize) -> PyResult<usize> {
    let p = crate::ops::index_value(pos.as_ref())?.unwrap_or(0);
    let abs = if p < 0 { p + len as isize } else { p };
    if abs < 0 || abs as usize > len {
        return Err(PyErr::index_error(format!("position {p} from error handler out of bounds")));
    }
    Ok(abs as usize)
}

/// Calls a Python handler and checks that it returned `(str or bytes, int)` (`allow_bytes`
/// for encoding), or `(str, int)` for decoding.
fn call_user(handler: &Object, exc: PyErr, allow_bytes: bool) -> PyResult<(Object, Object)> {
    let r = crate::ops::call(handler.as_ref(), &[exc.into_instance()], None)?;
    let msg = if allow_bytes {
        "encoding error handler must return (str/bytes, int) tuple"
    } else {
        "decoding error handler must return (str, int) tuple"
    };
    let items = tuple_items(r.as_ref()).ok_or_else(|| PyErr::type_error(msg))?;
    if items.len() != 2
        || crate::types::int::int_value(items[1].as_ref()).is_none()
        || !(Str::new(items[0].as_ref()).is_some()
            || allow_bytes && bytes_data(items[0].as_ref()).is_some())
    {
        return Err(PyErr::type_error(msg));
    }
    Ok((items[0].clone(), items[1].clone()))
}

/// Handles an encode error on `cps[start..end]` with the handler `errors`: the replacement and
/// the position to go on from.
pub(crate) fn handle_encode(
    errors: &str,
    codec: &str,
    cps: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<(EncRepl, usize)> {
    if let Some(h) = user_handler(errors) {
        let (r, pos) = call_user(&h, encode_exc(codec, cps, start, end, reason), true)?;
        let pos = handler_position(&pos, cps.len())?;
        let repl = match Str::new(r.as_ref()) {
            Some(s) => EncRepl::Str(s.data().iter().collect()),
            None => EncRepl::Bytes(bytes_data(r.as_ref()).unwrap_or(&[]).to_vec()),
        };
        return Ok((repl, pos));
    }
    if errors == "strict" {
        return Err(encode_exc(codec, cps, start, end, reason));
    }
    if !is_builtin(errors) {
        return Err(unknown_handler(errors));
    }
    builtin_encode(errors, codec, cps, start, end)
        .map_err(|_| encode_exc(codec, cps, start, end, reason))
}

/// Handles a decode error on `data[start..end]` with the handler `errors`: appends the
/// replacement to `out` and returns the position to go on from.
pub(crate) fn handle_decode(
    errors: &str,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut Vec<u32>,
) -> PyResult<usize> {
    if errors == "strict" && user_handler("strict").is_none() {
        return Err(decode_exc(codec, data, start, end, reason));
    }
    if let Some(h) = user_handler(errors) {
        let (r, pos) = call_user(&h, decode_exc(codec, data, start, end, reason), false)?;
        out.extend(Str::new(r.as_ref()).expect("checked").data().iter());
        return handler_position(&pos, data.len());
    }
    if !is_builtin(errors) {
        return Err(unknown_handler(errors));
    }
    match builtin_decode(errors, codec, data, start, end) {
        Ok((v, pos)) => {
            out.extend(v);
            Ok(pos)
        }
        Err(Refusal::Raise) => Err(decode_exc(codec, data, start, end, reason)),
        Err(Refusal::WrongKind) => Err(wrong_kind("UnicodeDecodeError")),
    }
}

// ----- the Python-visible side: register_error, lookup_error and the built-in callables -----

/// `codecs.register_error(name, handler)`.
pub(crate) fn register_error(name: &str, handler: Object) -> PyResult<()> {
    if handler.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("handler must be callable"));
    }
    USER.with(|u| u.borrow_mut().insert(name.to_string(), handler));
    Ok(())
}

/// `codecs._unregister_error(name)`: whether a handler was removed.
pub(crate) fn unregister_error(name: &str) -> PyResult<bool> {
    if is_builtin(name) {
        return Err(PyErr::value_error(format!(
            "cannot un-register built-in error handler '{name}'"
        )));
    }
    Ok(USER.with(|u| u.borrow_mut().remove(name).is_some()))
}

/// `codecs.lookup_error(name)`.
pub(crate) fn lookup_error(name: &str) -> PyResult<Object> {
    if let Some(h) = user_handler(name) {
        return Ok(h);
    }
    let Some(&canon) = BUILTIN_NAMES.iter().find(|n| **n == name) else {
        return Err(unknown_handler(name));
    };
    Ok(BUILTIN_FNS.with(|b| {
        b.borrow_mut()
            .entry(canon)
            .or_insert_with(|| {
                let (fname, f): (&'static str, crate::types::function::NativeFn) = match canon {
                    "strict" => ("strict_errors", strict_errors),
                    "ignore" => ("ignore_errors", ignore_errors),
                    "replace" => ("replace_errors", replace_errors),
                    "backslashreplace" => ("backslashreplace_errors", backslashreplace_errors),
                    "xmlcharrefreplace" => ("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
                    "namereplace" => ("namereplace_errors", namereplace_errors),
                    "surrogateescape" => ("surrogateescape", surrogateescape_errors),
                    _ => ("surrogatepass", surrogatepass_errors),
                };
                crate::types::function::new_builtin_function(fname, f)
            })
            .clone()
    }))
}

/// The fields of a UnicodeError instance a handler works on.
struct ExcView {
    kind: Kind,
    encoding: String,
    cps: Vec<u32>,
    data: Vec<u8>,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn one_exc_arg(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    Ok(a.pos[0].clone())
}

fn view(exc: &Object) -> PyResult<ExcView> {
    let o = exc.as_ref();
    let ty = o.type_();
    let kind = if ty.is_subtype(&UNICODE_ENCODE_ERROR.0) {
        Kind::Encode
    } else if ty.is_subtype(&UNICODE_DECODE_ERROR.0) {
        Kind::Decode
    } else if ty.is_subtype(&UNICODE_TRANSLATE_ERROR.0) {
        Kind::Translate
    } else if ty.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0) {
        return Err(wrong_kind(ty.name()));
    } else {
        return Err(PyErr::type_error("codec must pass exception instance"));
    };
    let get = |n: &str| crate::attr::getattr(o, crate::types::str::intern(n).as_ref());
    let object = get("object")?;
    let mut cps = Vec::new();
    let mut data = Vec::new();
    if kind == Kind::Decode {
        data = crate::builtins::bytesmethods::bytes_like(object.as_ref())
            .ok_or_else(|| PyErr::type_error("object attribute must be bytes"))?
            .to_vec();
    } else {
        cps = Str::new(object.as_ref())
            .ok_or_else(|| PyErr::type_error("object attribute must be unicode"))?
            .data()
            .iter()
            .collect();
    }
    let len = if kind == Kind::Decode { data.len() } else { cps.len() };
    let clamp = |v: Object| -> PyResult<usize> {
        let i = crate::ops::index_value(v.as_ref())?.unwrap_or(0);
        Ok(i.clamp(0, len as isize) as usize)
    };
    let start = clamp(get("start")?)?;
    let end = clamp(get("end")?)?.max(start);
    let encoding = if kind == Kind::Translate {
        String::new()
    } else {
        crate::ops::str_string(get("encoding")?.as_ref())?
    };
    Ok(ExcView { kind, encoding, cps, data, start, end })
}

fn result(repl: Object, pos: usize) -> Object {
    new_tuple(vec![repl, new_int_i64(pos as i64)])
}

fn repl_object(r: EncRepl) -> Object {
    match r {
        EncRepl::Str(v) => new_str_from_code_points(&v),
        EncRepl::Bytes(b) => new_bytes(&b),
    }
}

/// Runs the built-in handler `name` on the exception of a Python call.
fn run_builtin(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    fname: &str,
) -> PyResult<Object> {
    let exc = one_exc_arg(fname, args, kw)?;
    let v = view(&exc)?;
    let raise = || PyErr::from_instance(exc.clone());
    match v.kind {
        Kind::Encode => match builtin_encode(name, &v.encoding, &v.cps, v.start, v.end) {
            Ok((r, pos)) => Ok(result(repl_object(r), pos)),
            Err(_) => Err(raise()),
        },
        Kind::Decode => match builtin_decode(name, &v.encoding, &v.data, v.start, v.end) {
            Ok((r, pos)) => Ok(result(new_str_from_code_points(&r), pos)),
            Err(Refusal::Raise) => Err(raise()),
            Err(Refusal::WrongKind) => Err(wrong_kind("UnicodeDecodeError")),
        },
        Kind::Translate => match name {
            "ignore" => Ok(result(new_str(""), v.end)),
            "replace" => {
                Ok(result(new_str_from_code_points(&vec![0xfffd; v.end - v.start]), v.end))
            }
            "backslashreplace" => {
                let mut out = Vec::new();
                for &c in &v.cps[v.start..v.end] {
                    escape_cp(c, &mut out);
                }
                Ok(result(new_str_from_code_points(&out), v.end))
            }
            _ => Err(wrong_kind("UnicodeTranslateError")),
        },
    }
}

fn strict_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let exc = one_exc_arg("strict_errors", args, kw)?;
    if exc.type_().is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0) {
        Err(PyErr::from_instance(exc))
    } else {
        Err(PyErr::type_error("codec must pass exception instance"))
    }
}

fn ignore_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    run_builtin("ignore", args, kw, "ignore_errors")
}

fn replace_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    run_builtin("replace", args, kw, "replace_errors")
}

fn backslashreplace_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    run_builtin("backslashreplace", args, kw, "backslashreplace_errors")
}

fn xmlcharrefreplace_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    encode_only("xmlcharrefreplace", args, kw, "xmlcharrefreplace_errors")
}

fn namereplace_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    encode_only("namereplace", args, kw, "namereplace_errors")
}

fn encode_only(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    fname: &str,
) -> PyResult<Object> {
    let exc = one_exc_arg(fname, args, kw)?;
    let v = view(&exc)?;
    match v.kind {
        Kind::Encode => run_builtin(name, args, kw, fname),
        Kind::Decode => Err(wrong_kind("UnicodeDecodeError")),
        Kind::Translate => Err(wrong_kind("UnicodeTranslateError")),
    }
}

fn surrogateescape_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let exc = one_exc_arg("surrogateescape", args, kw)?;
    if view(&exc)?.kind == Kind::Translate {
        return Err(wrong_kind("UnicodeTranslateError"));
    }
    run_builtin("surrogateescape", args, kw, "surrogateescape")
}

fn surrogatepass_errors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let exc = one_exc_arg("surrogatepass", args, kw)?;
    if view(&exc)?.kind == Kind::Translate {
        return Err(wrong_kind("UnicodeTranslateError"));
    }
    run_builtin("surrogatepass", args, kw, "surrogatepass")
}
