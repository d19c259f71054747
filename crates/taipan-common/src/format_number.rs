//! `format(number, spec)` as CPython 3.14's `int.__format__`, `float.__format__` and
//! `complex.__format__`: presentation types, sign, `#` prefixes, `,`/`_` grouping of the integer
//! part (every 3 digits, every 4 for `b o x X`), 3.14's grouping of the fractional part, zero
//! padding that grows the grouped digits, and alignment. The locale-aware `n` type behaves as in
//! the C locale (no grouping), which is what CPython does until `locale.setlocale` is called.
//!
//! Results are Rust `String`s, so type `c` of a lone surrogate (`format(0xd800, 'c')`) yields
//! U+FFFD in its place; a caller that needs the surrogate must special-case that value.

use crate::float_fmt::{
    DtoaFlags, check_decimal_limit, double_to_string, magnitude_digits, surely_over_decimal_limit,
};
use crate::format_spec::{FormatError, FormatSpec, pad, push_repeat};
use crate::repr::{repr_complex, repr_float};
use dashu_int::IBig;

/// A number split the way CPython's `calc_number_widths` sees it:
/// `<sign><prefix><int digits>[.<frac digits>]<remainder>`.
struct Parts<'a> {
    negative: bool,
    prefix: &'a str,
    int_digits: &'a str,
    has_decimal: bool,
    frac_digits: &'a str,
    /// Exponent, `%`, `inf`/`nan`, or the character of type `c`.
    remainder: &'a str,
}

impl<'a> Parts<'a> {
    /// Splits the text of a float (as [`double_to_string`] writes it, `-` at most).
    fn of_float(text: &'a str) -> Parts<'a> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (int_digits, rest) = rest.split_at(int_len);
        let (has_decimal, rest) = match rest.strip_prefix('.') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (frac_digits, remainder) = rest.split_at(frac_len);
        Parts { negative, prefix: "", int_digits, has_decimal, frac_digits, remainder }
    }
}

/// How the digits are grouped and padded.
struct Layout {
    sign: Option<char>,
    fill: char,
    align: char,
    width: Option<usize>,
    /// Separator and group size for the integer part.
    grouping: Option<(char, usize)>,
    frac_grouping: Option<char>,
}

/// Total digit slots (digits plus leading zeros) the integer part takes when grouped into
/// `group`s and zero-padded to `min_width` characters (separators included), following
/// `_PyUnicode_InsertThousandsGrouping`; the groups are all full except the leftmost.
fn grouped_slots(ndigits: i128, min_width: i128, group: Option<i128>) -> i128 {
    let mut min_width = min_width.max(0);
    let Some(group) = group else {
        return ndigits.max(min_width).max(1);
    };
    // Whole groups that are certainly needed, skipped in one step (huge widths).
    let mut remaining = ndigits;
    let mut slots = 0;
    let skip = ((remaining.max(min_width) / (group + 1)) - 1).max(0);
    slots += skip * group;
    remaining = (remaining - skip * group).max(0);
    min_width -= skip * (group + 1);
    loop {
        let len = group.min(remaining.max(min_width).max(1));
        let chars = remaining.min(len).max(0);
        slots += len;
        remaining -= chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            return slots;
        }
        min_width -= 1;
    }
}

/// Writes the digit slots: leading zeros, then `digits`, with `sep` between groups of `group`
/// counted from the right.
fn push_grouped(
    out: &mut String,
    digits: &str,
    slots: i128,
    sep: Option<(char, usize)>,
) -> Result<(), FormatError> {
    let zeros = (slots - digits.len() as i128).max(0) as usize;
    let slots = slots as usize;
    match sep {
        None => {
            push_repeat(out, '0', zeros)?;
            out.push_str(digits);
        }
        Some((sep, group)) => {
            let all = std::iter::repeat_n('0', zeros).chain(digits.chars());
            for (i, c) in all.enumerate() {
                if i > 0 && (slots - i).is_multiple_of(group) {
                    out.push(sep);
                }
                out.push(c);
            }
        }
    }
    Ok(())
}

