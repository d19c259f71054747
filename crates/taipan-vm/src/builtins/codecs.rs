//! `str.encode` and `bytes.decode` (also `bytearray.decode`, `str(b, encoding)`,
//! `bytes(s, encoding)`): the UTF-8, UTF-16, UTF-32, Latin-1 and ASCII codecs with CPython's
//! error ranges and messages, and the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`, `surrogateescape` and
//! `surrogatepass`. A `UnicodeEncodeError`/`UnicodeDecodeError` carries `encoding`, `object`,
//! `start`, `end` and `reason` as CPython's does.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::int::new_int_i64;
use crate::types::str::{Str, new_str, new_str_from_code_points};

/// The codecs built in, by their canonical names.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
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
    fn name(self) -> &'static str {
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

fn lookup(name: &str) -> PyResult<Codec> {
    let n: String = name
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    Ok(match n.as_str() {
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
        _ => match taipan_parser::tokenizer::decode::single_byte_table(name) {
            Some(t) => Codec::Charmap(t),
            None => {
                return Err(PyErr::new(
                    &crate::types::exceptions::LOOKUP_ERROR,
                    format!("unknown encoding: {name}"),
                ));
            }
        },
    })
}

fn set_attrs(e: &PyErr, pairs: Vec<(&str, Object)>) {
    for (k, v) in pairs {
        let _ = crate::attr::setattr(
            e.instance(),
            crate::types::str::intern(k).as_ref(),
            Some(v.as_ref()),
        );
    }
}

fn char_repr(c: u32) -> String {
    if c < 0x100 {
        format!("'\\x{c:02x}'")
    } else if c < 0x10000 {
        format!("'\\u{c:04x}'")
    } else {
        format!("'\\U{c:08x}'")
    }
}

fn encode_error(codec: &str, cps: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!("character {} in position {start}", char_repr(cps[start]))
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    let e = PyErr::new(
        &crate::types::exceptions::UNICODE_ENCODE_ERROR,
        format!("'{codec}' codec can't encode {what}: {reason}"),
    );
    set_attrs(
        &e,
        vec![
            ("encoding", new_str(codec)),
            ("object", new_str_from_code_points(cps)),
            ("start", new_int_i64(start as i64)),
            ("end", new_int_i64(end as i64)),
            ("reason", new_str(reason)),
        ],
    );
    e
}

fn decode_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{codec}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!("'{codec}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    let e = PyErr::new(&crate::types::exceptions::UNICODE_DECODE_ERROR, msg);
    set_attrs(
        &e,
        vec![
            ("encoding", new_str(codec)),
            ("object", new_bytes(data)),
            ("start", new_int_i64(start as i64)),
            ("end", new_int_i64(end as i64)),
            ("reason", new_str(reason)),
        ],
    );
    e
}

