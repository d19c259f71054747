//! Values of literal tokens, for the parser: NUMBER ([`parse_number`]), STRING
//! ([`decode_string_literal`]) and FSTRING_MIDDLE/TSTRING_MIDDLE ([`decode_fstring_middle`]),
//! with CPython's escape rules (`Parser/string_parser.c`, `Objects/unicodeobject.c`'s
//! unicode-escape codec, `Objects/bytesobject.c`), its error messages and its SyntaxWarnings.
//!
//! Errors are returned as the message only: CPython reports them at the literal token's range
//! (start column + 1 .. end column + 1, in characters), which the parser knows.

use super::Warning;
use crate::ast::Constant;
use dashu_int::UBig;
use taipan_common::PyStr;
use taipan_common::pystr::PyStrBuilder;

/// CPython's `sys.int_info.default_max_str_digits`.
const MAX_STR_DIGITS: usize = 4300;

/// The value of a NUMBER token: an int in any base (underscores allowed), a float, or an
/// imaginary number. The error (a decimal int of more than 4300 digits) is CPython's message;
/// CPython reports it at the token's lines with columns -1 (offset 0, end offset 0).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    let s: std::borrow::Cow<str> =
        if text.contains('_') { text.replace('_', "").into() } else { text.into() };
    let b = s.as_bytes();
    let last = *b.last().unwrap_or(&b'0');
    if last == b'j' || last == b'J' {
        let imag = parse_float(&s[..s.len() - 1]);
        return Ok(Constant::Complex { real: 0.0, imag });
    }
    if b.len() > 1 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return UBig::from_str_radix(&s[2..], radix)
                .map(Constant::Int)
                .map_err(|e| e.to_string());
        }
    }
    if b.iter().all(u8::is_ascii_digit) {
        if b.len() > MAX_STR_DIGITS {
            let digits = s.trim_start_matches('0').len().max(1);
            if digits > MAX_STR_DIGITS {
                return Err(format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
                ));
            }
        }
        return UBig::from_str_radix(&s, 10).map(Constant::Int).map_err(|e| e.to_string());
    }
    Ok(Constant::Float(parse_float(&s)))
}

