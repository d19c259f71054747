//! The `_codecs` functions for the escape codecs (`unicode_escape`, `raw_unicode_escape`,
//! `escape_encode`/`escape_decode` for bytes), the mapping codecs (`charmap_encode`,
//! `charmap_decode`, `charmap_build`) and UTF-7, with the error ranges and reasons of CPython's
//! decoders so the shared error handlers (`codecs_errors`) see the same exceptions.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::{as_dict, new_dict};
use crate::types::int::{int_value, new_int_i64};
use crate::types::singletons::is_none;
use crate::types::str::{Str, new_str_from_code_points};

use super::codecs::{buffer_arg, buffer_or_str_arg, errors_arg, pair, str_arg};
use super::codecs_errors::{EncRepl, encode_exc, handle_decode, handle_encode};
use crate::builtins::args::Args;

fn bind<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    names: &[&str],
) -> PyResult<Vec<Option<&'a Object>>> {
    Args::new(args, kw).bind(fname, names, 1)
}

fn small(v: &crate::types::int::IntVal<'_>) -> Option<i64> {
    match v {
        crate::types::int::IntVal::Small(i) => Some(*i),
        crate::types::int::IntVal::Big(_) => None,
    }
}

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

fn push_escaped(c: u32, out: &mut Vec<u8>) {
    let s = if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend(s.bytes());
}

// ----- unicode_escape -----

/// Decodes `unicode_escape` text; with `final` false an escape cut off at the end is left
/// unconsumed.
fn unicode_escape_decode_impl(
    data: &[u8],
    errors: &str,
    final_: bool,
    raw: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let codec = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // A run of backslashes: an odd one out before `u`/`U` starts an escape.
            let mut j = i;
            while j < data.len() && data[j] == b'\\' {
                j += 1;
            }
            let run = j - i;
            let escapes = run % 2 == 1 && j < data.len() && matches!(data[j], b'u' | b'U');
            let literal = if escapes { run - 1 } else { run };
            out.extend(std::iter::repeat_n(b'\\' as u32, literal));
            i += literal;
            if !escapes {
                continue;
            }
        }
        let start = if raw { i } else { start };
        let Some(&kind) = data.get(i + 1) else {
            if !final_ {
                return Ok((out, start));
            }
            i = handle_decode(
                errors,
                codec,
                data,
                start,
                data.len(),
                "\\ at end of string",
                &mut out,
            )?;
            continue;
        };
        let simple = match kind {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\' as u32)),
            b'\'' => Some(Some('\'' as u32)),
            b'"' => Some(Some('"' as u32)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b't' => Some(Some(9)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b'v' => Some(Some(11)),
            b'a' => Some(Some(7)),
            _ => None,
        };
        if !raw && let Some(v) = simple {
            out.extend(v);
            i += 2;
            continue;
        }
        if !raw && (b'0'..=b'7').contains(&kind) {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < data.len() && j < i + 4 && (b'0'..=b'7').contains(&data[j]) {
                v = v * 8 + (data[j] - b'0') as u32;
                j += 1;
            }
            out.push(v);
            i = j;
            continue;
        }
        let (digits, reason) = match kind {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' if !raw => {
                let close = data[i + 2..].iter().position(|&c| c == b'}');
                let named = data.get(i + 2) == Some(&b'{')
                    && close.is_some_and(|p| p > 1)
                    && close.is_some();
                if !named {
                    if !final_
                        && close.is_none()
                        && data[i + 2..].first().is_none_or(|&c| c == b'{')
                    {
                        return Ok((out, start));
                    }
                    let end = (i + 2).min(data.len());
                    let reason = "malformed \\N character escape";
                    i = handle_decode(errors, codec, data, start, end, reason, &mut out)?;
                    continue;
                }
                let close = i + 2 + close.expect("checked");
                let name = String::from_utf8_lossy(&data[i + 3..close]).to_string();
                match taipan_common::unicode_names::lookup(&name) {
                    Some(c) => {
                        out.push(c);
                        i = close + 1;
                    }
                    None => {
                        let reason = "unknown Unicode character name";
                        i = handle_decode(errors, codec, data, start, close + 1, reason, &mut out)?;
                    }
                }
                continue;
            }
            _ => {
                // Not an escape: kept with its backslash (CPython also warns here).
                out.push('\\' as u32);
                out.push(kind as u32);
                i += 2;
                continue;
            }
        };
        let mut v = 0u32;
        let mut j = i + 2;
        while j < data.len() && j < i + 2 + digits {
            match hex_val(data[j]) {
                Some(d) => v = v * 16 + d,
                None => break,
            }
            j += 1;
        }
        if j < i + 2 + digits {
            if !final_ && j == data.len() {
                return Ok((out, start));
            }
            i = handle_decode(errors, codec, data, start, j, reason, &mut out)?;
            continue;
        }
        if v > 0x10ffff {
            let reason = if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" };
            i = handle_decode(errors, codec, data, start, j, reason, &mut out)?;
            continue;
        }
        out.push(v);
        i = j;
    }
    Ok((out, data.len()))
}

