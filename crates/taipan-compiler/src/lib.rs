//! AST → symbol table → instructions → CFG passes → assembled code object, following CPython
//! 3.14's compiler so that the bytecode is identical.
//!
//! - [`future`]: the leading `from __future__` imports (`Python/future.c`).
//! - [`symtable`]: scopes and the binding of every name (`Python/symtable.c`).
//! - [`error`]: the compile-stage `SyntaxError`s and `RecursionError`.

pub mod error;
pub mod future;
pub mod symtable;

pub use error::{CompileError, CompileResult};