fn parse_float(s: &str) -> f64 {
    // Rust's parser is correctly rounded and accepts every form the tokenizer lets through
    // ("1.", ".5", "1e5", "1E+05"); overflow gives infinity, as in CPython.
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// A decoded STRING token.
#[derive(Clone, Debug, PartialEq)]
pub struct StrLiteral {
    /// `Constant::Str` or `Constant::Bytes`.
    pub value: Constant,
    /// The literal had a `u` prefix (`Constant.kind == 'u'`).
    pub u_prefix: bool,
}

/// Decodes a STRING token's text (prefix, quotes and all). `lineno`/`col_offset` are the token's
/// start (for the positions of warnings about invalid escapes: at most one per literal, the
/// first, pushed onto `warnings` only if the literal decodes).
pub fn decode_string_literal(
    text: &str,
    lineno: u32,
    col_offset: u32,
    warnings: &mut Vec<Warning>,
) -> Result<StrLiteral, String> {
    let tb = text.as_bytes();
    let mut i = 0;
    let (mut bytes, mut raw, mut u_prefix) = (false, false, false);
    while i < tb.len() && tb[i] != b'\'' && tb[i] != b'"' {
        match tb[i] {
            b'b' | b'B' => bytes = true,
            b'r' | b'R' => raw = true,
            b'u' | b'U' => u_prefix = true,
            _ => {}
        }
        i += 1;
    }
    let quote = tb.get(i).copied().unwrap_or(b'\'');
    let q = if tb.len() >= i + 6 && tb[i + 1] == quote && tb[i + 2] == quote { 3 } else { 1 };
    let body_start = (i + q).min(tb.len());
    let body_end = tb.len().saturating_sub(q).max(body_start);
    let body = &text[body_start..body_end];
    let raw = raw || !body.contains('\\');
    let mut ctx =
        WarnCtx { text, body_start, lineno, col_offset, skip_braces: false, pending: None };
    let value = if bytes {
        if !body.is_ascii() {
            return Err("bytes can only contain ASCII literal characters".into());
        }
        if raw {
            Constant::Bytes(body.as_bytes().into())
        } else {
            Constant::Bytes(decode_bytes_escapes(body, &mut ctx)?.into())
        }
    } else if raw {
        Constant::Str(PyStr::from(body))
    } else {
        Constant::Str(decode_unicode_escapes(body, &mut ctx)?)
    };
    warnings.extend(ctx.pending);
    Ok(StrLiteral { value, u_prefix })
}

/// Decodes the text of an FSTRING_MIDDLE/TSTRING_MIDDLE token (`{{`/`}}` collapsed; escapes
/// decoded unless `raw`). Warnings are placed as CPython 3.14 places them: pass the position of
/// the literal's FSTRING_END/TSTRING_END token as `lineno`/`col_offset` (the line of an invalid
/// escape is that line plus the newlines before the escape in this piece). Warnings are pushed
/// only if the piece decodes.
pub fn decode_fstring_middle(
    text: &str,
    raw: bool,
    lineno: u32,
    col_offset: u32,
    warnings: &mut Vec<Warning>,
) -> Result<PyStr, String> {
    let collapsed;
    let body = if text.contains("{{") || text.contains("}}") {
        collapsed = text.replace("{{", "{").replace("}}", "}");
        collapsed.as_str()
    } else {
        text
    };
    if raw || !body.contains('\\') {
        return Ok(PyStr::from(body));
    }
    let mut ctx =
        WarnCtx { text: body, body_start: 0, lineno, col_offset, skip_braces: true, pending: None };
    let v = decode_unicode_escapes(body, &mut ctx)?;
    warnings.extend(ctx.pending);
    Ok(v)
}

/// Where warnings go, and how to place them.
struct WarnCtx<'a> {
    /// The token text, and where the body starts in it.
    text: &'a str,
    body_start: usize,
    lineno: u32,
    col_offset: u32,
    /// f-string pieces: `\{` and `\}` were already reported by the tokenizer.
    skip_braces: bool,
    /// The warning, reported only if the whole literal decodes.
    pending: Option<Warning>,
}

impl WarnCtx<'_> {
    /// A warning for the first invalid escape, whose backslash is at body offset `at`; `octal`
    /// gives the three digits of an octal escape above 0o377.
    fn warn(&mut self, at: usize, ch: u8, octal: Option<&str>) {
        if self.skip_braces && (ch == b'{' || ch == b'}') {
            return;
        }
        let msg = match octal {
            Some(d) => format!(
                "\"\\{d}\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{d}\"? A raw string is also an option."
            ),
            None => {
                let c = ch as char;
                format!(
                    "\"\\{c}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{c}\"? A raw string is also an option."
                )
            }
        };
        let upto = &self.text.as_bytes()[..self.body_start + at];
        let (mut lineno, mut col) = (self.lineno, self.col_offset);
        match upto.iter().rposition(|&b| b == b'\n') {
            Some(nl) => {
                lineno += upto.iter().filter(|&&b| b == b'\n').count() as u32;
                col = (upto.len() - nl - 1) as u32;
            }
            None => col += upto.len() as u32,
        }
        self.pending = Some(Warning {
            msg,
            lineno,
            col_offset: col,
            end_lineno: lineno,
            end_col_offset: col + 2,
        });
    }
}

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// A unicode-escape decoding error as CPython words it; `start..end` are positions in CPython's
/// intermediate buffer (each non-ASCII character counted as the 10 bytes of `\UXXXXXXXX`).
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    if end - start > 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}"
        )
    }
}

