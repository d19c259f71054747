//! Unicode property look-ups on CPython 3.14's tables (binary search over sorted ranges).

use crate::unicode_tables::{
    ALPHA, CASE_IGNORABLE, CASED, DECIMAL, DIGIT, FOLD_MAP, LOWER_MAP, LOWERCASE, NUMERIC,
    PRINTABLE, SPACE, TITLE_MAP, TITLECASE, UPPER_MAP, UPPERCASE, XID_CONTINUE, XID_START,
};

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `chr(c).isprintable()`: whether `repr` shows the code point as itself.
pub fn is_printable(c: u32) -> bool {
    if c < 0x7f {
        return c >= 0x20;
    }
    in_ranges(PRINTABLE, c)
}

/// Whether the code point may start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic() || c == b'_' as u32;
    }
    in_ranges(XID_START, c)
}

/// Whether the code point may continue an identifier (XID_Continue).
pub fn is_xid_continue(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphanumeric() || c == b'_' as u32;
    }
    in_ranges(XID_CONTINUE, c)
}

/// `str.isidentifier()` on a Rust string.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_xid_start(c as u32) => chars.all(|c| is_xid_continue(c as u32)),
        _ => false,
    }
}

/// `chr(c).isdecimal()`.
pub fn is_decimal(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(DECIMAL, c)
}

/// `chr(c).isdigit()`.
pub fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(DIGIT, c)
}

/// `chr(c).isnumeric()`.
pub fn is_numeric(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(NUMERIC, c)
}

/// `chr(c).isalpha()` (the letter categories).
pub fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_ranges(ALPHA, c)
}

/// `chr(c).isalnum()`.
pub fn is_alnum(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

/// `chr(c).isspace()`.
pub fn is_space(c: u32) -> bool {
    if c < 0x80 {
        return matches!(c, 0x09..=0x0d | 0x1c..=0x20);
    }
    in_ranges(SPACE, c)
}

/// The line boundaries `str.splitlines()` splits on.
pub fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

/// The Lowercase property.
pub fn is_lowercase(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_lowercase();
    }
    in_ranges(LOWERCASE, c)
}

/// The Uppercase property.
pub fn is_uppercase(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_uppercase();
    }
    in_ranges(UPPERCASE, c)
}

/// Titlecase letters (category Lt).
pub fn is_titlecase(c: u32) -> bool {
    c >= 0x80 && in_ranges(TITLECASE, c)
}

/// Cased code points (Lowercase, Uppercase or Lt).
pub fn is_cased(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_ranges(CASED, c)
}

/// Case-ignorable code points (which are not also cased).
pub fn is_case_ignorable(c: u32) -> bool {
    in_ranges(CASE_IGNORABLE, c)
}

fn lookup(table: &[(u32, [u32; 3])], c: u32) -> Option<&[u32]> {
    let i = table.binary_search_by_key(&c, |e| e.0).ok()?;
    let m = &table[i].1;
    let n = m.iter().position(|&x| x == 0).unwrap_or(3);
    Some(&m[..n])
}

/// Appends the full lowercase mapping of `c` (without the final-sigma rule).
pub fn push_lower(c: u32, out: &mut Vec<u32>) {
    if c < 0x80 {
        out.push((c as u8).to_ascii_lowercase() as u32);
        return;
    }
    match lookup(LOWER_MAP, c) {
        Some(m) => out.extend_from_slice(m),
        None => out.push(c),
    }
}

/// Appends the full uppercase mapping of `c`.
pub fn push_upper(c: u32, out: &mut Vec<u32>) {
    if c < 0x80 {
        out.push((c as u8).to_ascii_uppercase() as u32);
        return;
    }
    match lookup(UPPER_MAP, c) {
        Some(m) => out.extend_from_slice(m),
        None => out.push(c),
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(c: u32, out: &mut Vec<u32>) {
    match lookup(TITLE_MAP, c) {
        Some(m) => out.extend_from_slice(m),
        None => push_upper(c, out),
    }
}

/// Appends the full case folding of `c`.
pub fn push_fold(c: u32, out: &mut Vec<u32>) {
    match lookup(FOLD_MAP, c) {
        Some(m) => out.extend_from_slice(m),
        None => push_lower(c, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable() {
        assert!(is_printable('a' as u32));
        assert!(!is_printable(0x7f));
        assert!(!is_printable(0xa0)); // NO-BREAK SPACE is escaped by repr
        assert!(is_printable(0xe9));
        assert!(!is_printable(0xd800));
        assert!(is_printable(0x1f600));
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("_x1"));
        assert!(is_identifier("café"));
        assert!(!is_identifier("1x"));
        assert!(!is_identifier(""));
        assert!(is_xid_continue(0x300)); // combining grave accent
        assert!(!is_xid_start(0x300));
    }
}
