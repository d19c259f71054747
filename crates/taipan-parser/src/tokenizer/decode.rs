//! Source bytes → text: UTF-8 BOM, PEP 263 coding declarations, single-byte codecs, and the
//! errors CPython's tokenizer gives for them (`Parser/tokenizer/helpers.c`, `string_tokenizer.c`).

use super::codecs::{ALIASES, TABLES};
use crate::errors::{SyntaxError, SyntaxErrorKind};
use std::borrow::Cow;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes source bytes to text as CPython does for `compile(bytes)` / running a file: a UTF-8
/// BOM, or a PEP 263 declaration on line 1 or 2, selects the encoding (default UTF-8); `\r\n` and
/// lone `\r` become `\n`.
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxError> {
    let (has_bom, body) = match source.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    // CPython translates newlines first: positions in errors count in the translated bytes.
    let translated = normalize_newline_bytes(body);
    let body: &[u8] = &translated;
    let spec = coding_spec(body)?;
    let text = match spec {
        Some((enc, line_no)) => {
            let norm = cpython_normal_name(&enc);
            if has_bom {
                if norm != "utf-8" {
                    let line = nth_line(body, line_no);
                    let text = String::from_utf8_lossy(line).into_owned();
                    // Line 2 is measured with its newline.
                    let n = line.len() as i32 + (line_no == 2) as i32;
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::SyntaxError,
                        msg: format!("encoding problem: {norm} with BOM"),
                        lineno: Some(line_no as i32),
                        offset: Some(0),
                        end_lineno: Some(line_no as i32),
                        end_offset: Some(n),
                        text: Some(text),
                    });
                }
                check_utf8(body)?
            } else if norm == "utf-8" {
                check_utf8(body)?
            } else {
                decode_declared(&norm, body)?
            }
        }
        None => check_utf8(body)?,
    };
    Ok(text)
}