/// Python's unicode-escape decoding of a `str` literal body.
fn decode_unicode_escapes(body: &str, ctx: &mut WarnCtx) -> Result<PyStr, String> {
    let b = body.as_bytes();
    let mut out = PyStrBuilder::with_capacity(b.len());
    let mut warned = false;
    let (mut i, mut tpos) = (0usize, 0usize);
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            let ch = body[i..].chars().next().unwrap();
            out.push(ch as u32);
            i += ch.len_utf8();
            tpos += 10;
            continue;
        }
        if c != b'\\' {
            // Copy a run of plain ASCII at once.
            let run = b[i..].iter().position(|&x| x == b'\\' || x >= 0x80).unwrap_or(b.len() - i);
            out.push_str(&body[i..i + run]);
            i += run;
            tpos += run;
            continue;
        }
        // A backslash at the end, or before a non-ASCII character, is literal.
        if i + 1 >= b.len() || b[i + 1] >= 0x80 {
            out.push(b'\\' as u32);
            i += 1;
            tpos += 6;
            continue;
        }
        let start = tpos;
        let e = b[i + 1];
        i += 2;
        tpos += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e as u32),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    tpos += 1;
                    n += 1;
                }
                if v > 0o377 && !warned {
                    warned = true;
                    ctx.warn(i - 4, e, Some(&body[i - 3..i]));
                }
                out.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v = 0u32;
                for k in 0..count {
                    match b.get(i).copied().and_then(hex_val) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                        }
                        None => return Err(unicode_error(start, start + 2 + k, reason)),
                    }
                }
                tpos += count;
                if v > 0x10ffff {
                    return Err(unicode_error(start, tpos, "illegal Unicode character"));
                }
                out.push(v);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if i >= b.len() {
                    return Err(unicode_error(start, tpos, malformed));
                }
                if b[i] != b'{' {
                    return Err(unicode_error(start, tpos, malformed));
                }
                let name_start = i + 1;
                // Positions past here are in the intermediate buffer.
                let mut tp = tpos + 1;
                let mut j = name_start;
                while j < b.len() && b[j] != b'}' {
                    tp += if b[j] == b'\\' && b.get(j + 1).is_none_or(|&n| n >= 0x80) {
                        6 // `\u005c`
                    } else if b[j] >= 0x80 && (b[j] & 0xc0) != 0x80 {
                        10
                    } else if b[j] >= 0x80 {
                        0
                    } else {
                        1
                    };
                    j += 1;
                }
                if j >= b.len() {
                    return Err(unicode_error(start, tp, malformed));
                }
                if j == name_start {
                    return Err(unicode_error(start, tp, malformed));
                }
                let name = &body[name_start..j];
                match taipan_common::unicode_names::lookup(name) {
                    Some(cp) => out.push(cp),
                    None => {
                        return Err(unicode_error(start, tp + 1, "unknown Unicode character name"));
                    }
                }
                i = j + 1;
                tpos = tp + 1;
            }
            _ => {
                if !warned {
                    warned = true;
                    ctx.warn(i - 2, e, None);
                }
                out.push(b'\\' as u32);
                out.push(e as u32);
            }
        }
    }
    Ok(out.finish())
}

