//! The `_codecs` module: the codec registry (search functions, the normalised-name cache,
//! `lookup`, `encode`/`decode`), the error-handler registry's Python face, and the codec
//! functions the `encodings` package calls (`utf_8_encode`, `utf_16_ex_decode`,
//! `charmap_decode`, ...), each returning CPython's `(result, consumed)` tuples. The escape,
//! charmap and UTF-7 codecs live in `codecs_escape`; the error handlers in `codecs_errors`.
//! It also serves `str.encode`/`bytes.decode`/`open()` for encodings the VM has no native codec
//! for ([`encode_text`], [`decode_text`]).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::args::Args;
use crate::builtins::codecs::{Codec, decode_ex, encode_cps};
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_bound_builtin};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::tuple::{new_tuple, tuple_items};

use super::codecs_errors;

#[derive(Default)]
struct Registry {
    /// Whether `encodings` has been imported (it registers the standard search function).
    initialised: bool,
    search: Vec<Object>,
    cache: HashMap<String, Object>,
}

static REGISTRY: crate::gil::GilLazy<RefCell<Registry>> =
    crate::gil::GilLazy::new(|| RefCell::new(Registry::default()));

fn lookup_error_exc(msg: String) -> PyErr {
    PyErr::new(&crate::types::exceptions::LOOKUP_ERROR, msg)
}

/// CPython's encoding-name normalisation for the registry: ASCII letters lowered, digits and
/// `.` kept, every run of other characters one `_` (none at either end).
pub(crate) fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `codecs.lookup(name)`: the `CodecInfo` the search functions give.
pub(crate) fn lookup(name: &str) -> PyResult<Object> {
    let first = REGISTRY.with(|r| !std::mem::replace(&mut r.borrow_mut().initialised, true));
    if first {
        crate::import::import_module("encodings", None)?;
    }
    let key = normalize_encoding(name);
    if let Some(hit) = REGISTRY.with(|r| r.borrow().cache.get(&key).cloned()) {
        return Ok(hit);
    }
    let funcs = REGISTRY.with(|r| r.borrow().search.clone());
    let key_obj = new_str(&key);
    for f in funcs {
        let r = crate::ops::call(f.as_ref(), std::slice::from_ref(&key_obj), None)?;
        if is_none(r.as_ref()) {
            continue;
        }
        if tuple_items(r.as_ref()).is_none_or(|t| t.len() != 4) {
            return Err(PyErr::type_error("codec search functions must return 4-tuples"));
        }
        REGISTRY.with(|reg| reg.borrow_mut().cache.insert(key, r.clone()));
        return Ok(r);
    }
    Err(lookup_error_exc(format!("unknown encoding: {name}")))
}

fn attr(o: ObjectRef<'_>, name: &str) -> PyResult<Object> {
    crate::attr::getattr(o, crate::types::str::intern(name).as_ref())
}

/// The codec `name` if it is a text encoding (CPython refuses `rot13` and friends in
/// `str.encode`), with the message naming `how` (`codecs.encode()`/`codecs.decode()`).
fn text_codec(name: &str, how: &str) -> PyResult<Object> {
    let info = lookup(name)?;
    if let Ok(flag) = attr(info.as_ref(), "_is_text_encoding")
        && !crate::ops::is_true(flag.as_ref())?
    {
        return Err(lookup_error_exc(format!(
            "'{name}' is not a text encoding; use {how} to handle arbitrary codecs"
        )));
    }
    Ok(info)
}

/// The `name` of the text codec `encoding` (for `open()`).
pub(crate) fn text_codec_name(encoding: &str) -> PyResult<String> {
    let info = text_codec(encoding, "codecs.open()")?;
    crate::ops::str_string(attr(info.as_ref(), "name")?.as_ref())
}

