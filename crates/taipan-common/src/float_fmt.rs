//! Float to text as CPython's `PyOS_double_to_string` does it (modes `e`, `f`, `g`, `r`, with
//! the sign / add-`.0` / alternate / no-negative-zero flags), on correctly rounded (half-even)
//! decimal digits, and the numeric core of `%`-formatting: [`percent_format_float`] and
//! [`percent_format_int`] for `%d %i %u %o %x %X %e %E %f %F %g %G`, [`percent_format_char`] for
//! `%c` of an int, and [`percent_pad_str`] for the padding of `%s %r %a %c`.

use crate::format_spec::{FormatError, push_repeat};
use crate::repr::shortest_digits;
use dashu_int::IBig;
use dashu_int::ops::{BitTest, UnsignedAbs};
use std::fmt::Write;

/// Flags of [`double_to_string`] (CPython's `Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Always write a sign (`+` for non-negative values, including inf and nan).
    pub sign: bool,
    /// Integral values in positional form get `.0` (modes `r` and `g`).
    pub add_dot_0: bool,
    /// Alternate form: keep the decimal point and, for `g`, trailing zeros.
    pub alt: bool,
    /// A value that rounds to zero loses its minus sign (the `z` of format specs).
    pub no_neg_0: bool,
}

/// The largest precision [`double_to_string`] accepts; above it CPython raises
/// `ValueError: precision too big`.
pub const MAX_PRECISION: usize = i32::MAX as usize - 1024;

/// How many digits to produce.
#[derive(Clone, Copy)]
enum DigitMode {
    /// The shortest digits that round-trip (dtoa mode 0).
    Shortest,
    /// This many significant digits (mode 2; at least 1).
    Significant(usize),
    /// This many digits after the decimal point (mode 3).
    Fixed(usize),
}

/// Correctly rounded decimal digits of finite `|x|`: `|x| ~= 0.DIGITS * 10**decpt`, without
/// trailing zeros (as `_Py_dg_dtoa`). Zero gives `"0"` with `decpt` 1; a value that rounds to
/// zero in fixed mode gives no digits with `decpt = -ndigits`.
fn decimal_digits(x: f64, mode: DigitMode) -> (Vec<u8>, i64) {
    let x = x.abs();
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    let text = match mode {
        DigitMode::Shortest => {
            let (digits, decpt) = shortest_digits(x);
            return (digits.into_bytes(), decpt as i64);
        }
        // A double has at most 767 significant decimal digits and 1074 fractional ones, so
        // capping the request changes nothing but the count of trailing zeros.
        DigitMode::Significant(n) => format!("{:.*e}", n.clamp(1, 800) - 1, x),
        DigitMode::Fixed(n) => format!("{:.*}", n.min(1100), x),
    };
    let mut digits = text.into_bytes();
    let exp = match digits.iter().position(|&b| b == b'e') {
        Some(i) => {
            let exp = std::str::from_utf8(&digits[i + 1..]).ok().and_then(|e| e.parse().ok());
            digits.truncate(i);
            exp.unwrap_or(0i64)
        }
        None => 0,
    };
    let int_len = digits.iter().position(|&b| b == b'.').unwrap_or(digits.len());
    if int_len < digits.len() {
        digits.remove(int_len);
    }
    let int_len = int_len as i64;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, int_len + exp - lead as i64)
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of `e E f F g G r`
/// (upper-case codes write `E`, `INF`, `NAN`); `precision` is ignored for `r`. Errors:
/// `precision too big` above [`MAX_PRECISION`], `MemoryError` if the text cannot be allocated.
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<String, FormatError> {
    if precision > MAX_PRECISION {
        return Err(FormatError::Value("precision too big"));
    }
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    debug_assert!(matches!(code, 'e' | 'f' | 'g' | 'r'), "bad float format code {code:?}");
    if !x.is_finite() {
        let mut out = String::with_capacity(4);
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return Ok(out);
    }
    let (precision, mode) = match code {
        'e' => (precision + 1, DigitMode::Significant(precision + 1)),
        'f' => (precision, DigitMode::Fixed(precision)),
        'g' => (precision.max(1), DigitMode::Significant(precision.max(1))),
        _ => (0, DigitMode::Shortest),
    };
    let (digits, mut decpt) = decimal_digits(x, mode);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits.iter().all(|&d| d == b'0') {
        negative = false;
    }
    let ndigits = digits.len() as i64;
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vend = ndigits;
    match code {
        'e' => {
            use_exp = true;
            vend = precision;
        }
        'f' => vend = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };

    let size = 3 + (vend - vstart) as usize + if use_exp { 8 } else { 0 };
    let mut out = String::new();
    out.try_reserve(size).map_err(|_| FormatError::NoMemory)?;
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| push_repeat(out, '0', n.max(0) as usize);
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart)?;
        out.push('.');
        zeros(&mut out, -decpt)?;
    } else {
        zeros(&mut out, -vstart)?;
    }
    let text = std::str::from_utf8(&digits).unwrap_or("");
    if 0 < decpt && decpt <= ndigits {
        out.push_str(&text[..decpt as usize]);
        out.push('.');
        out.push_str(&text[decpt as usize..]);
    } else {
        out.push_str(text);
    }
    if ndigits < decpt {
        zeros(&mut out, decpt - ndigits)?;
        out.push('.');
        zeros(&mut out, vend - decpt)?;
    } else {
        zeros(&mut out, vend - ndigits)?;
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let _ = write!(out, "{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
    Ok(out)
}

/// The flags of one `%` conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
}

