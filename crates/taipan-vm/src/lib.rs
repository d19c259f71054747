//! Taipan's virtual machine: object model, eval loop, frames, builtins, import.
//!
//! The object model: the value representation and reference counting ([`object`]), type objects
//! with slots and the built-in types ([`types`]), the abstract object protocol ([`ops`]),
//! CPython's hashes ([`hash`]) and exceptions as values ([`error`]). On top of it the eval loop
//! ([`eval`], over the frame stack of [`frame`]), the `builtins` and `sys` modules
//! ([`builtins`]), traceback printing ([`traceback`]) and running a program ([`run`]). The
//! import system ([`import`]) and the native modules ([`modules`]); the embedding API
//! ([`embed`]: an interpreter, running source, calling Python from Rust with converted values,
//! Rust functions and modules seen from Python, a REPL core). The invariants are written down
//! once, in `docs/vm.md`.

pub mod attr;
pub mod builtins;
pub mod config;
pub mod convert;
pub mod embed;
pub mod error;
pub mod eval;
pub mod frame;
pub mod gc;
pub mod gil;
pub mod hash;
pub mod import;
pub mod interact;
pub mod modules;
pub mod object;
pub mod ops;
pub mod run;
pub mod trace;
mod trace_jump;
mod trace_monitor;
pub mod traceback;
pub mod types;

pub use error::{PyErr, PyResult};
pub use object::{Object, ObjectRef};