/// Calls the encoder or decoder (item `which` of the codec info) and checks its tuple.
fn run_codec(info: &Object, which: usize, obj: ObjectRef<'_>, errors: &str) -> PyResult<Object> {
    let f = tuple_items(info.as_ref()).expect("4-tuple")[which].clone();
    let r = crate::ops::call(f.as_ref(), &[obj.to_owned(), new_str(errors)], None)?;
    match tuple_items(r.as_ref()) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(PyErr::type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// `str.encode` with a codec from the registry: must give bytes.
pub(crate) fn encode_text(s: ObjectRef<'_>, encoding: &str, errors: &str) -> PyResult<Object> {
    let info = text_codec(encoding, "codecs.encode()")?;
    let v = run_codec(&info, 0, s, errors)?;
    if bytes_data(v.as_ref()).is_some() {
        return Ok(v);
    }
    if let Some(b) = crate::types::bytearray::bytearray_data(v.as_ref()) {
        return Ok(new_bytes(&b));
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode \
         to arbitrary types",
        v.type_().name()
    )))
}

/// `bytes.decode` with a codec from the registry: must give str.
pub(crate) fn decode_text(b: ObjectRef<'_>, encoding: &str, errors: &str) -> PyResult<Object> {
    let info = text_codec(encoding, "codecs.decode()")?;
    let v = run_codec(&info, 1, b, errors)?;
    if Str::new(v.as_ref()).is_some() {
        return Ok(v);
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to \
         arbitrary types",
        v.type_().name()
    )))
}

// ----- argument helpers -----

type Bound<'a> = Vec<Option<&'a Object>>;

fn bind<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    names: &[&str],
    required: usize,
) -> PyResult<Bound<'a>> {
    Args::new(args, kw).bind(fname, names, required)
}

/// A `str` argument (`fname() argument N must be str, not T`).
pub(crate) fn str_arg(o: &Object, fname: &str, pos: usize) -> PyResult<Vec<u32>> {
    match Str::new(o.as_ref()) {
        Some(s) => Ok(s.data().iter().collect()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            o.type_().name()
        ))),
    }
}

/// A bytes-like argument.
pub(crate) fn buffer_arg(o: &Object) -> PyResult<Vec<u8>> {
    match crate::builtins::bytesmethods::bytes_like(o.as_ref()) {
        Some(b) => Ok(b.into_owned()),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_().name()
        ))),
    }
}

/// A bytes-like argument, or a str taken as its UTF-8 bytes (the escape decoders).
pub(crate) fn buffer_or_str_arg(o: &Object) -> PyResult<Vec<u8>> {
    match Str::new(o.as_ref()) {
        Some(s) => Ok(s.to_string_lossy().into_bytes()),
        None => buffer_arg(o),
    }
}

/// The `errors` argument: None or absent means `strict`.
pub(crate) fn errors_arg(o: Option<&Object>, fname: &str, pos: usize) -> PyResult<String> {
    match o {
        None => Ok("strict".into()),
        Some(v) if is_none(v.as_ref()) => Ok("strict".into()),
        Some(v) => match Str::new(v.as_ref()) {
            Some(s) => Ok(s.to_string_lossy()),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument {pos} must be str or None, not {}",
                v.type_().name()
            ))),
        },
    }
}

fn int_arg(o: Option<&Object>, default: i64) -> PyResult<i64> {
    match o {
        None => Ok(default),
        Some(v) => match crate::ops::index_value(v.as_ref())? {
            Some(i) => Ok(i as i64),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_().name()
            ))),
        },
    }
}

fn bool_arg(o: Option<&Object>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => crate::ops::is_true(v.as_ref()),
    }
}

pub(crate) fn pair(a: Object, n: usize) -> Object {
    new_tuple(vec![a, new_int_i64(n as i64)])
}

// ----- registry functions -----

fn register(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("register")?;
    a.count("register", 1, 1)?;
    let f = &a.pos[0];
    if f.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("argument must be callable"));
    }
    REGISTRY.with(|r| r.borrow_mut().search.push(f.clone()));
    Ok(none())
}

fn unregister(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("unregister")?;
    a.count("unregister", 1, 1)?;
    let f = &a.pos[0];
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.search.iter().position(|s| s.is(f)) {
            r.search.remove(i);
            r.cache.clear();
        }
    });
    Ok(none())
}

fn name_arg(o: &Object, fname: &str) -> PyResult<String> {
    Str::new(o.as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
        PyErr::type_error(format!("{fname}() argument must be str, not {}", o.type_().name()))
    })
}

fn lookup_fn(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("lookup")?;
    a.count("lookup", 1, 1)?;
    lookup(&name_arg(&a.pos[0], "lookup")?)
}