fn unknown_handler(name: &str) -> PyErr {
    PyErr::new(
        &crate::types::exceptions::LOOKUP_ERROR,
        format!("unknown error handler name '{name}'"),
    )
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

/// Encodes code points with `codec` and the error handler `errors`.
fn encode_cps(cps: &[u32], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
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
        match errors {
            "strict" => {
                return Err(encode_error(codec.name(), cps, start, end, encode_reason(codec)));
            }
            "ignore" => {}
            "replace" => {
                for _ in start..end {
                    push_unit(codec, '?' as u32, &mut out);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cps[start..end] {
                    for b in format!("&#{c};").bytes() {
                        push_unit(codec, b as u32, &mut out);
                    }
                }
            }
            "backslashreplace" | "namereplace" => {
                for &c in &cps[start..end] {
                    let text = match taipan_common::unicode_names::name(c) {
                        Some(n) if errors == "namereplace" => format!("\\N{{{n}}}"),
                        _ if c < 0x100 => format!("\\x{c:02x}"),
                        _ if c < 0x10000 => format!("\\u{c:04x}"),
                        _ => format!("\\U{c:08x}"),
                    };
                    for b in text.bytes() {
                        push_unit(codec, b as u32, &mut out);
                    }
                }
            }
            "surrogateescape" => {
                let wide = !matches!(
                    codec,
                    Codec::Utf8 | Codec::Ascii | Codec::Latin1 | Codec::Charmap(_)
                );
                if wide {
                    return Err(encode_error(codec.name(), cps, start, end, encode_reason(codec)));
                }
                for k in start..end {
                    let c = cps[k];
                    if !(0xdc80..=0xdcff).contains(&c) {
                        return Err(encode_error(
                            codec.name(),
                            cps,
                            start,
                            end,
                            encode_reason(codec),
                        ));
                    }
                    out.push((c - 0xdc00) as u8);
                }
            }
            "surrogatepass" => {
                for k in start..end {
                    let c = cps[k];
                    if !matches!(codec, Codec::Ascii | Codec::Latin1 | Codec::Charmap(_))
                        && (0xd800..=0xdfff).contains(&c)
                    {
                        push_unit(codec, c, &mut out);
                    } else {
                        return Err(encode_error(
                            codec.name(),
                            cps,
                            start,
                            end,
                            encode_reason(codec),
                        ));
                    }
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i = end;
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

/// Applies a decode error handler to `data[start..end]`, or raises.
fn decode_handler(
    codec: &str,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    match errors {
        "strict" => return Err(decode_error(codec, data, start, end, reason)),
        "ignore" => {}
        "replace" => out.push(0xfffd),
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
            }
        }
        "surrogateescape" => {
            for &b in &data[start..end] {
                if b < 128 {
                    return Err(decode_error(codec, data, start, end, reason));
                }
                out.push(0xdc00 + b as u32);
            }
        }
        "surrogatepass" | "xmlcharrefreplace" | "namereplace" => {
            return Err(decode_error(codec, data, start, end, reason));
        }
        other => return Err(unknown_handler(other)),
    }
    Ok(())
}

fn decode_bytes(data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(data.len());
    let name = codec.name();
    match codec {
        Codec::Utf8 => {
            let pass = errors == "surrogatepass";
            let mut i = 0;
            while i < data.len() {
                match utf8_step(data, i, pass) {
                    Ok((c, n)) => {
                        out.push(c);
                        i += n;
                    }
                    Err((n, reason)) => {
                        decode_handler(name, errors, data, i, i + n, reason, &mut out)?;
                        i += n;
                    }
                }
            }
        }
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as u32)),
        Codec::Charmap(t) => {
            let table: Vec<u32> = t.chars().map(|c| c as u32).collect();
            for (i, &b) in data.iter().enumerate() {
                let c = table[b as usize];
                if c == 0xfffe {
                    decode_handler(
                        name,
                        errors,
                        data,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                        &mut out,
                    )?;
                } else {
                    out.push(c);
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as u32);
                } else {
                    decode_handler(
                        name,
                        errors,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut be = codec == Codec::Utf16Be;
            let mut d = data;
            let mut base = 0;
            if codec == Codec::Utf16 && d.len() >= 2 {
                if d[..2] == [0xff, 0xfe] {
                    d = &d[2..];
                    base = 2;
                } else if d[..2] == [0xfe, 0xff] {
                    d = &d[2..];
                    base = 2;
                    be = true;
                }
            }
            let name = if be { "utf-16-be" } else { "utf-16-le" };
            let unit = |k: usize| -> u16 {
                let b = [d[k], d[k + 1]];
                if be { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }
            };
            let mut i = 0;
            while i < d.len() {
                if i + 1 >= d.len() {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        data.len(),
                        "truncated data",
                        &mut out,
                    )?;
                    break;
                }
                let u = unit(i) as u32;
                if !(0xd800..=0xdfff).contains(&u) {
                    out.push(u);
                    i += 2;
                } else if u >= 0xdc00 {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        base + i + 2,
                        "illegal encoding",
                        &mut out,
                    )?;
                    i += 2;
                } else if i + 3 >= d.len() {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        data.len(),
                        "unexpected end of data",
                        &mut out,
                    )?;
                    break;
                } else {
                    let u2 = unit(i + 2) as u32;
                    if (0xdc00..=0xdfff).contains(&u2) {
                        out.push(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00));
                        i += 4;
                    } else {
                        decode_handler(
                            name,
                            errors,
                            data,
                            base + i,
                            base + i + 2,
                            "illegal UTF-16 surrogate",
                            &mut out,
                        )?;
                        i += 2;
                    }
                }
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let mut be = codec == Codec::Utf32Be;
            let mut d = data;
            let mut base = 0;
            if codec == Codec::Utf32 && d.len() >= 4 {
                if d[..4] == [0xff, 0xfe, 0, 0] {
                    d = &d[4..];
                    base = 4;
                } else if d[..4] == [0, 0, 0xfe, 0xff] {
                    d = &d[4..];
                    base = 4;
                    be = true;
                }
            }
            let name = if be { "utf-32-be" } else { "utf-32-le" };
            let mut i = 0;
            while i < d.len() {
                if i + 3 >= d.len() {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        data.len(),
                        "truncated data",
                        &mut out,
                    )?;
                    break;
                }
                let b = [d[i], d[i + 1], d[i + 2], d[i + 3]];
                let c = if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
                if c > 0x10ffff {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        base + i + 4,
                        "code point not in range(0x110000)",
                        &mut out,
                    )?;
                } else if (0xd800..=0xdfff).contains(&c) && errors != "surrogatepass" {
                    decode_handler(
                        name,
                        errors,
                        data,
                        base + i,
                        base + i + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                        &mut out,
                    )?;
                } else {
                    out.push(c);
                }
                i += 4;
            }
        }
    }
    Ok(out)
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
fn enc_args(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<(Codec, String)> {
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
    Ok((lookup(&enc)?, errors))
}

/// `s.encode(encoding, errors)` on the code points of a str.
pub(crate) fn encode_str(s: Str<'_>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    let cps: Vec<u32> = s.data().iter().collect();
    encode_cps(&cps, codec, errors)
}

/// `b.decode(encoding, errors)`.
pub(crate) fn decode_to_str(data: &[u8], encoding: &str, errors: &str) -> PyResult<Object> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 && errors == "strict" {
        if let Ok(t) = std::str::from_utf8(data) {
            return Ok(new_str(t));
        }
    }
    Ok(new_str_from_code_points(&decode_bytes(data, codec, errors)?))
}