fn escape_decode_common(
    fname: &str,
    raw: bool,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind(fname, args, kw, &["data", "errors", "final"])?;
    let data = buffer_or_str_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], fname, 2)?;
    let final_ = match b[2] {
        Some(f) => crate::ops::is_true(f.as_ref())?,
        None => true,
    };
    let (cps, used) = unicode_escape_decode_impl(&data, &errors, final_, raw)?;
    Ok(pair(new_str_from_code_points(&cps), used))
}

pub(crate) fn unicode_escape_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    escape_decode_common("unicode_escape_decode", false, args, kw)
}

pub(crate) fn raw_unicode_escape_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    escape_decode_common("raw_unicode_escape_decode", true, args, kw)
}

pub(crate) fn unicode_escape_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("unicode_escape_encode", args, kw, &["str", "errors"])?;
    let cps = str_arg(b[0].expect("required"), "unicode_escape_encode", 1)?;
    errors_arg(b[1], "unicode_escape_encode", 2)?;
    let mut out = Vec::with_capacity(cps.len());
    for &c in &cps {
        match c {
            0x5c => out.extend(b"\\\\"),
            0x09 => out.extend(b"\\t"),
            0x0a => out.extend(b"\\n"),
            0x0d => out.extend(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ => push_escaped(c, &mut out),
        }
    }
    Ok(pair(new_bytes(&out), cps.len()))
}

pub(crate) fn raw_unicode_escape_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("raw_unicode_escape_encode", args, kw, &["str", "errors"])?;
    let cps = str_arg(b[0].expect("required"), "raw_unicode_escape_encode", 1)?;
    errors_arg(b[1], "raw_unicode_escape_encode", 2)?;
    let mut out = Vec::with_capacity(cps.len());
    for &c in &cps {
        if c < 0x100 {
            out.push(c as u8);
        } else {
            push_escaped(c, &mut out);
        }
    }
    Ok(pair(new_bytes(&out), cps.len()))
}

// ----- escape_encode / escape_decode (bytes to bytes) -----

pub(crate) fn escape_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("escape_encode", args, kw, &["data", "errors"])?;
    let o = b[0].expect("required");
    let Some(data) = bytes_data(o.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            o.type_().name()
        )));
    };
    errors_arg(b[1], "escape_encode", 2)?;
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        match c {
            b'\\' => out.extend(b"\\\\"),
            b'\'' => out.extend(b"\\'"),
            b'\t' => out.extend(b"\\t"),
            b'\n' => out.extend(b"\\n"),
            b'\r' => out.extend(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend(format!("\\x{c:02x}").bytes()),
        }
    }
    Ok(pair(new_bytes(&out), data.len()))
}

pub(crate) fn escape_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("escape_decode", args, kw, &["data", "errors"])?;
    let data = buffer_or_str_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], "escape_decode", 2)?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&k) = data.get(i + 1) else {
            return Err(PyErr::value_error("Trailing \\ in string"));
        };
        i += 2;
        match k {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (k - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            b'x' => {
                let h = data.get(i).copied().and_then(hex_val);
                let l = data.get(i + 1).copied().and_then(hex_val);
                if let (Some(h), Some(l)) = (h, l) {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                } else {
                    match errors.as_str() {
                        "strict" => {
                            return Err(PyErr::value_error(format!(
                                "invalid \\x escape at position {}",
                                i - 2
                            )));
                        }
                        "replace" => out.push(b'?'),
                        "ignore" => {}
                        other => {
                            return Err(PyErr::value_error(format!(
                                "decoding error; unknown error handling code: {other}"
                            )));
                        }
                    }
                    if h.is_some() {
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(k);
            }
        }
    }
    Ok(pair(new_bytes(&out), data.len()))
}

// ----- charmap -----

/// What a decoding mapping gives for one byte: `None` when undefined.
fn charmap_lookup_decode(mapping: &Object, byte: u8) -> PyResult<Option<Vec<u32>>> {
    if let Some(s) = Str::new(mapping.as_ref()) {
        let i = byte as usize;
        if i < s.len() {
            let c = s.char_at(i);
            return Ok(if c == 0xfffe { None } else { Some(vec![c]) });
        }
        return Ok(None);
    }
    let r = match crate::ops::getitem(mapping.as_ref(), new_int_i64(byte as i64).as_ref()) {
        Ok(r) => r,
        Err(e) if e.matches(&crate::types::exceptions::LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if is_none(r.as_ref()) {
        return Ok(None);
    }
    if let Some(v) = int_value(r.as_ref()) {
        let v = small(&v)
            .filter(|v| (0..=0x10ffff).contains(v))
            .ok_or_else(|| PyErr::type_error("character mapping must be in range(0x110000)"))?;
        return Ok(Some(vec![v as u32]));
    }
    if let Some(s) = Str::new(r.as_ref()) {
        if s.len() == 1 && s.char_at(0) == 0xfffe {
            return Ok(None);
        }
        return Ok(Some(s.data().iter().collect()));
    }
    Err(PyErr::type_error("character mapping must return integer, None or str"))
}

pub(crate) fn charmap_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("charmap_decode", args, kw, &["data", "errors", "mapping"])?;
    let data = buffer_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], "charmap_decode", 2)?;
    let mapping = b[2].filter(|m| !is_none(m.as_ref()));
    let Some(mapping) = mapping else {
        let cps: Vec<u32> = data.iter().map(|&b| b as u32).collect();
        return Ok(pair(new_str_from_code_points(&cps), data.len()));
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match charmap_lookup_decode(mapping, data[i])? {
            Some(v) => {
                out.extend(v);
                i += 1;
            }
            None => {
                let reason = "character maps to <undefined>";
                i = handle_decode(&errors, "charmap", &data, i, i + 1, reason, &mut out)?;
            }
        }
    }
    Ok(pair(new_str_from_code_points(&out), data.len()))
}

