//! Unicode property look-ups on CPython 3.14's tables (binary search over sorted ranges).

use crate::unicode_tables::{PRINTABLE, XID_CONTINUE, XID_START};

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