pub(crate) fn str_encode(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = Str::new(s.expect("self")).expect("str");
    let (codec, errors) = enc_args("encode", args, kw)?;
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
    let (codec, errors) = enc_args("decode", args, kw)?;
    if codec == Codec::Utf8 && errors == "strict" {
        if let Ok(t) = std::str::from_utf8(&data) {
            return Ok(new_str(t));
        }
    }
    Ok(new_str_from_code_points(&decode_bytes(&data, codec, &errors)?))
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
pub(crate) mod io_support {
    use super::{Codec, decode_bytes, encode_cps, lookup};
    use crate::error::PyResult;

    /// The canonical name of `encoding` (raises `LookupError` for an unknown one).
    pub(crate) fn canonical(encoding: &str) -> PyResult<String> {
        Ok(match lookup(encoding)? {
            Codec::Charmap(_) => encoding.to_string(),
            c => c.name().to_string(),
        })
    }

    /// Encodes code points.
    pub(crate) fn encode(cps: &[u32], encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
        encode_cps(cps, lookup(encoding)?, errors)
    }

    /// Decodes bytes to code points.
    pub(crate) fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
        let codec = lookup(encoding)?;
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
        let Ok(codec) = lookup(encoding) else { return 0 };
        match codec {
            Codec::Utf8 => {
                let n = data.len();
                for back in 1..=3.min(n) {
                    let b = data[n - back];
                    if b & 0xC0 == 0x80 {
                        continue;
                    }
                    let need = match b {
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => 1,
                    };
                    return if need > back { back } else { 0 };
                }
                0
            }
            Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
                let odd = data.len() % 2;
                let body = &data[..data.len() - odd];
                if body.len() >= 2 {
                    let u = &body[body.len() - 2..];
                    let unit = if codec == Codec::Utf16Be {
                        u16::from_be_bytes([u[0], u[1]])
                    } else {
                        u16::from_le_bytes([u[0], u[1]])
                    };
                    if (0xD800..0xDC00).contains(&unit) {
                        return odd + 2;
                    }
                }
                odd
            }
            Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => data.len() % 4,
            _ => 0,
        }
    }
}
