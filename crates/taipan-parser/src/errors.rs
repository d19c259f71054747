//! Syntax errors as CPython reports them, and the report `python FILE` prints for one.

mod typos;

use std::fmt;

pub use typos::{Typo, TypoContext};

/// Which exception class CPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a syntax error at all: CPython raises `MemoryError("Parser stack overflowed - Python
    /// source too complex to parse")` when its parser's depth limit is reached.
    MemoryError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A `SyntaxError` (or subclass) with the attributes CPython gives it. `offset` and `end_offset`
/// are 1-based and count characters (code points), as in CPython's exception; `text` is the
/// offending source line (with its newline, as CPython keeps it), if any. A position CPython
/// leaves as `None` (a decoding error has no end; "source code string cannot contain null
/// bytes" has no position at all) is `None` here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: Option<i32>,
    pub offset: Option<i32>,
    pub end_lineno: Option<i32>,
    pub end_offset: Option<i32>,
    pub text: Option<String>,
}

/// Python's `str()` of an optional int: the number, or `None`.
pub(crate) fn opt_str(v: Option<i32>) -> String {
    v.map_or_else(|| "None".to_string(), |n| n.to_string())
}

impl SyntaxError {
    /// One line for tests: `KIND: MSG (lineno, offset, end_lineno, end_offset)`.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} ({}, {}, {}, {})",
            self.kind.name(),
            self.msg,
            opt_str(self.lineno),
            opt_str(self.offset),
            opt_str(self.end_lineno),
            opt_str(self.end_offset)
        )
    }

    /// Fills in `text` from the (decoded) source when the error has a line but no text, as
    /// CPython does for errors in a file (it reads the line back from the file): the compiler's
    /// errors carry no text of their own.
    pub fn fill_text_from(&mut self, source: &str) {
        if self.text.is_none() {
            if let Some(lineno) = self.lineno.filter(|&l| l >= 1) {
                self.text = source_line(source, lineno as u32).map(str::to_string);
            }
        }
    }

    /// What CPython prints on stderr for this error when running `FILENAME` (traceback.py's
    /// `_format_syntax_error`, without colour), when no keyword-typo search applies (see
    /// [`SyntaxError::report_with_typos`]).
    pub fn report(&self, filename: &str) -> String {
        self.render(filename, None)
    }

    /// Like [`SyntaxError::report`], but first runs traceback's keyword-typo search, as
    /// `python FILE` does: for "invalid syntax" (and "... Perhaps you forgot a comma?") a name on
    /// the error line that is close to a keyword, and whose replacement makes the code compile,
    /// becomes the reported location, with "invalid syntax. Did you mean 'KEYWORD'?".
    pub fn report_with_typos(&self, filename: &str, ctx: &TypoContext) -> String {
        let typo = if self.text.is_some() {
            self.lineno.and_then(|l| typos::find_keyword_typo(&self.msg, l, ctx))
        } else {
            None
        };
        self.render(filename, typo)
    }

    fn render(&self, filename: &str, typo: Option<Typo>) -> String {
        if self.kind == SyntaxErrorKind::MemoryError {
            // An ordinary exception: no location, no source line.
            return format!("MemoryError: {}\n", self.msg);
        }
        let mut out = String::new();
        // The File line keeps the exception's own line even when a typo re-points the carets;
        // without a line number the file name goes after the message instead.
        let mut filename_suffix = String::new();
        match self.lineno {
            Some(lineno) => out.push_str(&format!("  File \"{filename}\", line {lineno}\n")),
            None => filename_suffix = format!(" ({filename})"),
        }
        let (text, lineno, offset, end_lineno, end_offset, msg) = match &typo {
            Some(t) => (
                Some(t.text.as_str()),
                Some(t.lineno),
                Some(t.offset),
                Some(t.lineno),
                Some(t.end_offset),
                t.msg.as_str(),
            ),
            None => (
                self.text.as_deref(),
                self.lineno,
                self.offset,
                self.end_lineno,
                self.end_offset,
                self.msg.as_str(),
            ),
        };
        if let Some(text) = text {
            let rtext = text.trim_end_matches('\n');
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            out.push_str(&format!("    {ltext}\n"));
            if let Some(mut offset) = offset {
                let rlen = rtext.chars().count() as i32;
                let tlen = text.chars().count() as i32;
                let spaces = rlen - ltext.chars().count() as i32;
                let mut end_offset = if lineno == end_lineno {
                    match end_offset {
                        Some(e) if e != 0 => e,
                        _ => offset,
                    }
                } else {
                    rlen + 1
                };
                if !text.is_empty() && offset > tlen {
                    offset = rlen + 1;
                }
                if !text.is_empty() && end_offset > tlen {
                    end_offset = rlen + 1;
                }
                if offset >= end_offset || end_offset < 0 {
                    end_offset = offset + 1;
                }
                let colno = offset - 1 - spaces;
                let end_colno = end_offset - 1 - spaces;
                if colno >= 0 {
                    // Whitespace other than spaces (tabs) is kept so the carets line up.
                    let caretspace: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if typos::py_isspace(c) { c } else { ' ' })
                        .collect();
                    let n = (end_colno - colno).max(0) as usize;
                    out.push_str(&format!("    {}{}\n", caretspace, "^".repeat(n)));
                }
            }
        }
        let msg = if msg.is_empty() { "<no detail available>" } else { msg };
        out.push_str(&format!("{}: {}{}\n", self.kind.name(), msg, filename_suffix));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lineno {
            Some(l) => write!(f, "{}: {} (line {l})", self.kind.name(), self.msg),
            None => write!(f, "{}: {}", self.kind.name(), self.msg),
        }
    }
}

impl std::error::Error for SyntaxError {}

/// The 1-based character offset of byte column `byte_col` (0-based) in `line`, as CPython's
/// `_PyPegen_byte_offset_to_character_offset` computes it (bytes that do not start a character
/// are not counted; a column past the end counts the excess bytes as characters).
pub fn byte_col_to_char_offset(line: &str, byte_col: usize) -> i32 {
    let bytes = line.as_bytes();
    let n = byte_col.min(bytes.len());
    let chars = bytes[..n].iter().filter(|&&b| (b & 0xc0) != 0x80).count();
    (chars + (byte_col - n)) as i32 + 1
}

/// The text of 1-based line `lineno` of `source`, with its newline if it has one.
pub fn source_line(source: &str, lineno: u32) -> Option<&str> {
    let mut start = 0;
    for _ in 1..lineno {
        start += source[start..].find('\n')? + 1;
    }
    if start > source.len() || (start == source.len() && lineno > 1) {
        return None;
    }
    let end = source[start..].find('\n').map_or(source.len(), |i| start + i + 1);
    Some(&source[start..end])
}
