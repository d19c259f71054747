//! AST → symbol table → instructions → CFG passes → assembled code object, following CPython
//! 3.14's compiler so that the bytecode is identical.
//!
//! - [`compile`]: the entry points ([`compile()`](compile::compile), [`compile_source`]) and
//!   the compiler's unit stack.
//! - [`preprocess`]: the AST pre-pass (`Python/ast_preprocess.c`).
//! - [`future`]: the leading `from __future__` imports (`Python/future.c`).
//! - [`symtable`]: scopes and the binding of every name (`Python/symtable.c`).
//! - [`codegen`]: AST → instruction sequence (`Python/codegen.c`).
//! - [`flowgraph`]: the control-flow graph and its optimisation passes (`Python/flowgraph.c`).
//! - [`assemble`]: instructions → `co_code`, location and exception tables.
//! - [`consts`]: a unit's constant table with CPython's merging rules.
//! - [`instr`], [`opinfo`]: the intermediate instructions and opcode predicates.
//! - [`unparse`]: annotation text for `from __future__ import annotations`.
//! - [`fxhash`]: the fast hasher of the compiler's tables.
//! - [`warnings`]: the `SyntaxWarning`s compilation reports.
//! - [`codeop`]: `codeop.compile_command` for traceback's keyword-typo search, and the report
//!   `python FILE` prints for a syntax error.
//! - [`error`]: the compile-stage `SyntaxError`s and `RecursionError`.

pub mod assemble;
pub mod codegen;
pub mod codeop;
pub mod compile;
pub mod consts;
pub mod error;
pub mod flowgraph;
pub mod future;
pub mod fxhash;
pub mod instr;
pub mod opinfo;
pub mod preprocess;
pub mod symtable;
pub mod unparse;
pub mod warnings;

pub use compile::{
    CompileOptions, compile, compile_source, compile_source_with_warnings, compile_with_warnings,
};
pub use error::{CompileError, CompileResult};
pub use warnings::CompileWarning;
