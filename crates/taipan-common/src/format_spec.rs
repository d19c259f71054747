//! The format-spec mini-language of `format()`, f-strings and `str.format` (CPython 3.14):
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]`,
//! parsed into a [`FormatSpec`], the errors every formatter can raise ([`FormatError`]), and
//! `format(str, spec)` ([`format_str`]). Numbers are laid out in [`crate::format_number`].
//!
//! Messages that name the formatted object's type (`Unknown format code 'x' for object of type
//! 'float'`) take the type name from the caller, so subclasses (`bool`, user classes) are named
//! as CPython names them: see [`FormatError::message`]. Specs and values are `&str`: text with
//! lone surrogates has to be handled by the caller.

use crate::num_tables::DECIMAL_ZEROS;
use std::fmt;

/// The Python exception class a [`FormatError`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    MemoryError,
}

/// A formatting failure, with CPython's message text (see [`FormatError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// A `ValueError` with a fixed message.
    Value(&'static str),
    /// An `OverflowError` with a fixed message.
    Overflow(&'static str),
    /// Leftover characters: `Invalid format specifier 'SPEC' for object of type 'T'`.
    InvalidSpecifier(String),
    /// `Unknown format code 'c' for object of type 'T'` (`'\x..'` when not printable ASCII).
    UnknownCode(char),
    /// `Cannot specify 'SEP' with 'CODE'.`
    SeparatorWithCode { sep: char, code: char },
    /// An int with more decimal digits than `sys.get_int_max_str_digits()` allows.
    IntTooManyDigits { limit: usize },
    /// The result does not fit in memory (`MemoryError`).
    NoMemory,
}

impl FormatError {
    /// The exception class to raise.
    pub fn kind(&self) -> ErrorKind {
        match self {
            FormatError::Overflow(_) => ErrorKind::OverflowError,
            FormatError::NoMemory => ErrorKind::MemoryError,
            _ => ErrorKind::ValueError,
        }
    }

    /// CPython's message; `type_name` is `type(obj).__name__` of the formatted object (only used
    /// by the messages that name a type).
    pub fn message(&self, type_name: &str) -> String {
        match self {
            FormatError::Value(m) | FormatError::Overflow(m) => (*m).to_string(),
            FormatError::InvalidSpecifier(spec) => {
                format!("Invalid format specifier '{spec}' for object of type '{type_name}'")
            }
            FormatError::UnknownCode(c) => {
                format!("Unknown format code {} for object of type '{type_name}'", code_text(*c))
            }
            FormatError::SeparatorWithCode { sep, code } => {
                format!("Cannot specify '{sep}' with {}.", code_text(*code))
            }
            FormatError::IntTooManyDigits { limit } => format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ),
            FormatError::NoMemory => String::new(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("object"))
    }
}

impl std::error::Error for FormatError {}

/// A presentation type as CPython quotes it: `'x'` for printable ASCII, else `'\x..'`.
fn code_text(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 { format!("'{c}'") } else { format!("'\\x{n:x}'") }
}

/// The value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`), if `c` is one.
pub fn decimal_value(c: char) -> Option<u32> {
    let n = c as u32;
    if c.is_ascii_digit() {
        return Some(n - '0' as u32);
    }
    if n < 0x660 {
        return None;
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= n);
    let zero = DECIMAL_ZEROS[i.checked_sub(1)?];
    (n - zero < 10).then_some(n - zero)
}

/// A parsed format spec. `fill`/`align` are as written: [`FormatSpec::fill_align`] resolves the
/// `0` flag and the default alignment of the formatted type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The explicit fill character (only with an explicit alignment).
    pub fill: Option<char>,
    /// `<`, `>`, `=` or `^` if given.
    pub align: Option<char>,
    /// `+`, `-` or ` ` if given.
    pub sign: Option<char>,
    /// `z`: negative zero coerced to zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` before the width with no explicit fill.
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_` for the integer part.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// `,` or `_` after the `.`: groups the fractional digits (new in 3.14).
    pub frac_grouping: Option<char>,
    /// The presentation type, or the formatted type's default when none is written.
    pub ty: Option<char>,
}

/// `get_integer`: a run of Unicode decimal digits; `None` when there are none.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        // CPython's accumulator is a Py_ssize_t.
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or(FormatError::Value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

const BOTH_SEPARATORS: FormatError = FormatError::Value("Cannot specify both ',' and '_'.");

impl FormatSpec {
    /// Parses `spec` (`parse_internal_render_format_spec`). `default_type` is the type used when
    /// none is written: `Some('s')` for str, `Some('d')` for int, `None` for float and complex;
    /// it matters for the separator checks (`format('a', ',')` fails as `','` with `'s'`).
    pub fn parse(spec: &str, default_type: Option<char>) -> Result<FormatSpec, FormatError> {
        // Specs are short: decode into a stack buffer unless this one is not.
        let mut small = ['\0'; 32];
        let long: Vec<char>;
        let chars: &[char] = if spec.len() <= small.len() {
            let mut n = 0;
            for c in spec.chars() {
                small[n] = c;
                n += 1;
            }
            &small[..n]
        } else {
            long = spec.chars().collect();
            &long
        };
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            frac_grouping: None,
            ty: default_type,
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        if end >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        let at = |pos: usize, c: char| chars.get(pos) == Some(&c);
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            out.sign = Some(c);
            pos += 1;
        }
        if at(pos, 'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if at(pos, '#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && at(pos, '0') {
            out.zero = true;
            pos += 1;
        }
        out.width = read_integer(chars, &mut pos)?;
        if at(pos, ',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if at(pos, '_') {
            if out.grouping.is_some() {
                return Err(BOTH_SEPARATORS);
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if at(pos, ',') && out.grouping == Some('_') {
            return Err(BOTH_SEPARATORS);
        }
        if at(pos, '.') {
            pos += 1;
            out.precision = read_integer(chars, &mut pos)?;
            let mut consumed = out.precision.is_some();
            if at(pos, ',') {
                out.frac_grouping = Some(',');
                pos += 1;
                consumed = true;
            }
            if at(pos, '_') {
                if out.frac_grouping.is_some() {
                    return Err(BOTH_SEPARATORS);
                }
                out.frac_grouping = Some('_');
                pos += 1;
                consumed = true;
            }
            if at(pos, ',') && out.frac_grouping == Some('_') {
                return Err(BOTH_SEPARATORS);
            }
            if !consumed {
                return Err(FormatError::Value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(FormatError::InvalidSpecifier(spec.to_string()));
        }
        if end - pos == 1 {
            out.ty = Some(chars[pos]);
        }
        if let Some(sep) = out.grouping {
            match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
                Some(code) => return Err(FormatError::SeparatorWithCode { sep, code }),
            }
        }
        if let (Some('n'), Some(sep)) = (out.ty, out.frac_grouping) {
            return Err(FormatError::SeparatorWithCode { sep, code: 'n' });
        }
        Ok(out)
    }

    /// The fill character and alignment to use for a type whose default alignment is
    /// `default_align` (`<` for str, `>` for numbers): a `0` flag fills with zeros and, for
    /// numbers without an explicit alignment, pads after the sign (`=`).
    pub fn fill_align(&self, default_align: char) -> (char, char) {
        if self.zero {
            let align = match self.align {
                Some(a) => a,
                None if default_align == '>' => '=',
                None => default_align,
            };
            ('0', align)
        } else {
            (self.fill.unwrap_or(' '), self.align.unwrap_or(default_align))
        }
    }
}

/// Appends `n` copies of `c`, failing with `MemoryError` rather than aborting.
pub(crate) fn push_repeat(out: &mut String, c: char, n: usize) -> Result<(), FormatError> {
    if n == 0 {
        return Ok(());
    }
    let bytes = n.checked_mul(c.len_utf8()).ok_or(FormatError::NoMemory)?;
    out.try_reserve(bytes).map_err(|_| FormatError::NoMemory)?;
    out.extend(std::iter::repeat_n(c, n));
    Ok(())
}

/// Pads `body` (of `len` characters) to `width` with `fill`, aligned `<`, `>` or `^`.
pub(crate) fn pad(
    body: &str,
    len: usize,
    width: Option<usize>,
    fill: char,
    align: char,
) -> Result<String, FormatError> {
    let total = width.unwrap_or(0).max(len);
    let padding = total - len;
    let left = match align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::new();
    out.try_reserve(body.len() + padding).map_err(|_| FormatError::NoMemory)?;
    push_repeat(&mut out, fill, left)?;
    out.push_str(body);
    push_repeat(&mut out, fill, padding - left)?;
    Ok(out)
}

/// `format(value, spec)` for a `str` (`str.__format__`).
pub fn format_str(value: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = FormatSpec::parse(spec, Some('s'))?;
    format_str_spec(value, &spec)
}

/// [`format_str`] with a parsed spec.
pub fn format_str_spec(value: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    match spec.ty {
        Some('s') => {}
        Some(c) => return Err(FormatError::UnknownCode(c)),
        None => {}
    }
    match spec.sign {
        Some(' ') => {
            return Err(FormatError::Value("Space not allowed in string format specifier"));
        }
        Some(_) => return Err(FormatError::Value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::Value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(FormatError::Value("'=' alignment not allowed in string format specifier"));
    }
    let (fill, align) = spec.fill_align('<');
    let (body, len) = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((i, _)) => (&value[..i], p),
            None => (value, value.chars().count()),
        },
        None => (value, value.chars().count()),
    };
    if spec.width.is_none_or(|w| w <= len) {
        return Ok(body.to_string());
    }
    pad(body, len, spec.width, fill, align)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(spec: &str, default: Option<char>) -> String {
        FormatSpec::parse(spec, default).unwrap_err().message("float")
    }

    #[test]
    fn parse_errors() {
        assert_eq!(err(",,", None), "Cannot specify ',' with ','.");
        assert_eq!(err("_,", None), "Cannot specify both ',' and '_'.");
        assert_eq!(err(".", None), "Format specifier missing precision");
        assert_eq!(err("xx", None), "Invalid format specifier 'xx' for object of type 'float'");
        assert_eq!(err(",", Some('s')), "Cannot specify ',' with 's'.");
        assert_eq!(err("99999999999999999999", None), "Too many decimal digits in format string");
    }

    #[test]
    fn strings() {
        assert_eq!(format_str("ab", "^6").unwrap(), "  ab  ");
        assert_eq!(format_str("ab", "010").unwrap(), "ab00000000");
        assert_eq!(format_str("abc", ".1").unwrap(), "a");
        assert_eq!(format_str("a", "\u{661}\u{660}").unwrap(), "a         ");
        assert!(format_str("a", "=5").is_err());
    }
}