/// The largest `%` precision CPython's parser accepts (`precision too big` above it).
pub const PERCENT_MAX_PRECISION: usize = i32::MAX as usize;

/// `unicode_format_arg_output` for a numeric conversion: places the sign, the `0x`/`0o` prefix
/// and the padding around `text` (which starts with `-` when negative, then the prefix when
/// `alt` and `conv` is `o`, `x` or `X`).
fn percent_output(
    text: &str,
    flags: PercentFlags,
    width: Option<usize>,
    conv: char,
) -> Result<String, FormatError> {
    let fill = if flags.zero { '0' } else { ' ' };
    let mut rest = text;
    let mut sign = None;
    if let Some(c @ ('-' | '+')) = rest.chars().next() {
        sign = Some(c);
        rest = &rest[1..];
    } else if flags.plus {
        sign = Some('+');
    } else if flags.space {
        sign = Some(' ');
    }
    let prefixed = flags.alt && matches!(conv, 'x' | 'X' | 'o');
    let (prefix, digits) = if prefixed && rest.len() >= 2 && rest.starts_with('0') {
        rest.split_at(2)
    } else {
        ("", rest)
    };
    let len = sign.is_some() as usize + prefix.len() + digits.len();
    let width = width.unwrap_or(0).max(len);
    let padding = width - len;
    let mut out = String::new();
    out.try_reserve(width).map_err(|_| FormatError::NoMemory)?;
    if flags.left {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(digits);
        push_repeat(&mut out, ' ', padding)?;
    } else if fill == '0' {
        out.extend(sign);
        out.push_str(prefix);
        push_repeat(&mut out, '0', padding)?;
        out.push_str(digits);
    } else {
        push_repeat(&mut out, ' ', padding)?;
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(digits);
    }
    Ok(out)
}

