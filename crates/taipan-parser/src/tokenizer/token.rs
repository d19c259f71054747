//! One token: its kind and where it lies in the (UTF-8) source.

pub use super::kinds::TokenKind;

/// A token as the parser sees it. Positions are CPython's: 1-based lines, 0-based columns in UTF-8
/// bytes from the start of the line; `start`/`end` are byte offsets into the decoded source, so
/// `&source[start..end]` is the token's text (for FSTRING_MIDDLE/TSTRING_MIDDLE, the raw source
/// text of that piece, before `{{`/`}}` are collapsed and escapes decoded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Token {
    pub fn loc(&self) -> crate::ast::Loc {
        crate::ast::Loc::new(self.lineno, self.col_offset, self.end_lineno, self.end_col_offset)
    }

    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.start as usize..self.end as usize]
    }
}