/// What an encoding mapping gives for one character: `None` when undefined.
fn charmap_lookup_encode(mapping: Option<&Object>, c: u32) -> PyResult<Option<Vec<u8>>> {
    let Some(mapping) = mapping else {
        return Ok(if c < 0x100 { Some(vec![c as u8]) } else { None });
    };
    let r = match crate::ops::getitem(mapping.as_ref(), new_int_i64(c as i64).as_ref()) {
        Ok(r) => r,
        Err(e) if e.matches(&crate::types::exceptions::LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if is_none(r.as_ref()) {
        return Ok(None);
    }
    if let Some(v) = int_value(r.as_ref()) {
        let v = small(&v)
            .filter(|v| (0..256).contains(v))
            .ok_or_else(|| PyErr::type_error("character mapping must be in range(256)"))?;
        return Ok(Some(vec![v as u8]));
    }
    if let Some(b) = bytes_data(r.as_ref()) {
        return Ok(Some(b.to_vec()));
    }
    Err(PyErr::type_error("character mapping must return integer, bytes or None, not str"))
}

pub(crate) fn charmap_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("charmap_encode", args, kw, &["str", "errors", "mapping"])?;
    let cps = str_arg(b[0].expect("required"), "charmap_encode", 1)?;
    let errors = errors_arg(b[1], "charmap_encode", 2)?;
    let mapping = b[2].filter(|m| !is_none(m.as_ref()));
    let name = if mapping.is_some() { "charmap" } else { "latin-1" };
    let reason = if mapping.is_some() {
        "character maps to <undefined>"
    } else {
        "ordinal not in range(256)"
    };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if let Some(v) = charmap_lookup_encode(mapping, cps[i])? {
            out.extend(v);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < cps.len() && charmap_lookup_encode(mapping, cps[end])?.is_none() {
            end += 1;
        }
        let (repl, pos) = handle_encode(&errors, name, &cps, start, end, reason)?;
        match repl {
            EncRepl::Bytes(b) => out.extend(b),
            EncRepl::Str(v) => {
                for c in v {
                    match charmap_lookup_encode(mapping, c)? {
                        Some(b) => out.extend(b),
                        None => return Err(encode_exc(name, &cps, start, end, reason)),
                    }
                }
            }
        }
        i = pos;
    }
    Ok(pair(new_bytes(&out), cps.len()))
}

/// `charmap_build(decoding_table)`: the inverse mapping, as a dict from code point to byte
/// (CPython returns an `EncodingMap` object for full tables; a dict maps the same way).
pub(crate) fn charmap_build(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("charmap_build")?;
    a.count("charmap_build", 1, 1)?;
    let cps = str_arg(&a.pos[0], "charmap_build", 1)?;
    let d = new_dict();
    let dict = as_dict(d.as_ref()).expect("dict");
    for (i, &c) in cps.iter().enumerate().take(256) {
        dict.set_item(new_int_i64(c as i64), new_int_i64(i as i64))?;
    }
    Ok(d)
}

// ----- UTF-7 -----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

/// Characters UTF-7 writes as themselves (sets D and O and whitespace, as CPython's encoder).
fn utf7_direct(c: u32) -> bool {
    matches!(c, 0x20..=0x7e | 9 | 10 | 13) && !matches!(c, 0x2b | 0x5c | 0x7e)
}

pub(crate) fn utf_7_encode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("utf_7_encode", args, kw, &["str", "errors"])?;
    let cps = str_arg(b[0].expect("required"), "utf_7_encode", 1)?;
    errors_arg(b[1], "utf_7_encode", 2)?;
    let mut out = Vec::with_capacity(cps.len());
    let mut in_shift = false;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let flush = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64| {
        if *bits > 0 {
            out.push(B64[((*buf << (6 - *bits)) & 0x3f) as usize]);
            *bits = 0;
            *buf = 0;
        }
    };
    for &c in &cps {
        if in_shift && utf7_direct(c) {
            flush(&mut out, &mut bits, &mut buf);
            if b64_value(c as u8).is_some() || c == '-' as u32 {
                out.push(b'-');
            }
            in_shift = false;
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == '+' as u32 {
                out.extend(b"+-");
                continue;
            }
            if utf7_direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        let units: Vec<u32> = if c >= 0x10000 {
            let v = c - 0x10000;
            vec![0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff)]
        } else {
            vec![c]
        };
        for u in units {
            buf = (buf << 16) | u as u64;
            bits += 16;
            while bits >= 6 {
                out.push(B64[((buf >> (bits - 6)) & 0x3f) as usize]);
                bits -= 6;
            }
            buf &= (1u64 << bits) - 1;
        }
    }
    if in_shift {
        flush(&mut out, &mut bits, &mut buf);
        out.push(b'-');
    }
    Ok(pair(new_bytes(&out), cps.len()))
}