/// `'%<flags><width>.<precision><conv>' % x` for a float `conv` in `e E f F g G` (the caller
/// converts ints with `float()` first). `precision` defaults to 6.
pub fn percent_format_float(
    x: f64,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> Result<String, FormatError> {
    if precision.is_some_and(|p| p > PERCENT_MAX_PRECISION) {
        return Err(FormatError::Value("precision too big"));
    }
    let dtoa = DtoaFlags { alt: flags.alt, ..DtoaFlags::default() };
    let text = double_to_string(x, conv, precision.unwrap_or(6), dtoa)?;
    percent_output(&text, flags, width, conv)
}

/// The decimal digit limit check of `str(int)` (`sys.get_int_max_str_digits()`; 0 = none).
pub(crate) fn check_decimal_limit(magnitude_digits: &str, limit: usize) -> Result<(), FormatError> {
    if limit > 0 && magnitude_digits.len() > limit {
        return Err(FormatError::IntTooManyDigits { limit });
    }
    Ok(())
}

/// A quick, conservative version of the limit check from the bit length alone, so that huge
/// ints are rejected before an expensive decimal conversion.
pub(crate) fn surely_over_decimal_limit(v: &IBig, limit: usize) -> bool {
    // bits * log10(2) > limit + 1 guarantees more than `limit` digits.
    limit > 0
        && (v.unsigned_abs().bit_len() as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0
}

/// The digits of `|v|` in `radix` (lower-case letters).
pub(crate) fn magnitude_digits(v: &IBig, radix: u32) -> String {
    let mag = v.unsigned_abs();
    match radix {
        10 => mag.to_string(),
        _ => format!("{}", mag.in_radix(radix as u8)),
    }
}

/// `'%<flags><width>.<precision><conv>' % v` for an int `conv` in `d i u o x X`; a precision is
/// a minimum digit count. `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit),
/// which applies to the decimal conversions.
pub fn percent_format_int(
    v: &IBig,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    if let Some(p) = precision {
        if p > PERCENT_MAX_PRECISION {
            return Err(FormatError::Value("precision too big"));
        }
        if p > PERCENT_MAX_PRECISION - 3 {
            return Err(FormatError::Overflow("precision too large"));
        }
    }
    let radix = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    if radix == 10 && surely_over_decimal_limit(v, max_str_digits) {
        return Err(FormatError::IntTooManyDigits { limit: max_str_digits });
    }
    let mut digits = magnitude_digits(v, radix);
    if radix == 10 {
        check_decimal_limit(&digits, max_str_digits)?;
    }
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::new();
    let pad = precision.unwrap_or(0).saturating_sub(digits.len());
    text.try_reserve(digits.len() + pad + 3).map_err(|_| FormatError::NoMemory)?;
    if *v < IBig::ZERO {
        text.push('-');
    }
    if flags.alt && radix != 10 {
        text.push('0');
        text.push(if conv == 'o' { 'o' } else { conv });
    }
    push_repeat(&mut text, '0', pad)?;
    text.push_str(&digits);
    percent_output(&text, flags, width, conv)
}

/// `'%c' % v` for an int: the character, or `OverflowError` out of `range(0x110000)`. Lone
/// surrogates are returned as their code point (the caller's string type holds them).
pub fn percent_format_char(v: &IBig) -> Result<u32, FormatError> {
    match u32::try_from(v) {
        Ok(c) if c < 0x110000 => Ok(c),
        _ => Err(FormatError::Overflow("%c arg not in range(0x110000)")),
    }
}

/// The padding of `%s`, `%r`, `%a` and `%c` (`text` already converted): `precision` keeps the
/// first characters, `width` pads with spaces on the left (on the right with `-`); the `0`, `+`,
/// ` ` and `#` flags do nothing.
pub fn percent_pad_str(
    text: &str,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FormatError> {
    if precision.is_some_and(|p| p > PERCENT_MAX_PRECISION) {
        return Err(FormatError::Value("precision too big"));
    }
    let (body, len) = match precision.and_then(|p| text.char_indices().nth(p).map(|c| (c, p))) {
        Some(((i, _), p)) => (&text[..i], p),
        None => (text, text.chars().count()),
    };
    crate::format_spec::pad(body, len, width, ' ', if flags.left { '<' } else { '>' })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d2s(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, DtoaFlags::default()).unwrap()
    }

    #[test]
    fn modes() {
        assert_eq!(d2s(1.5, 'f', 0), "2");
        assert_eq!(d2s(2.5, 'f', 0), "2");
        assert_eq!(d2s(0.5, 'f', 0), "0");
        assert_eq!(d2s(1e-9, 'f', 3), "0.000");
        assert_eq!(d2s(123.0, 'g', 0), "1e+02");
        assert_eq!(d2s(1.25e-5, 'e', 20), "1.25000000000000005990e-05");
        assert_eq!(d2s(5e-324, 'g', 6), "4.94066e-324");
        assert_eq!(d2s(f64::NEG_INFINITY, 'F', 6), "-INF");
        assert_eq!(d2s(1e300, 'f', 3).len(), 305);
        let alt = DtoaFlags { alt: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(1234.5, 'e', 0, alt).unwrap(), "1.e+03");
        let z = DtoaFlags { no_neg_0: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(-0.04, 'f', 1, z).unwrap(), "0.0");
    }

    #[test]
    fn percent() {
        let f = PercentFlags { zero: true, plus: true, ..PercentFlags::default() };
        assert_eq!(percent_format_float(-0.0, f, Some(10), Some(3), 'f').unwrap(), "-00000.000");
        let alt = PercentFlags { alt: true, zero: true, ..PercentFlags::default() };
        let v = IBig::from(-255);
        assert_eq!(percent_format_int(&v, alt, Some(10), None, 'x', 4300).unwrap(), "-0x00000ff");
        assert!(percent_format_char(&IBig::from(0x110000)).is_err());
    }
}