/// Escape decoding of a `bytes` literal body (already known to be ASCII).
fn decode_bytes_escapes(body: &str, ctx: &mut WarnCtx) -> Result<Vec<u8>, String> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut warned = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        if i + 1 >= b.len() {
            return Err("(value error) Trailing \\ in string".into());
        }
        let e = b[i + 1];
        let bs = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                if v > 0o377 && !warned {
                    warned = true;
                    ctx.warn(bs, e, Some(&body[i - 3..i]));
                }
                out.push(v as u8);
            }
            b'x' => {
                let hi = b.get(i).copied().and_then(hex_val);
                let lo = b.get(i + 1).copied().and_then(hex_val);
                match (hi, lo) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(format!("(value error) invalid \\x escape at position {bs}")),
                }
            }
            _ => {
                if !warned {
                    warned = true;
                    ctx.warn(bs, e, None);
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> String {
        parse_number(s).unwrap().repr()
    }

    fn s(text: &str) -> Result<String, String> {
        let mut w = Vec::new();
        decode_string_literal(text, 1, 0, &mut w).map(|l| l.value.repr())
    }

    #[test]
    fn numbers() {
        assert_eq!(num("0"), "0");
        assert_eq!(num("1_000"), "1000");
        assert_eq!(num("0x_FF"), "255");
        assert_eq!(num("0o777"), "511");
        assert_eq!(num("0B1_01"), "5");
        assert_eq!(num("00"), "0");
        assert_eq!(num("123456789012345678901234567890"), "123456789012345678901234567890");
        assert_eq!(num("1.5"), "1.5");
        assert_eq!(num("1."), "1.0");
        assert_eq!(num(".5e-3"), "0.0005");
        assert_eq!(num("1_0.0_1e1_0"), "100100000000.0");
        assert_eq!(num("1e500"), "inf");
        assert_eq!(num("2j"), "2j");
        assert_eq!(num("1.5J"), "1.5j");
        assert_eq!(num("0.1"), "0.1");
        let big = "9".repeat(4301);
        assert!(parse_number(&big).unwrap_err().starts_with("Exceeds the limit (4300 digits)"));
        assert!(parse_number(&format!("0x{big}")).is_ok());
    }

    #[test]
    fn escapes() {
        assert_eq!(s(r"'a\nb'").unwrap(), r"'a\nb'");
        assert_eq!(s(r"'\x41\u00e9\U0001F600\101\0'").unwrap(), "'Aé😀A\\x00'");
        assert_eq!(s(r"'\N{EM DASH}\N{latin small letter a}'").unwrap(), "'—a'");
        assert_eq!(s("'a\\\nb'").unwrap(), "'ab'");
        assert_eq!(s(r"r'\n'").unwrap(), r"'\\n'");
        assert_eq!(s(r"b'\x41\777\n'").unwrap(), r"b'A\xff\n'");
        assert_eq!(s(r"'''x'''").unwrap(), "'x'");
        assert_eq!(s(r"'\é'").unwrap(), r"'\\é'");
        let mut w = Vec::new();
        let l = decode_string_literal("u'x'", 1, 0, &mut w).unwrap();
        assert!(l.u_prefix);
    }

    #[test]
    fn escape_errors() {
        let e = |t: &str| s(t).unwrap_err();
        assert_eq!(
            e(r"'\x1'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape"
        );
        assert_eq!(
            e(r"'ab\x1g'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \xXX escape"
        );
        assert_eq!(
            e(r"'é\x1'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape"
        );
        assert_eq!(
            e(r"'\U00110000'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"
        );
        assert_eq!(
            e(r"'\N{foo}'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
        assert_eq!(
            e(r"'\N'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape"
        );
        assert_eq!(
            e(r"'\N{'"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape"
        );
        assert_eq!(e(r"b'\x1'"), r"(value error) invalid \x escape at position 0");
        assert_eq!(e("b'é'"), "bytes can only contain ASCII literal characters");
    }

    #[test]
    fn warnings() {
        let mut w = Vec::new();
        decode_string_literal("'''\n\\d\\q'''", 3, 4, &mut w).unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].msg,
            r#""\d" is an invalid escape sequence. Such sequences will not work in the future. Did you mean "\\d"? A raw string is also an option."#
        );
        assert_eq!((w[0].lineno, w[0].col_offset), (4, 0));
        w.clear();
        decode_string_literal(r"b'\777'", 1, 4, &mut w).unwrap();
        assert!(w[0].msg.starts_with(r#""\777" is an invalid octal escape sequence."#));
        w.clear();
        let v = decode_fstring_middle(r"a{\d", false, 1, 2, &mut w).unwrap();
        assert_eq!(v.repr(), r"'a{\\d'");
        assert_eq!(w.len(), 1);
        w.clear();
        assert_eq!(
            decode_fstring_middle(r"\N{BULLET}}}", false, 1, 2, &mut w).unwrap().repr(),
            "'•}'"
        );
        assert_eq!(decode_fstring_middle(r"\d", true, 1, 2, &mut w).unwrap().repr(), r"'\\d'");
        assert!(w.is_empty());
    }
}
