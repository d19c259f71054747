//! `str.encode` and `bytes.decode` (also `bytearray.decode`, `str(b, encoding)`,
//! `bytes(s, encoding)`): the UTF-8, UTF-16, UTF-32, Latin-1 and ASCII codecs with CPython's
//! error ranges and messages, incremental (`final`) decoding for `_codecs`, and the fallback to
//! the codec registry (`modules::codecs`) for every other encoding. Error handlers (built-in
//! and registered) are applied by `modules::codecs_errors`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::modules::codecs_errors::{EncRepl, encode_exc, handle_decode, handle_encode};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::str::{Str, new_str, new_str_from_code_points};

/// The codecs built in, by their canonical names.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Codec {
    Utf8,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
    Latin1,
    Ascii,
    /// A single-byte codec: its 256 decoded characters (U+FFFE: undefined).
    Charmap(&'static str),
}

impl Codec {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
            Codec::Charmap(_) => "charmap",
        }
    }
}

/// The natively built codec `name` names, if any (others go through the codec registry).
pub(crate) fn lookup_native(name: &str) -> Option<Codec> {
    let n: String = name
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "utf-16" | "utf16" | "u16" => Codec::Utf16,
        "utf-16-le" | "utf-16le" => Codec::Utf16Le,
        "utf-16-be" | "utf-16be" => Codec::Utf16Be,
        "utf-32" | "utf32" | "u32" => Codec::Utf32,
        "utf-32-le" | "utf-32le" => Codec::Utf32Le,
        "utf-32-be" | "utf-32be" => Codec::Utf32Be,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        _ => Codec::Charmap(taipan_parser::tokenizer::decode::single_byte_table(name)?),
    })
}

/// Appends the UTF-8 form of `c` (surrogates too).
fn push_utf8(c: u32, out: &mut Vec<u8>) {
    match c {
        0..=0x7f => out.push(c as u8),
        0x80..=0x7ff => out.extend([0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]),
        0x800..=0xffff => out.extend([
            0xe0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]),
        _ => out.extend([
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]),
    }
}

fn push_unit(codec: Codec, c: u32, out: &mut Vec<u8>) {
    match codec {
        Codec::Utf8 => push_utf8(c, out),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let be = codec == Codec::Utf16Be;
            let mut put = |u: u16| {
                out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                put(0xd800 | (v >> 10) as u16);
                put(0xdc00 | (v & 0x3ff) as u16);
            } else {
                put(c as u16);
            }
        }
        Codec::Utf32 | Codec::Utf32Le => out.extend(c.to_le_bytes()),
        Codec::Utf32Be => out.extend(c.to_be_bytes()),
        Codec::Latin1 | Codec::Ascii => out.push(c as u8),
        Codec::Charmap(t) => {
            let b = t.chars().position(|x| x as u32 == c).expect("encodable");
            out.push(b as u8);
        }
    }
}

fn encodable(codec: Codec, c: u32) -> bool {
    match codec {
        Codec::Ascii => c < 0x80,
        Codec::Latin1 => c < 0x100,
        Codec::Charmap(t) => c != 0xfffe && t.chars().any(|x| x as u32 == c),
        _ => !(0xd800..=0xdfff).contains(&c),
    }
}

fn encode_reason(codec: Codec) -> &'static str {
    match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        Codec::Charmap(_) => "character maps to <undefined>",
        _ => "surrogates not allowed",
    }
}

/// Whether a handler's replacement character can go into `codec`'s output: UTF codecs take
/// ASCII replacements only (as CPython's encoders do), the others what they can encode.
fn replacement_ok(codec: Codec, c: u32) -> bool {
    match codec {
        Codec::Ascii | Codec::Latin1 | Codec::Charmap(_) => encodable(codec, c),
        _ => c < 0x80,
    }
}

