//! Source bytes → text → tokens, following CPython 3.14's C tokenizer (`Parser/lexer/`).
//!
//! - [`decode`]: bytes → text ([`decode_source`]: BOM, PEP 263 declarations, newline
//!   normalisation), with single-byte codecs from [`codecs`].
//! - [`lexer`] (normal mode) and [`fstring`] (f-/t-string mode): the [`Tokenizer`] itself.
//! - [`listing`]: [`tokenize_listing`], what `python -m tokenize FILE` prints.
//! - [`literals`]: values of NUMBER and STRING tokens and of f-string pieces, for the parser.
//!
//! The tokenizer works on decoded text (`&str`), byte by byte; tokens are `Copy` and carry byte
//! offsets into that text plus CPython's line/column positions.

#[rustfmt::skip]
mod codecs;
pub mod decode;
mod fstring;
#[rustfmt::skip]
pub mod kinds;
pub mod lexer;
pub mod listing;
pub mod literals;
pub mod token;

pub use decode::{decode_source, normalize_newlines};
pub use kinds::TokenKind;
pub use lexer::{Stop, Tokenizer};
pub use listing::{
    TokenTuple, listing_error_line, tokenize_all, tokenize_listing, tokenize_listing_with_warnings,
    tokenize_tuples,
};
pub use literals::{StrLiteral, decode_fstring_middle, decode_string_literal, parse_number};
pub use token::Token;

/// Tokenizer settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenizerOptions {
    /// Produce TYPE_COMMENT and TYPE_IGNORE tokens for `# type:` comments.
    pub type_comments: bool,
    /// The mode `python -m tokenize` uses: COMMENT and NL tokens, positions as the `tokenize`
    /// module reports them, no checks the parser would make (identifiers, number endings,
    /// bracket matching).
    pub extra_tokens: bool,
}

/// A `SyntaxWarning` found while tokenizing or decoding a literal. Positions are CPython's:
/// 1-based lines, 0-based UTF-8 byte columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub msg: String,
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

#[cfg(test)]
mod tests;