fn encode_decode(args: &[Object], kw: Option<ObjectRef<'_>>, which: usize) -> PyResult<Object> {
    let fname = if which == 0 { "encode" } else { "decode" };
    let b = bind(fname, args, kw, &["obj", "encoding", "errors"], 1)?;
    let enc = match b[1] {
        Some(e) => Str::new(e.as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
            PyErr::type_error(format!(
                "{fname}() argument 'encoding' must be str, not {}",
                e.type_().name()
            ))
        })?,
        None => "utf-8".into(),
    };
    let errors = match b[2] {
        Some(e) => Str::new(e.as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
            PyErr::type_error(format!(
                "{fname}() argument 'errors' must be str, not {}",
                e.type_().name()
            ))
        })?,
        None => "strict".into(),
    };
    let info = lookup(&enc)?;
    run_codec(&info, which, b[0].expect("required").as_ref(), &errors)
}

fn encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    encode_decode(args, kw, 0)
}

fn decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    encode_decode(args, kw, 1)
}

fn register_error(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("register_error")?;
    a.count("register_error", 2, 2)?;
    let name = Str::new(a.pos[0].as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
        PyErr::type_error(format!(
            "register_error() argument 1 must be str, not {}",
            a.pos[0].type_().name()
        ))
    })?;
    codecs_errors::register_error(&name, a.pos[1].clone())?;
    Ok(none())
}

fn lookup_error(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("lookup_error")?;
    a.count("lookup_error", 1, 1)?;
    let name = Str::new(a.pos[0].as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
        PyErr::type_error(format!(
            "lookup_error() argument must be str, not {}",
            a.pos[0].type_().name()
        ))
    })?;
    codecs_errors::lookup_error(&name)
}

fn unregister_error(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_unregister_error")?;
    a.count("_unregister_error", 1, 1)?;
    let name = name_arg(&a.pos[0], "_unregister_error")?;
    Ok(crate::types::bool::py_bool(codecs_errors::unregister_error(&name)?))
}

// ----- the native codecs' functions -----

/// `X_encode(str, errors=None)` for a native codec.
fn encode_with(
    fname: &str,
    codec: Codec,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind(fname, args, kw, &["str", "errors"], 1)?;
    let cps = str_arg(b[0].expect("required"), fname, 1)?;
    let errors = errors_arg(b[1], fname, 2)?;
    let out = encode_cps(&cps, codec, &errors)?;
    Ok(pair(new_bytes(&out), cps.len()))
}

/// `X_decode(data, errors=None, final=False)` for a native codec.
fn decode_with(
    fname: &str,
    codec: Codec,
    with_final: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let names: &[&str] =
        if with_final { &["data", "errors", "final"] } else { &["data", "errors"] };
    let b = bind(fname, args, kw, names, 1)?;
    let data = buffer_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], fname, 2)?;
    let final_ = if with_final { bool_arg(b[2], false)? } else { true };
    let d = decode_ex(&data, codec, &errors, final_, 0)?;
    Ok(pair(new_str_from_code_points(&d.cps), d.consumed))
}

macro_rules! codec_fns {
    ($($enc:ident, $dec:ident, $codec:expr, $final:expr;)*) => {
        $(
            fn $enc(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>)
                -> PyResult<Object> {
                encode_with(stringify!($enc), $codec, args, kw)
            }
            fn $dec(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>)
                -> PyResult<Object> {
                decode_with(stringify!($dec), $codec, $final, args, kw)
            }
        )*
    };
}

codec_fns! {
    utf_8_encode, utf_8_decode, Codec::Utf8, true;
    utf_16_le_encode, utf_16_le_decode, Codec::Utf16Le, true;
    utf_16_be_encode, utf_16_be_decode, Codec::Utf16Be, true;
    utf_32_le_encode, utf_32_le_decode, Codec::Utf32Le, true;
    utf_32_be_encode, utf_32_be_decode, Codec::Utf32Be, true;
    latin_1_encode, latin_1_decode, Codec::Latin1, false;
    ascii_encode, ascii_decode, Codec::Ascii, false;
}

