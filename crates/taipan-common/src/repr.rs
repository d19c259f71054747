//! CPython's `repr` of `str`, `bytes`, `float` and `complex`.
//!
//! - `str`: single quotes unless the text has a `'` and no `"`; `\\`, the chosen quote, `\t`, `\n`,
//!   `\r` escaped; other non-printable code points as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
//! - `bytes`: the same quote rule, printable ASCII as itself, the rest `\xhh`.
//! - `float`: the shortest digits that round-trip, in positional form when the decimal point falls
//!   within -4 < exponent <= 16, else `d.ddde+XX`; `inf`, `-inf`, `nan`; `.0` added to integral
//!   values in positional form.

use crate::unicode::is_printable;
use std::fmt::Write;

/// `repr` of a string given by its code points.
pub fn repr_code_points<I: Iterator<Item = u32> + Clone>(cps: I) -> String {
    let (mut has_single, mut has_double) = (false, false);
    for c in cps.clone() {
        if c == '\'' as u32 {
            has_single = true;
        } else if c == '"' as u32 {
            has_double = true;
        }
    }
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(16);
    out.push(quote);
    for c in cps {
        match c {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if c == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if is_printable(c) => out.push(char::from_u32(c).expect("printable is a char")),
            _ if c < 0x100 => write!(out, "\\x{c:02x}").unwrap(),
            _ if c < 0x10000 => write!(out, "\\u{c:04x}").unwrap(),
            _ => write!(out, "\\U{c:08x}").unwrap(),
        }
    }
    out.push(quote);
    out
}

/// `repr` of a Rust string.
pub fn repr_str(s: &str) -> String {
    repr_code_points(s.chars().map(|c| c as u32))
}

/// `repr` of a bytes value.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => write!(out, "\\x{c:02x}").unwrap(),
        }
    }
    out.push(quote as char);
    out
}

/// The shortest round-trip decimal digits of a finite, non-zero `|x|` and the position of the
/// decimal point relative to them: `x = 0.DIGITS * 10**decpt`.
pub(crate) fn shortest_digits(x: f64) -> (String, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x.abs());
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().expect("ryu exponent")),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut decpt = int_part.len() as i32 + exp;
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    (digits, decpt)
}

/// CPython's `format_float_short` for `repr` (mode 'r'); `add_dot_0` gives `1.0` rather than `1`.
fn format_repr(x: f64, add_dot_0: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}{}", if add_dot_0 { "0.0" } else { "0" });
    }
    let (digits, decpt) = shortest_digits(x);
    let mut out = String::from(sign);
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()).unwrap();
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else if (decpt as usize) >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', decpt as usize - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `repr(float)`.
pub fn repr_float(x: f64) -> String {
    format_repr(x, true)
}

/// `repr(complex(real, imag))`.
pub fn repr_complex(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        return format!("{}j", format_repr(imag, false));
    }
    let re = format_repr(real, false);
    let im = format_repr(imag, false);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({re}{sign}{im}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e16, "1.5e+16"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (2.5e-7, "2.5e-07"),
            (1e300, "1e+300"),
            (f64::INFINITY, "inf"),
            (1658206780088562.25, "1658206780088562.2"),
            (5e-324, "5e-324"),
            (123.456, "123.456"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr_float(x), want, "repr of {x:e}");
        }
    }

    #[test]
    fn complexes() {
        assert_eq!(repr_complex(0.0, 1.0), "1j");
        assert_eq!(repr_complex(0.0, 2.5), "2.5j");
        assert_eq!(repr_complex(1.0, -2.0), "(1-2j)");
        assert_eq!(repr_complex(0.0, 1e16), "1e+16j");
        assert_eq!(repr_complex(-0.0, 1.0), "(-0+1j)");
    }

    #[test]
    fn strings() {
        assert_eq!(repr_str("a'b"), "\"a'b\"");
        assert_eq!(repr_str("a'b\""), "'a\\'b\"'");
        assert_eq!(repr_str("\t\x00\u{a0}é\u{2028}"), "'\\t\\x00\\xa0é\\u2028'");
        assert_eq!(repr_code_points([0xd800u32].into_iter()), "'\\ud800'");
        assert_eq!(repr_bytes(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
    }
}
