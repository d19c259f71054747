//! Source bytes → text → tokens, following CPython 3.14's C tokenizer.
//! (Work in progress: see the tokenizer issue notes.)

#[rustfmt::skip]
pub mod kinds;
pub mod token;

pub use kinds::TokenKind;
pub use token::Token;

use crate::errors::SyntaxError;

/// Decodes source bytes to text (BOM, PEP 263 declaration, default UTF-8).
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxError> {
    Ok(String::from_utf8_lossy(source).into_owned())
}

/// The listing `python -m tokenize` prints for `source` (placeholder until the tokenizer lands).
pub fn tokenize_listing(source: &[u8]) -> Result<String, SyntaxError> {
    let _ = decode_source(source)?;
    Ok(String::new())
}
