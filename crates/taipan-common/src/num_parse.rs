//! Text to number as `float(str)` and `int(str, base)` do it in CPython 3.14.
//!
//! Both first map the text the way `_PyUnicode_TransformDecimalAndSpaceToASCII` does: ASCII
//! stays, Unicode whitespace becomes a space, Unicode decimal digits become ASCII digits, and
//! anything else makes the text invalid. Then:
//!
//! - `float`: underscores only between two digits, surrounding ASCII whitespace, an optional
//!   sign, then `inf`, `infinity` or `nan` in any case, or a decimal literal (`1`, `1.`, `.5`,
//!   `1e-5`), correctly rounded; overflow gives `inf`.
//! - `int`: surrounding whitespace, a sign, base 0 prefixes (`0x`, `0o`, `0b`; other leading zeros
//!   only for zero), an optional underscore after a prefix, underscores between digits, and
//!   `sys.get_int_max_str_digits()` for bases that are not powers of two.
//!
//! Error messages quote `repr(text)`, which needs the caller's string type: the caller passes it to
//! [`float_error_message`] / [`IntParseError::message`].

use crate::num_tables::WHITESPACE;
use dashu_int::{IBig, UBig};

/// Python's `Py_ISSPACE` (ASCII whitespace, vertical tab included).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `str.isspace()` for one code point.
pub fn is_unicode_space(c: char) -> bool {
    WHITESPACE.binary_search(&(c as u32)).is_ok()
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`; `None` when a character can be neither (the
/// text is then invalid for both `int` and `float`).
fn to_ascii(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if is_unicode_space(c) {
            out.push(' ');
        } else {
            let d = crate::format_spec::decimal_value(c)?;
            out.push(char::from(b'0' + d as u8));
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

/// The text of `float()`'s `ValueError`, given `repr(text)`.
pub fn float_error_message(repr_of_text: &str) -> String {
    format!("could not convert string to float: {repr_of_text}")
}

/// `float(str)` failed: `ValueError` with [`float_error_message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseFloatError;

/// `float(s)` for a str.
pub fn parse_float(s: &str) -> Result<f64, ParseFloatError> {
    parse_float_text(s).map_err(|()| ParseFloatError)
}

fn parse_float_text(s: &str) -> Result<f64, ()> {
    let ascii = to_ascii(s).ok_or(())?;
    let bytes = ascii.as_bytes();
    let cleaned;
    let text: &[u8] = if bytes.contains(&b'_') {
        let mut out = Vec::with_capacity(bytes.len());
        let mut prev = 0u8;
        for &b in bytes {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(());
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return Err(());
                }
                out.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return Err(());
        }
        cleaned = out;
        &cleaned
    } else {
        bytes
    };
    let start = text.iter().position(|&b| !is_c_space(b)).ok_or(())?;
    let end = text.iter().rposition(|&b| !is_c_space(b)).map_or(start, |i| i + 1);
    parse_float_literal(&text[start..end])
}

/// A float literal with no surrounding space: `[sign](inf|infinity|nan|decimal)`.
fn parse_float_literal(t: &[u8]) -> Result<f64, ()> {
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    // digits [. digits] [(e|E) [sign] digits], with at least one mantissa digit.
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < body.len() && body[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if body.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return Err(());
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return Err(());
        }
    }
    if i != body.len() {
        return Err(());
    }
    let text = std::str::from_utf8(body).map_err(|_| ())?;
    let v: f64 = text.parse().map_err(|_| ())?;
    Ok(if negative { -v } else { v })
}

/// Why `int(s, base)` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// `ValueError: invalid literal for int() with base B: REPR`.
    InvalidLiteral,
    /// `ValueError: int() base must be >= 2 and <= 36, or 0`.
    BadBase,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows (`ValueError`).
    TooManyDigits { digits: usize, limit: usize },
}

impl IntParseError {
    /// CPython's message: `base` is the base as the caller gave it (0 included) and
    /// `repr_of_text` is `repr(text)`, which is cut to its first 200 characters.
    pub fn message(&self, base: i32, repr_of_text: &str) -> String {
        match self {
            IntParseError::InvalidLiteral => {
                let cut = match repr_of_text.char_indices().nth(200) {
                    Some((i, _)) => &repr_of_text[..i],
                    None => repr_of_text,
                };
                format!("invalid literal for int() with base {base}: {cut}")
            }
            IntParseError::BadBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
            IntParseError::TooManyDigits { digits, limit } => format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        }
    }
}