/// `calc_number_widths` + `fill_number`.
fn layout(parts: &Parts<'_>, lay: &Layout) -> Result<String, FormatError> {
    let sign = match lay.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let nfrac = parts.frac_digits.len() as i128;
    let grouped_frac = match lay.frac_grouping {
        Some(_) if nfrac > 0 => nfrac + (nfrac - 1) / 3,
        _ => nfrac,
    };
    let fixed = sign.is_some() as i128
        + parts.prefix.len() as i128
        + parts.has_decimal as i128
        + grouped_frac
        + parts.remainder.chars().count() as i128;
    let width = lay.width.map_or(-1, |w| w as i128);
    let min_width = if lay.fill == '0' && lay.align == '=' { width - fixed } else { 0 };
    let ndigits = parts.int_digits.len() as i128;
    let (slots, grouped) = if ndigits == 0 {
        (0, 0)
    } else {
        let group = lay.grouping.map(|(_, g)| g as i128);
        let slots = grouped_slots(ndigits, min_width, group);
        let seps = group.map_or(0, |g| (slots - 1) / g);
        (slots, slots + seps)
    };
    let padding = (width - (fixed + grouped)).max(0) as usize;
    let (lpad, spad, rpad) = match lay.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    let bytes =
        ((fixed + grouped) as usize).saturating_add(padding.saturating_mul(lay.fill.len_utf8()));
    out.try_reserve(bytes).map_err(|_| FormatError::NoMemory)?;
    push_repeat(&mut out, lay.fill, lpad)?;
    out.extend(sign);
    out.push_str(parts.prefix);
    push_repeat(&mut out, lay.fill, spad)?;
    if ndigits > 0 {
        push_grouped(&mut out, parts.int_digits, slots, lay.grouping)?;
    }
    if parts.has_decimal {
        out.push('.');
    }
    match lay.frac_grouping {
        Some(sep) => {
            for (i, c) in parts.frac_digits.chars().enumerate() {
                if i > 0 && i % 3 == 0 {
                    out.push(sep);
                }
                out.push(c);
            }
        }
        None => out.push_str(parts.frac_digits),
    }
    out.push_str(parts.remainder);
    push_repeat(&mut out, lay.fill, rpad)?;
    Ok(out)
}

/// Separator and group size of the integer part for presentation type `ty`.
fn int_grouping(spec: &FormatSpec, ty: char) -> Option<(char, usize)> {
    match (spec.grouping, ty) {
        (_, 'n') => None,
        (Some('_'), 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
        (Some(sep), _) => Some((sep, 3)),
        (None, _) => None,
    }
}

fn layout_for(spec: &FormatSpec, ty: char) -> Layout {
    let (fill, align) = spec.fill_align('>');
    Layout {
        sign: spec.sign,
        fill,
        align,
        width: spec.width,
        grouping: int_grouping(spec, ty),
        frac_grouping: spec.frac_grouping,
    }
}

/// `format(v, spec)` for an int (`int.__format__`). The empty spec gives the decimal digits:
/// for a `bool` (or other subclass) the caller should use `str(obj)` instead, as CPython does.
/// `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit); it applies to decimal
/// output (types `d`, `n`, none).
pub fn format_int(v: &IBig, spec: &str, max_str_digits: usize) -> Result<String, FormatError> {
    let spec = FormatSpec::parse(spec, Some('d'))?;
    format_int_spec(v, &spec, max_str_digits)
}

/// The decimal digits of an int's magnitude, checked against the `str(int)` digit limit.
fn decimal_magnitude(v: &IBig, max_str_digits: usize) -> Result<String, FormatError> {
    if surely_over_decimal_limit(v, max_str_digits) {
        return Err(FormatError::IntTooManyDigits { limit: max_str_digits });
    }
    let digits = magnitude_digits(v, 10);
    check_decimal_limit(&digits, max_str_digits)?;
    Ok(digits)
}

/// Converts an int to float as `float(v)` does (correctly rounded), or `OverflowError`.
pub fn int_to_f64(v: &IBig) -> Result<f64, FormatError> {
    let x = v.to_f64().value();
    if x.is_finite() {
        Ok(x)
    } else {
        Err(FormatError::Overflow("int too large to convert to float"))
    }
}

/// [`format_int`] with a parsed spec (parsed with default type `Some('d')`).
pub fn format_int_spec(
    v: &IBig,
    spec: &FormatSpec,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_spec(int_to_f64(v)?, spec);
        }
        _ => return Err(FormatError::UnknownCode(ty)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::Value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let lay = layout_for(spec, ty);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::Value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(FormatError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Ok(code) = i64::try_from(v) else {
            return Err(FormatError::Overflow("Python int too large to convert to C long"));
        };
        if !(0..0x110000).contains(&code) {
            return Err(FormatError::Overflow("%c arg not in range(0x110000)"));
        }
        // A lone surrogate has no `char`: it comes out as U+FFFD (see the module docs).
        let c = char::from_u32(code as u32).unwrap_or('\u{fffd}');
        let mut buf = [0u8; 4];
        let parts = Parts {
            negative: false,
            prefix: "",
            int_digits: "",
            has_decimal: false,
            frac_digits: "",
            remainder: c.encode_utf8(&mut buf),
        };
        return layout(&parts, &lay);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        decimal_magnitude(v, max_str_digits)?
    } else {
        magnitude_digits(v, radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = Parts {
        negative: *v < IBig::ZERO,
        prefix: if spec.alternate { prefix } else { "" },
        int_digits: &digits,
        has_decimal: false,
        frac_digits: "",
        remainder: "",
    };
    layout(&parts, &lay)
}

/// `format(x, spec)` for a float (`float.__format__`); the empty spec gives `str(x)`.
pub fn format_float(x: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(repr_float(x));
    }
    let spec = FormatSpec::parse(spec, None)?;
    format_float_spec(x, &spec)
}

/// [`format_float`] with a parsed spec (parsed with default type `None`).
pub fn format_float_spec(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(FormatError::UnknownCode(c)),
    }
    let mut flags =
        DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_zero, ..DtoaFlags::default() };
    let mut code = ty.unwrap_or('r');
    let mut default_precision = 6;
    if ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut x = x;
    let percent = code == '%';
    if percent {
        code = 'f';
        x *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(x, code, precision, flags)?;
    if percent {
        text.push('%');
    }
    let fast = !matches!(spec.sign, Some('+' | ' '))
        && spec.width.is_none()
        && ty != Some('n')
        && spec.grouping.is_none()
        && spec.frac_grouping.is_none();
    if fast {
        return Ok(text);
    }
    layout(&Parts::of_float(&text), &layout_for(spec, ty.unwrap_or('g')))
}

/// `format(complex(re, im), spec)` (`complex.__format__`); the empty spec gives `str(z)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(repr_complex(re, im));
    }
    let spec = FormatSpec::parse(spec, None)?;
    format_complex_spec(re, im, &spec)
}