/// `\r\n` and lone `\r` → `\n` in bytes.
fn normalize_newline_bytes(b: &[u8]) -> Cow<'_, [u8]> {
    if !b.contains(&b'\r') {
        return Cow::Borrowed(b);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// `\r\n` and lone `\r` → `\n` (CPython's `translate_newlines`).
pub fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if !s.contains('\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Line `n` (1-based) of `b`, without its newline.
fn nth_line(b: &[u8], n: usize) -> &[u8] {
    let mut rest = b;
    for _ in 1..n {
        match rest.iter().position(|&c| c == b'\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return &[],
        }
    }
    let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
    let line = &rest[..end];
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The declared encoding and its line (1 or 2), as CPython's `check_coding_spec` finds it: line
/// 2 is examined only if line 1 is blank or a comment.
fn coding_spec(b: &[u8]) -> Result<Option<(String, usize)>, SyntaxError> {
    let nl0 = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
    let line1 = &b[..nl0];
    if let Some(spec) = get_coding_spec(line1) {
        return Ok(Some((spec, 1)));
    }
    let only_comment = line1
        .iter()
        .take_while(|&&c| c != b'#' && c != b'\r')
        .all(|&c| c == b' ' || c == b'\t' || c == 0x0c);
    if !only_comment {
        return Ok(None);
    }
    if nl0 >= b.len() {
        return Ok(None);
    }
    let rest = &b[nl0 + 1..];
    let nl1 = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
    Ok(get_coding_spec(&rest[..nl1]).map(|s| (s, 2)))
}

/// `coding[:=]\s*NAME` in a line that is only a comment.
fn get_coding_spec(s: &[u8]) -> Option<String> {
    let size = s.len();
    let mut i = 0;
    while i + 6 < size {
        if s[i] == b'#' {
            break;
        }
        if s[i] != b' ' && s[i] != b'\t' && s[i] != 0x0c {
            return None;
        }
        i += 1;
    }
    while i + 6 < size {
        if &s[i..i + 6] == b"coding" {
            let mut t = i + 6;
            if s[t] != b':' && s[t] != b'=' {
                i += 1;
                continue;
            }
            t += 1;
            while t < size && (s[t] == b' ' || s[t] == b'\t') {
                t += 1;
            }
            let begin = t;
            while t < size && (s[t].is_ascii_alphanumeric() || matches!(s[t], b'-' | b'_' | b'.')) {
                t += 1;
            }
            if begin < t {
                return Some(String::from_utf8_lossy(&s[begin..t]).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: utf-8 and latin-1 spellings → "utf-8" / "iso-8859-1".
fn cpython_normal_name(s: &str) -> String {
    let buf: String =
        s.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"].iter().any(|p| buf.starts_with(p))
    {
        "iso-8859-1".into()
    } else {
        s.into()
    }
}

/// `tokenize.detect_encoding`'s name for the ENCODING token, and the bytes after any BOM.
pub(crate) fn detect_encoding(source: &[u8]) -> Result<(String, &[u8]), SyntaxError> {
    let (has_bom, body) = match source.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let simple = |msg: String| SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: Some(0),
        offset: Some(0),
        end_lineno: Some(0),
        end_offset: Some(0),
        text: None,
    };
    // tokenize reads two lines and looks for the cookie with a regular expression.
    let first_two = |n: usize| -> Option<&[u8]> {
        let mut start = 0;
        for _ in 1..n {
            start += body[start..].iter().position(|&c| c == b'\n')? + 1;
        }
        if start >= body.len() {
            return None;
        }
        let end =
            body[start..].iter().position(|&c| c == b'\n').map_or(body.len(), |i| start + i + 1);
        Some(&body[start..end])
    };
    for n in 1..=2 {
        let Some(line) = first_two(n) else { break };
        let Ok(text) = std::str::from_utf8(line) else {
            return Err(simple("invalid or missing encoding declaration for '<file>'".into()));
        };
        if let Some(enc) = tokenize_cookie(text) {
            let norm = tokenize_normal_name(&enc);
            if lookup_codec(&norm).is_none() {
                return Err(simple(format!("unknown encoding for '<file>': {enc}")));
            }
            if has_bom && norm != "utf-8" {
                return Err(simple("encoding problem for '<file>': utf-8".into()));
            }
            return Ok((norm, body));
        }
        let blank = text.trim_start_matches([' ', '\t', '\x0c']);
        if !(blank.is_empty() || blank.starts_with(['#', '\r', '\n'])) {
            break;
        }
    }
    Ok(("utf-8".into(), body))
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn tokenize_cookie(line: &str) -> Option<String> {
    let rest = line.trim_start_matches([' ', '\t', '\x0c']);
    let rest = rest.strip_prefix('#')?;
    let mut search = rest;
    while let Some(i) = search.find("coding") {
        let after = &search[i + 6..];
        if let Some(a) = after.strip_prefix([':', '=']) {
            let a = a.trim_start_matches([' ', '\t']);
            let n: usize = a
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
                .map(char::len_utf8)
                .sum();
            if n > 0 {
                return Some(a[..n].to_string());
            }
        }
        search = &search[i + 1..];
    }
    None
}

/// `tokenize._get_normal_name`.
fn tokenize_normal_name(orig: &str) -> String {
    let enc: String = orig.chars().take(12).collect::<String>().to_lowercase().replace('_', "-");
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&enc.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"].iter().any(|p| enc.starts_with(p))
    {
        "iso-8859-1".into()
    } else {
        orig.into()
    }
}

/// Decodes with an encoding name `tokenize` accepted (for the listing): undecodable bytes become
/// U+FFFD, as the C tokenizer's readline mode decodes them.
pub(crate) fn decode_with(encoding: &str, body: &[u8]) -> Result<String, SyntaxError> {
    let Some(codec) = lookup_codec(encoding) else {
        return Err(simple_error(format!("unknown encoding: {encoding}")));
    };
    Ok(match codec {
        "utf_8" => String::from_utf8_lossy(body).into_owned(),
        "latin_1" => body.iter().map(|&b| b as char).collect(),
        "ascii" => body.iter().map(|&b| if b < 0x80 { b as char } else { '\u{fffd}' }).collect(),
        _ => {
            let table: Vec<char> =
                TABLES.iter().find(|(n, _)| *n == codec).unwrap().1.chars().collect();
            body.iter()
                .map(
                    |&b| {
                        if table[b as usize] == '\u{fffe}' { '\u{fffd}' } else { table[b as usize] }
                    },
                )
                .collect()
        }
    })
}

/// `encodings.normalize_encoding` then the alias table: the codec module name.
/// The 256-character decoding table of a single-byte codec (`cp1252`, `latin_2`, ...; U+FFFE
/// marks an undefined byte), by any of its names; `None` for other codecs.
pub fn single_byte_table(name: &str) -> Option<&'static str> {
    let module = lookup_codec(name)?;
    TABLES.iter().find(|(n, _)| *n == module).map(|(_, t)| *t)
}

fn lookup_codec(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let mut norm = String::new();
    let mut punct = false;
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    let find_alias =
        |n: &str| ALIASES.binary_search_by(|(a, _)| (*a).cmp(n)).ok().map(|i| ALIASES[i].1);
    let module = find_alias(&norm).or_else(|| find_alias(&norm.replace('.', "_"))).unwrap_or(&norm);
    match module {
        "utf_8" => Some("utf_8"),
        "latin_1" => Some("latin_1"),
        "ascii" => Some("ascii"),
        _ => TABLES.iter().find(|(n, _)| *n == module).map(|(n, _)| *n),
    }
}

fn simple_error(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: Some(0),
        offset: Some(-1),
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}

/// Decodes with a declared (non-UTF-8) encoding.
fn decode_declared(name: &str, body: &[u8]) -> Result<String, SyntaxError> {
    let Some(codec) = lookup_codec(name) else {
        return Err(simple_error(format!("unknown encoding: {name}")));
    };
    match codec {
        "utf_8" => std::str::from_utf8(body).map(str::to_string).map_err(|e| {
            let start = e.valid_up_to();
            let lead = body[start];
            let (n, reason) = match e.error_len() {
                None => (body.len() - start, "unexpected end of data"),
                Some(n) if (0xc2..=0xf4).contains(&lead) => (n, "invalid continuation byte"),
                Some(n) => (n, "invalid start byte"),
            };
            simple_error(if n == 1 {
                format!(
                    "'utf-8' codec can't decode byte 0x{lead:02x} in position {start}: {reason}"
                )
            } else {
                format!(
                    "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
                    start + n - 1
                )
            })
        }),
        "latin_1" => Ok(body.iter().map(|&b| b as char).collect()),
        "ascii" => match body.iter().position(|&b| b >= 0x80) {
            Some(i) => Err(simple_error(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                body[i]
            ))),
            None => Ok(String::from_utf8_lossy(body).into_owned()),
        },
        _ => {
            let table: Vec<char> =
                TABLES.iter().find(|(n, _)| *n == codec).unwrap().1.chars().collect();
            let mut out = String::with_capacity(body.len());
            for (i, &b) in body.iter().enumerate() {
                let c = table[b as usize];
                if c == '\u{fffe}' {
                    return Err(simple_error(format!(
                        "'charmap' codec can't decode byte 0x{b:02x} in position {i}: character maps to <undefined>"
                    )));
                }
                out.push(c);
            }
            Ok(out)
        }
    }
}

/// Validates UTF-8, with CPython's "Non-UTF-8 code" error at the first bad byte.
fn check_utf8(b: &[u8]) -> Result<String, SyntaxError> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let bad = e.valid_up_to();
            let line_start = b[..bad].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
            let lineno = b[..bad].iter().filter(|&&c| c == b'\n').count() as i32 + 1;
            let line_end = b[bad..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| bad + i);
            let line = &b[line_start..line_end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let offset = String::from_utf8_lossy(&b[line_start..bad + 1]).chars().count() as i32;
            Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    b[bad]
                ),
                lineno: Some(lineno),
                offset: Some(offset),
                end_lineno: Some(lineno),
                end_offset: Some(offset),
                text: Some(String::from_utf8_lossy(line).into_owned()),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_bom() {
        assert_eq!(decode_source(b"x = 1\r\ny\rz").unwrap(), "x = 1\ny\nz");
        assert_eq!(decode_source(b"\xef\xbb\xbfx").unwrap(), "x");
    }

    #[test]
    fn declarations() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xff'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{ff}'\n"
        );
        assert_eq!(
            decode_source(b"#!/usr/bin/python\n# coding: cp1252\nx = '\x80'\n").unwrap(),
            "#!/usr/bin/python\n# coding: cp1252\nx = '\u{20ac}'\n"
        );
        // A declaration on line 2 counts only after a comment-only line 1.
        assert!(decode_source(b"x = 1\n# coding: latin-1\nx = '\xff'\n").is_err());
        let e = decode_source(b"# coding: foobar\nx=1\n").unwrap_err();
        assert_eq!(e.msg, "unknown encoding: foobar");
        let e = decode_source(b"\xef\xbb\xbf# coding: latin-1\nx=1\n").unwrap_err();
        assert_eq!(e.summary(), "SyntaxError: encoding problem: iso-8859-1 with BOM (1, 0, 1, 17)");
        let e = decode_source(b"#!/usr/bin/python\n# coding: cp1252\nx = '\x81'\n").unwrap_err();
        assert_eq!(
            e.msg,
            "'charmap' codec can't decode byte 0x81 in position 40: character maps to <undefined>"
        );
    }

    #[test]
    fn invalid_utf8() {
        let e = decode_source(b"x = 1\ny = '\xff'\n").unwrap_err();
        assert_eq!(
            e.summary(),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details (2, 6, 2, 6)"
        );
        assert_eq!(e.text.as_deref(), Some("y = '\u{fffd}'"));
    }
}
