//! `PyStr`: a sequence of Unicode code points, lone surrogates included, stored as WTF-8.
//!
//! Python strings may hold lone surrogates (`"\ud800"`), which Rust's `str` cannot. WTF-8 encodes
//! every code point, surrogates too, with UTF-8's scheme; a `PyStr` without surrogates is valid
//! UTF-8, so the common case borrows as `&str` for free. The VM has its own PEP 393 string; this
//! type is for the stages before it (literals in the AST, constants in code objects).

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct PyStr {
    bytes: Box<[u8]>,
}

impl PyStr {
    /// Builds from code points, surrogates allowed.
    pub fn from_code_points<I: IntoIterator<Item = u32>>(cps: I) -> PyStr {
        let mut b = PyStrBuilder::default();
        for c in cps {
            b.push(c);
        }
        b.finish()
    }

    /// The string as `&str` when it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The WTF-8 bytes.
    pub fn as_wtf8(&self) -> &[u8] {
        &self.bytes
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes, pos: 0 }
    }

    /// Number of code points (Python's `len`).
    pub fn len_code_points(&self) -> usize {
        self.bytes.iter().filter(|&&b| (b & 0xc0) != 0x80).count()
    }

    /// Python's `repr` of the string.
    pub fn repr(&self) -> String {
        crate::repr::repr_code_points(self.code_points())
    }

    /// The text with each surrogate replaced by U+FFFD, for display in Rust.
    pub fn to_string_lossy(&self) -> String {
        self.code_points().map(|c| char::from_u32(c).unwrap_or('\u{fffd}')).collect()
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr { bytes: s.as_bytes().into() }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr { bytes: s.into_bytes().into_boxed_slice() }
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// Builds a `PyStr` one code point or `&str` at a time.
#[derive(Default)]
pub struct PyStrBuilder {
    bytes: Vec<u8>,
}

impl PyStrBuilder {
    pub fn with_capacity(n: usize) -> Self {
        PyStrBuilder { bytes: Vec::with_capacity(n) }
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push_pystr(&mut self, s: &PyStr) {
        self.bytes.extend_from_slice(&s.bytes);
    }

    /// Appends a code point (must be at most 0x10FFFF; surrogates are allowed).
    pub fn push(&mut self, c: u32) {
        debug_assert!(c <= 0x10ffff);
        let b = &mut self.bytes;
        if c < 0x80 {
            b.push(c as u8);
        } else if c < 0x800 {
            b.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
        } else if c < 0x10000 {
            b.extend_from_slice(&[
                0xe0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]);
        } else {
            b.extend_from_slice(&[
                0xf0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3f) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn finish(self) -> PyStr {
        PyStr { bytes: self.bytes.into_boxed_slice() }
    }
}

/// Iterator over a `PyStr`'s code points.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let b0 = *b.get(i)? as u32;
        let (c, n) = if b0 < 0x80 {
            (b0, 1)
        } else if b0 < 0xe0 {
            (((b0 & 0x1f) << 6) | (b[i + 1] as u32 & 0x3f), 2)
        } else if b0 < 0xf0 {
            (((b0 & 0x0f) << 12) | ((b[i + 1] as u32 & 0x3f) << 6) | (b[i + 2] as u32 & 0x3f), 3)
        } else {
            (
                ((b0 & 0x07) << 18)
                    | ((b[i + 1] as u32 & 0x3f) << 12)
                    | ((b[i + 2] as u32 & 0x3f) << 6)
                    | (b[i + 3] as u32 & 0x3f),
                4,
            )
        };
        self.pos += n;
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_surrogates() {
        let cps = [0x61, 0xd800, 0xe9, 0x1f600, 0xdfff];
        let s = PyStr::from_code_points(cps);
        assert_eq!(s.code_points().collect::<Vec<_>>(), cps);
        assert!(s.as_str().is_none());
        assert_eq!(s.len_code_points(), 5);
        assert_eq!(PyStr::from("héllo").as_str(), Some("héllo"));
    }
}
