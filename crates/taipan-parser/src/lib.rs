//! Taipan's parser: Python 3.14 source → tokens → CPython's AST.
//!
//! - [`tokenizer`]: bytes → text (PEP 263 declarations, BOM) → tokens, following CPython's C
//!   tokenizer (indentation, f-/t-string modes, type comments, its error messages).
//! - [`parser`]: tokens → [`ast::Mod`], a PEG parser written by hand after CPython's grammar,
//!   with CPython's node positions; on failure a second pass enables the `invalid_*` rules to
//!   produce CPython's specific `SyntaxError` messages.
//! - [`ast`]: the node types (generated from the oracle's `ast` module) and `ast.dump`.
//! - [`errors`]: [`SyntaxError`] and the report CPython prints for one.

pub mod ast;
pub mod errors;
pub mod parser;
pub mod tokenizer;

pub use errors::{SyntaxError, SyntaxErrorKind};
pub use parser::ParseFailure;

/// What the source is parsed as (`ast.parse(mode=...)`, `compile(mode=...)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: `exec`.
    Exec,
    /// One expression: `eval`.
    Eval,
    /// One interactive statement: `single`.
    Single,
    /// A function type comment `(int, str) -> None`: `func_type`.
    FuncType,
}

/// Parser settings.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    pub mode: Mode,
    /// Produce TYPE_COMMENT/TYPE_IGNORE tokens and fill `type_comment` fields.
    pub type_comments: bool,
    /// `feature_version=(3, N)`: the minor version whose grammar to accept (`None`: 3.14's).
    pub feature_version: Option<u8>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { mode: Mode::Exec, type_comments: false, feature_version: None }
    }
}

/// Parses already-decoded source text, as `ast.parse`/`compile()` of a `str` does (an encoding
/// declaration in it is not acted on; `\r\n` and `\r` count as newlines).
pub fn parse_str(source: &str, opts: &ParseOptions) -> Result<ast::Mod, SyntaxError> {
    if source.contains('\0') {
        return Err(null_bytes_error());
    }
    parser::parse(&tokenizer::normalize_newlines(source), opts)
}

/// Parses source bytes as `ast.parse`/`compile()` of `bytes` does: a UTF-8 BOM or a PEP 263
/// declaration selects the encoding (default UTF-8).
pub fn parse_bytes(source: &[u8], opts: &ParseOptions) -> Result<ast::Mod, SyntaxError> {
    if source.contains(&0) {
        return Err(null_bytes_error());
    }
    parse_file(source, opts)
}

/// Parses a source file's bytes as `python FILE` reads them: like [`parse_bytes`], except that a
/// null byte is the tokenizer's error, with its location ("source code cannot contain null
/// bytes").
pub fn parse_file(source: &[u8], opts: &ParseOptions) -> Result<ast::Mod, SyntaxError> {
    let text = tokenizer::decode_source(source)?;
    parser::parse(&text, opts)
}

/// [`parse_bytes`], also returning the `SyntaxWarning`s the tokenizer and parser emit (invalid
/// escape sequences, `1if`, ...), in source order, as CPython emits them while parsing.
pub fn parse_bytes_with_warnings(
    source: &[u8],
    opts: &ParseOptions,
) -> (Result<ast::Mod, SyntaxError>, Vec<tokenizer::Warning>) {
    if source.contains(&0) {
        return (Err(null_bytes_error()), Vec::new());
    }
    match tokenizer::decode_source(source) {
        Ok(text) => parser::parse_with_warnings(&text, opts),
        Err(e) => (Err(e), Vec::new()),
    }
}

/// [`parse_str`] with the failure's details CPython attaches to its `SyntaxError`
/// ([`ParseFailure`]: `_metadata`'s last statement line, whether the input is incomplete).
pub fn parse_str_detailed(source: &str, opts: &ParseOptions) -> Result<ast::Mod, ParseFailure> {
    if source.contains('\0') {
        return Err(no_details(null_bytes_error()));
    }
    parser::parse_detailed(&tokenizer::normalize_newlines(source), opts)
}

/// [`parse_file`] with the failure's details ([`ParseFailure`]), for `python FILE`'s report.
pub fn parse_file_detailed(source: &[u8], opts: &ParseOptions) -> Result<ast::Mod, ParseFailure> {
    let text = tokenizer::decode_source(source).map_err(no_details)?;
    parser::parse_detailed(&text, opts)
}

/// A failure found before parsing (decoding, null bytes): no statement, not incomplete.
fn no_details(error: SyntaxError) -> ParseFailure {
    ParseFailure { error, last_stmt_lineno: 0, incomplete: false }
}

/// What `compile()` raises for source text holding a null byte: no position at all.
fn null_bytes_error() -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "source code string cannot contain null bytes".into(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}