/// Encodes code points with `codec` and the error handler `errors`.
pub(crate) fn encode_cps(cps: &[u32], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16 => out.extend([0xff, 0xfe]),
        Codec::Utf32 => out.extend([0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if encodable(codec, c) {
            push_unit(codec, c, &mut out);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < cps.len() && !encodable(codec, cps[end]) {
            end += 1;
        }
        let reason = encode_reason(codec);
        let (repl, pos) = handle_encode(errors, codec.name(), cps, start, end, reason)?;
        match repl {
            EncRepl::Bytes(b) => {
                // UTF-16/32 take only whole code units of bytes, as CPython's encoders.
                let unit = match codec {
                    Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => 2,
                    Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => 4,
                    _ => 1,
                };
                if b.len() % unit != 0 {
                    return Err(encode_exc(codec.name(), cps, start, end, reason));
                }
                out.extend(b)
            }
            EncRepl::Str(v) => {
                for c in v {
                    if !replacement_ok(codec, c) {
                        return Err(encode_exc(codec.name(), cps, start, end, reason));
                    }
                    push_unit(codec, c, &mut out);
                }
            }
        }
        i = pos;
    }
    Ok(out)
}

/// The decoded code point at `data[i..]` for UTF-8: `Ok((cp, len))` or `Err((len, reason))`.
fn utf8_step(
    data: &[u8],
    i: usize,
    surrogatepass: bool,
) -> Result<(u32, usize), (usize, &'static str)> {
    let b0 = data[i];
    if b0 < 0x80 {
        return Ok((b0 as u32, 1));
    }
    let (n, lo, hi) = match b0 {
        0xc2..=0xdf => (2, 0x80, 0xbf),
        0xe0 => (3, 0xa0, 0xbf),
        0xed if !surrogatepass => (3, 0x80, 0x9f),
        0xe1..=0xef => (3, 0x80, 0xbf),
        0xf0 => (4, 0x90, 0xbf),
        0xf1..=0xf3 => (4, 0x80, 0xbf),
        0xf4 => (4, 0x80, 0x8f),
        _ => return Err((1, "invalid start byte")),
    };
    let mut cp = (b0 as u32) & (0x7f >> n);
    for k in 1..n {
        let Some(&b) = data.get(i + k) else {
            return Err((data.len() - i, "unexpected end of data"));
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xbf) };
        if b < l || b > h {
            return Err((k, "invalid continuation byte"));
        }
        cp = (cp << 6) | (b & 0x3f) as u32;
    }
    Ok((cp, n))
}

/// The result of decoding a buffer: the code points, how many bytes were consumed (less than
/// all of them only when not `final` and the input ends inside a character), and for UTF-16/32
/// the byte order in force at the end (-1 little, 1 big, 0 not decided yet).
pub(crate) struct Decoded {
    pub cps: Vec<u32>,
    pub consumed: usize,
    pub byteorder: i32,
}

/// Decodes `data` with `codec`. `byteorder` is the UTF-16/32 order to start with (0: look for
/// a byte-order mark, then little-endian); an incomplete character at the end is left
/// unconsumed unless `final`.
pub(crate) fn decode_ex(
    data: &[u8],
    codec: Codec,
    errors: &str,
    final_: bool,
    byteorder: i32,
) -> PyResult<Decoded> {
    let mut out = Vec::with_capacity(data.len());
    let name = codec.name();
    let mut bo = byteorder;
    let mut i = 0;
    match codec {
        Codec::Utf8 => {
            while i < data.len() {
                match utf8_step(data, i, false) {
                    Ok((c, n)) => {
                        out.push(c);
                        i += n;
                    }
                    Err((n, reason)) => {
                        if !final_ && reason == "unexpected end of data" {
                            break;
                        }
                        i = handle_decode(errors, name, data, i, i + n, reason, &mut out)?;
                    }
                }
            }
        }
        Codec::Latin1 => {
            out.extend(data.iter().map(|&b| b as u32));
            i = data.len();
        }
        Codec::Charmap(t) => {
            let table: Vec<u32> = t.chars().map(|c| c as u32).collect();
            while i < data.len() {
                let c = table[data[i] as usize];
                if c == 0xfffe {
                    let reason = "character maps to <undefined>";
                    i = handle_decode(errors, name, data, i, i + 1, reason, &mut out)?;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Codec::Ascii => {
            while i < data.len() {
                let b = data[i];
                if b < 0x80 {
                    out.push(b as u32);
                    i += 1;
                } else {
                    let reason = "ordinal not in range(128)";
                    i = handle_decode(errors, name, data, i, i + 1, reason, &mut out)?;
                }
            }
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            match codec {
                Codec::Utf16Le => bo = -1,
                Codec::Utf16Be => bo = 1,
                _ => {}
            }
            if bo == 0 && data.len() >= 2 {
                if data[..2] == [0xff, 0xfe] {
                    i = 2;
                    bo = -1;
                } else if data[..2] == [0xfe, 0xff] {
                    i = 2;
                    bo = 1;
                }
            }
            let be = bo == 1;
            let name = if be { "utf-16-be" } else { "utf-16-le" };
            let unit = |k: usize| -> u32 {
                let b = [data[k], data[k + 1]];
                (if be { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }) as u32
            };
            while i < data.len() {
                if i + 1 >= data.len() {
                    if !final_ {
                        break;
                    }
                    let reason = "truncated data";
                    i = handle_decode(errors, name, data, i, data.len(), reason, &mut out)?;
                    continue;
                }
                let u = unit(i);
                if !(0xd800..=0xdfff).contains(&u) {
                    out.push(u);
                    i += 2;
                } else if u >= 0xdc00 {
                    let reason = "illegal encoding";
                    i = handle_decode(errors, name, data, i, i + 2, reason, &mut out)?;
                } else if i + 3 >= data.len() {
                    if !final_ {
                        break;
                    }
                    let reason = "unexpected end of data";
                    i = handle_decode(errors, name, data, i, data.len(), reason, &mut out)?;
                } else {
                    let u2 = unit(i + 2);
                    if (0xdc00..=0xdfff).contains(&u2) {
                        out.push(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00));
                        i += 4;
                    } else {
                        let reason = "illegal UTF-16 surrogate";
                        i = handle_decode(errors, name, data, i, i + 2, reason, &mut out)?;
                    }
                }
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            match codec {
                Codec::Utf32Le => bo = -1,
                Codec::Utf32Be => bo = 1,
                _ => {}
            }
            if bo == 0 && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    i = 4;
                    bo = -1;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    i = 4;
                    bo = 1;
                }
            }
            let be = bo == 1;
            let name = if be { "utf-32-be" } else { "utf-32-le" };
            while i < data.len() {
                if i + 3 >= data.len() {
                    if !final_ {
                        break;
                    }
                    let reason = "truncated data";
                    i = handle_decode(errors, name, data, i, data.len(), reason, &mut out)?;
                    continue;
                }
                let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let c = if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
                if c > 0x10ffff {
                    let reason = "code point not in range(0x110000)";
                    i = handle_decode(errors, name, data, i, i + 4, reason, &mut out)?;
                } else if (0xd800..=0xdfff).contains(&c) {
                    let reason = "code point in surrogate code point range(0xd800, 0xe000)";
                    i = handle_decode(errors, name, data, i, i + 4, reason, &mut out)?;
                } else {
                    out.push(c);
                    i += 4;
                }
            }
        }
    }
    Ok(Decoded { cps: out, consumed: i.min(data.len()), byteorder: bo })
}

/// Decodes all of `data` with `codec`.
fn decode_bytes(data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    Ok(decode_ex(data, codec, errors, true, 0)?.cps)
}

fn text_arg(o: &Object, fname: &str, which: &str) -> PyResult<String> {
    Str::new(o.as_ref()).map(Str::to_string_lossy).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument '{which}' must be str, not {}",
            o.type_().name()
        ))
    })
}