/// The value of an ASCII digit or letter in bases up to 36.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)` for a str. `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit).
pub fn parse_int(s: &str, base: i32, max_str_digits: usize) -> Result<IBig, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::BadBase);
    }
    let ascii = to_ascii(s).ok_or(IntParseError::InvalidLiteral)?;
    // CPython parses a C string: the text ends at the first NUL, and a NUL anywhere makes an
    // otherwise good literal invalid (after the digit-limit check, as in CPython).
    let (text, has_nul) = match ascii.as_bytes().iter().position(|&b| b == 0) {
        Some(i) => (&ascii.as_bytes()[..i], true),
        None => (ascii.as_bytes(), false),
    };
    let value = parse_int_bytes(text, base as u32, max_str_digits)?;
    if has_nul {
        return Err(IntParseError::InvalidLiteral);
    }
    Ok(value)
}

fn parse_int_bytes(t: &[u8], mut base: u32, limit: usize) -> Result<IBig, IntParseError> {
    use IntParseError::InvalidLiteral;
    let mut i = 0;
    while i < t.len() && is_c_space(t[i]) {
        i += 1;
    }
    let negative = match t.get(i) {
        Some(b'+') => {
            i += 1;
            false
        }
        Some(b'-') => {
            i += 1;
            true
        }
        _ => false,
    };
    let lower = |k: usize| t.get(k).map(u8::to_ascii_lowercase);
    let mut zero_only = false;
    if base == 0 {
        base = match (t.get(i), lower(i + 1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                zero_only = true;
                10
            }
            _ => 10,
        };
    }
    if t.get(i) == Some(&b'0') {
        let prefix = match base {
            16 => Some(b'x'),
            8 => Some(b'o'),
            2 => Some(b'b'),
            _ => None,
        };
        if prefix.is_some() && lower(i + 1) == prefix {
            i += 2;
            if t.get(i) == Some(&b'_') {
                i += 1;
            }
        }
    }
    // Digits with single underscores between them.
    if t.get(i) == Some(&b'_') {
        return Err(InvalidLiteral);
    }
    let mut digits = Vec::with_capacity(t.len() - i);
    let mut prev = 0u8;
    while let Some(&b) = t.get(i) {
        if b == b'_' {
            if prev == b'_' {
                return Err(InvalidLiteral);
            }
        } else if digit_value(b) < base {
            digits.push(b);
        } else {
            break;
        }
        prev = b;
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return Err(InvalidLiteral);
    }
    while i < t.len() && is_c_space(t[i]) {
        i += 1;
    }
    if i != t.len() {
        return Err(InvalidLiteral);
    }
    if limit > 0 && !base.is_power_of_two() && digits.len() > limit {
        return Err(IntParseError::TooManyDigits { digits: digits.len(), limit });
    }
    let text = std::str::from_utf8(&digits).map_err(|_| InvalidLiteral)?;
    let magnitude = UBig::from_str_radix(text, base).map_err(|_| InvalidLiteral)?;
    if zero_only && magnitude != UBig::ZERO {
        return Err(InvalidLiteral);
    }
    let value = IBig::from(magnitude);
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        assert_eq!(parse_float(" 1_0.5e1_0 "), Ok(10.5e10));
        assert_eq!(parse_float("\u{2003}-Infinity\u{3000}"), Ok(f64::NEG_INFINITY));
        assert_eq!(parse_float("\u{661}.\u{662}"), Ok(1.2));
        assert_eq!(parse_float("1e999"), Ok(f64::INFINITY));
        for bad in ["", " ", "1_", "_1", "1__0", "1._5", "1e", ".", "e5", "infi", "0x10", "1\0"] {
            assert_eq!(parse_float(bad), Err(ParseFloatError), "{bad:?}");
        }
    }

    #[test]
    fn ints() {
        let p = |s: &str, b: i32| parse_int(s, b, 4300).map(|v| v.to_string());
        assert_eq!(p(" -0x_1f ", 0), Ok("-31".into()));
        assert_eq!(p("0_0", 0), Ok("0".into()));
        assert_eq!(p("012", 0), Err(IntParseError::InvalidLiteral));
        assert_eq!(p("0b1", 16), Ok("177".into()));
        assert_eq!(p("\u{ff11}\u{ff12}", 16), Ok("18".into()));
        assert_eq!(p("1", 37), Err(IntParseError::BadBase));
        assert_eq!(
            p(&"1".repeat(4301), 10),
            Err(IntParseError::TooManyDigits { digits: 4301, limit: 4300 })
        );
        assert!(p(&"1".repeat(5000), 16).is_ok());
    }
}
