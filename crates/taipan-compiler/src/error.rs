//! Errors the compiler raises: `SyntaxError`s from the symbol table and code generator (with
//! CPython's locations: 1-based *byte* offsets, unlike the parser's character offsets), and the
//! `RecursionError` for input nested too deeply to compile.

use taipan_parser::ast::Loc;
use taipan_parser::{SyntaxError, SyntaxErrorKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
}

impl CompileError {
    /// A `SyntaxError` at `loc`, located as CPython's compiler locates it (`col_offset + 1`,
    /// `end_col_offset + 1`, counted in UTF-8 bytes).
    pub fn syntax(msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError::Syntax(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: (loc.lineno as i32).into(),
            offset: (loc.col_offset as i32 + 1).into(),
            end_lineno: (loc.end_lineno as i32).into(),
            end_offset: (loc.end_col_offset as i32 + 1).into(),
            text: None,
        })
    }

    /// One line for tests, like `SyntaxError::summary`.
    pub fn summary(&self) -> String {
        match self {
            CompileError::Syntax(e) => e.summary(),
            CompileError::Recursion => {
                "RecursionError: maximum recursion depth exceeded during compilation".into()
            }
        }
    }
}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> Self {
        CompileError::Syntax(e)
    }
}

pub type CompileResult<T> = Result<T, CompileError>;