/// `(encoding, errors)` of `encode`/`decode`, by position or keyword.
fn enc_args(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<(String, String)> {
    let mut a = Args::new(args, kw);
    let enc_kw = a.take_kw("encoding");
    let err_kw = a.take_kw("errors");
    a.no_kw(fname)?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let enc = match a.pos.first().or(enc_kw) {
        Some(e) => text_arg(e, fname, "encoding")?,
        None => "utf-8".to_string(),
    };
    let errors = match a.pos.get(1).or(err_kw) {
        Some(e) => text_arg(e, fname, "errors")?,
        None => "strict".to_string(),
    };
    Ok((enc, errors))
}

/// `s.encode(encoding, errors)` on the code points of a str.
pub(crate) fn encode_str(s: Str<'_>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    match lookup_native(encoding) {
        Some(codec) => {
            let cps: Vec<u32> = s.data().iter().collect();
            encode_cps(&cps, codec, errors)
        }
        None => {
            let b = crate::modules::codecs::encode_text(s.object(), encoding, errors)?;
            Ok(crate::types::bytes::bytes_data(b.as_ref()).unwrap_or(&[]).to_vec())
        }
    }
}

/// `b.decode(encoding, errors)`.
pub(crate) fn decode_to_str(data: &[u8], encoding: &str, errors: &str) -> PyResult<Object> {
    let Some(codec) = lookup_native(encoding) else {
        if data.is_empty() {
            return Ok(new_str(""));
        }
        return crate::modules::codecs::decode_text(new_bytes(data).as_ref(), encoding, errors);
    };
    if codec == Codec::Utf8
        && let Ok(t) = std::str::from_utf8(data)
    {
        return Ok(new_str(t));
    }
    Ok(new_str_from_code_points(&decode_bytes(data, codec, errors)?))
}