/// `utf_16_encode`/`utf_32_encode(str, errors=None, byteorder=0)`: a BOM and native (little)
/// order for 0, no BOM otherwise.
fn utf_wide_encode(
    fname: &str,
    wide32: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind(fname, args, kw, &["str", "errors", "byteorder"], 1)?;
    let cps = str_arg(b[0].expect("required"), fname, 1)?;
    let errors = errors_arg(b[1], fname, 2)?;
    let order = int_arg(b[2], 0)?;
    let codec = match (wide32, order) {
        (false, 0) => Codec::Utf16,
        (false, o) if o < 0 => Codec::Utf16Le,
        (false, _) => Codec::Utf16Be,
        (true, 0) => Codec::Utf32,
        (true, o) if o < 0 => Codec::Utf32Le,
        (true, _) => Codec::Utf32Be,
    };
    let out = encode_cps(&cps, codec, &errors)?;
    Ok(pair(new_bytes(&out), cps.len()))
}

fn utf_16_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    utf_wide_encode("utf_16_encode", false, args, kw)
}

fn utf_32_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    utf_wide_encode("utf_32_encode", true, args, kw)
}

fn utf_16_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    decode_with("utf_16_decode", Codec::Utf16, true, args, kw)
}

fn utf_32_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    decode_with("utf_32_decode", Codec::Utf32, true, args, kw)
}

/// `utf_16_ex_decode`/`utf_32_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder)`.
fn utf_wide_ex_decode(
    fname: &str,
    wide32: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind(fname, args, kw, &["data", "errors", "byteorder", "final"], 1)?;
    let data = buffer_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], fname, 2)?;
    let order = int_arg(b[2], 0)?;
    let final_ = bool_arg(b[3], false)?;
    let codec = if wide32 { Codec::Utf32 } else { Codec::Utf16 };
    let bo = order.signum() as i32;
    let d = decode_ex(&data, codec, &errors, final_, bo)?;
    // Without a BOM, CPython reports the order still undecided.
    let bo_out =
        if order == 0 && d.byteorder != 0 && !has_bom(&data, wide32) { 0 } else { d.byteorder };
    Ok(new_tuple(vec![
        new_str_from_code_points(&d.cps),
        new_int_i64(d.consumed as i64),
        new_int_i64(bo_out as i64),
    ]))
}

fn has_bom(data: &[u8], wide32: bool) -> bool {
    if wide32 {
        data.starts_with(&[0xff, 0xfe, 0, 0]) || data.starts_with(&[0, 0, 0xfe, 0xff])
    } else {
        data.starts_with(&[0xff, 0xfe]) || data.starts_with(&[0xfe, 0xff])
    }
}

fn utf_16_ex_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    utf_wide_ex_decode("utf_16_ex_decode", false, args, kw)
}

fn utf_32_ex_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    utf_wide_ex_decode("utf_32_ex_decode", true, args, kw)
}

fn readbuffer_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("readbuffer_encode", args, kw, &["data", "errors"], 1)?;
    let data = buffer_or_str_arg(b[0].expect("required"))?;
    errors_arg(b[1], "readbuffer_encode", 2)?;
    Ok(pair(new_bytes(&data), data.len()))
}

/// Makes the `_codecs` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_codecs");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup_fn),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("_unregister_error", unregister_error),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("readbuffer_encode", readbuffer_encode),
        ("charmap_encode", super::codecs_escape::charmap_encode),
        ("charmap_decode", super::codecs_escape::charmap_decode),
        ("charmap_build", super::codecs_escape::charmap_build),
        ("unicode_escape_encode", super::codecs_escape::unicode_escape_encode),
        ("unicode_escape_decode", super::codecs_escape::unicode_escape_decode),
        ("raw_unicode_escape_encode", super::codecs_escape::raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", super::codecs_escape::raw_unicode_escape_decode),
        ("escape_encode", super::codecs_escape::escape_encode),
        ("escape_decode", super::codecs_escape::escape_decode),
        ("utf_7_encode", super::codecs_escape::utf_7_encode),
        ("utf_7_decode", super::codecs_escape::utf_7_decode),
    ];
    for &(name, f) in fns {
        d.set_str(name, new_bound_builtin(name, f, m.clone()))?;
    }
    Ok(m)
}