/// [`format_complex`] with a parsed spec (parsed with default type `None`).
pub fn format_complex_spec(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(c) => return Err(FormatError::UnknownCode(c)),
    }
    let (fill, align) = spec.fill_align('>');
    if fill == '0' {
        return Err(FormatError::Value("Zero padding is not allowed in complex format specifier"));
    }
    if align == '=' {
        return Err(FormatError::Value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let flags =
        DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_zero, ..DtoaFlags::default() };
    let mut code = ty.unwrap_or('r');
    let mut default_precision = 6;
    let (mut skip_re, mut parens) = (false, false);
    if ty.is_none() {
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let re_text = double_to_string(re, code, precision, flags)?;
    let im_text = double_to_string(im, code, precision, flags)?;
    let part_layout = |sign| Layout {
        sign,
        fill: ' ',
        align: '<',
        width: None,
        grouping: int_grouping(spec, code),
        frac_grouping: spec.frac_grouping,
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&layout(&Parts::of_float(&re_text), &part_layout(spec.sign))?);
    }
    let im_sign = if skip_re { spec.sign } else { Some('+') };
    body.push_str(&layout(&Parts::of_float(&im_text), &part_layout(im_sign))?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    pad(&body, len, spec.width, fill, align)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        let f = |v: i64, s: &str| format_int(&IBig::from(v), s, 4300).unwrap();
        assert_eq!(f(255, "#012_x"), "0x0_0000_00ff");
        assert_eq!(f(-12345678, "014,"), "-0,012,345,678");
        assert_eq!(f(12345678, "012_"), "0_012_345_678");
        assert_eq!(f(65, "05c"), "0000A");
        assert_eq!(f(-10, "^010"), "000-100000");
        assert_eq!(f(10, "%"), "1000.000000%");
    }

    #[test]
    fn floats() {
        assert_eq!(format_float(1.123456789e10, "020.10,e").unwrap(), "01.123,456,789,0e+10");
        assert_eq!(
            format_float(1.123456789e10, "030,.10_f").unwrap(),
            "0,011,234,567,890.000_000_000_0"
        );
        assert_eq!(format_float(f64::NEG_INFINITY, "010,").unwrap(), "-000000inf");
        assert_eq!(format_float(1234.5678, ".4,").unwrap(), "1.235e+03");
    }

    #[test]
    fn complexes() {
        assert_eq!(format_complex(1234.123456, 2.123456, ".5_").unwrap(), "(1234.1+2.123_5j)");
        assert_eq!(format_complex(-0.0, -0.0, "z").unwrap(), "(0+0j)");
        assert_eq!(format_complex(1.5, 2.0, "#").unwrap(), "(1.5+2.j)");
        assert_eq!(format_complex(0.0, 1.123456, "._").unwrap(), "1.123_456j");
    }
}