pub(crate) fn str_encode(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me_obj = s.expect("self");
    let me = Str::new(me_obj).expect("str");
    let (enc, errors) = enc_args("encode", args, kw)?;
    let Some(codec) = lookup_native(&enc) else {
        return crate::modules::codecs::encode_text(me_obj, &enc, &errors);
    };
    if codec == Codec::Utf8 && me.is_ascii() {
        return Ok(new_bytes(me.raw_bytes()));
    }
    let cps: Vec<u32> = me.data().iter().collect();
    Ok(new_bytes(&encode_cps(&cps, codec, &errors)?))
}

pub(crate) fn bytes_decode(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let data = crate::builtins::bytesmethods::bytes_like(s.expect("self")).expect("bytes-like");
    let (enc, errors) = enc_args("decode", args, kw)?;
    decode_to_str(&data, &enc, &errors)
}

pub(crate) fn register() {
    use crate::types::function::new_method_descriptor;
    use crate::types::typelookup::register_static_attr;
    let st = &crate::types::str::STR_TYPE.0;
    let _ = register_static_attr(st, "encode", new_method_descriptor(st, "encode", str_encode));
    for ty in [&crate::types::bytes::BYTES_TYPE.0, &crate::types::bytearray::BYTEARRAY_TYPE.0] {
        let _ =
            register_static_attr(ty, "decode", new_method_descriptor(ty, "decode", bytes_decode));
    }
}

/// Helpers for `_io`'s text layer, which works on code points and decodes chunk by chunk.
/// Codecs the VM does not have natively go through the codec registry (statelessly, chunk by
/// chunk).
pub(crate) mod io_support {
    use super::{Codec, decode_bytes, encode_cps, lookup_native};
    use crate::error::PyResult;
    use crate::types::str::{Str, new_str_from_code_points};

    /// The canonical name of `encoding` (raises `LookupError` for an unknown one).
    pub(crate) fn canonical(encoding: &str) -> PyResult<String> {
        Ok(match lookup_native(encoding) {
            Some(Codec::Charmap(_)) => encoding.to_string(),
            Some(c) => c.name().to_string(),
            None => crate::modules::codecs::text_codec_name(encoding)?,
        })
    }

    /// Encodes code points.
    pub(crate) fn encode(cps: &[u32], encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
        match lookup_native(encoding) {
            Some(codec) => encode_cps(cps, codec, errors),
            None => {
                let s = new_str_from_code_points(cps);
                let b = crate::modules::codecs::encode_text(s.as_ref(), encoding, errors)?;
                Ok(crate::types::bytes::bytes_data(b.as_ref()).unwrap_or(&[]).to_vec())
            }
        }
    }

    /// Decodes bytes to code points.
    pub(crate) fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
        let Some(codec) = lookup_native(encoding) else {
            if data.is_empty() {
                return Ok(Vec::new());
            }
            let b = crate::types::bytes::new_bytes(data);
            let s = crate::modules::codecs::decode_text(b.as_ref(), encoding, errors)?;
            return Ok(Str::new(s.as_ref()).map(|s| s.data().iter().collect()).unwrap_or_default());
        };
        if codec == Codec::Utf8
            && let Ok(t) = std::str::from_utf8(data)
        {
            return Ok(t.chars().map(|c| c as u32).collect());
        }
        if codec == Codec::Latin1 {
            return Ok(data.iter().map(|&b| b as u32).collect());
        }
        decode_bytes(data, codec, errors)
    }

    /// How many bytes at the end of `data` may start a character not complete yet.
    pub(crate) fn incomplete_tail(data: &[u8], encoding: &str) -> usize {
        let Some(codec) = lookup_native(encoding) else { return 0 };
        match codec {
            Codec::Utf8
            | Codec::Utf16
            | Codec::Utf16Le
            | Codec::Utf16Be
            | Codec::Utf32
            | Codec::Utf32Le
            | Codec::Utf32Be => {
                let bo = match codec {
                    Codec::Utf16Be | Codec::Utf32Be => 1,
                    _ => -1,
                };
                match super::decode_ex(data, codec, "ignore", false, bo) {
                    Ok(d) => data.len() - d.consumed,
                    Err(_) => 0,
                }
            }
            _ => 0,
        }
    }
}