pub(crate) fn utf_7_decode(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = bind("utf_7_decode", args, kw, &["data", "errors", "final"])?;
    let data = buffer_arg(b[0].expect("required"))?;
    let errors = errors_arg(b[1], "utf_7_decode", 2)?;
    let final_ = match b[2] {
        Some(f) => crate::ops::is_true(f.as_ref())?,
        None => false,
    };
    let codec = "utf7";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let mut surrogate = 0u32;
    let mut shift_start = 0usize;
    let mut out_at_shift = 0usize;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if in_shift {
            if let Some(v) = b64_value(c) {
                buf = (buf << 6) | v as u64;
                bits += 6;
                i += 1;
                if bits >= 16 {
                    let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                    bits -= 16;
                    buf &= (1u64 << bits) - 1;
                    if surrogate != 0 {
                        if (0xdc00..=0xdfff).contains(&unit) {
                            out.push(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00));
                            surrogate = 0;
                            continue;
                        }
                        out.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xd800..=0xdbff).contains(&unit) {
                        surrogate = unit;
                    } else {
                        out.push(unit);
                    }
                }
                continue;
            }
            in_shift = false;
            if surrogate != 0 {
                out.push(surrogate);
                surrogate = 0;
            }
            i += 1;
            if bits >= 6 {
                let reason = "partial character in shift sequence";
                i = handle_decode(&errors, codec, &data, shift_start, i, reason, &mut out)?;
                bits = 0;
                buf = 0;
                continue;
            }
            if bits > 0 && buf != 0 {
                let reason = "non-zero padding bits in shift sequence";
                i = handle_decode(&errors, codec, &data, shift_start, i, reason, &mut out)?;
                bits = 0;
                buf = 0;
                continue;
            }
            bits = 0;
            buf = 0;
            if c != b'-' {
                out.push(c as u32);
            }
            continue;
        }
        if c == b'+' {
            shift_start = i;
            i += 1;
            if data.get(i) == Some(&b'-') {
                i += 1;
                out.push('+' as u32);
            } else if i < data.len() && b64_value(data[i]).is_none() {
                i += 1;
                let reason = "ill-formed sequence";
                i = handle_decode(&errors, codec, &data, shift_start, i, reason, &mut out)?;
            } else {
                in_shift = true;
                out_at_shift = out.len();
                surrogate = 0;
                bits = 0;
                buf = 0;
            }
        } else if c < 128 {
            out.push(c as u32);
            i += 1;
        } else {
            let reason = "unexpected special character";
            i = handle_decode(&errors, codec, &data, i, i + 1, reason, &mut out)?;
        }
    }
    let mut consumed = data.len();
    if in_shift {
        if !final_ {
            out.truncate(out_at_shift);
            consumed = shift_start;
        } else if surrogate != 0 || bits >= 6 || bits > 0 && buf != 0 {
            let reason = "unterminated shift sequence";
            handle_decode(&errors, codec, &data, shift_start, data.len(), reason, &mut out)?;
        }
    }
    Ok(pair(new_str_from_code_points(&out), consumed))
}
