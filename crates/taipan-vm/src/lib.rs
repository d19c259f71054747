//! Taipan's virtual machine: object model, eval loop, frames, builtins, import.
//!
//! So far the object model: the value representation and reference counting ([`object`]), type
//! objects with slots and the core built-in types ([`types`]), the abstract object protocol
//! ([`ops`]), CPython's hashes ([`hash`]) and exceptions as values ([`error`]). The invariants
//! are written down once, in `docs/vm.md`.

pub mod attr;
pub mod convert;
pub mod error;
pub mod hash;
pub mod object;
pub mod ops;
pub mod types;

pub use error::{PyErr, PyResult};
pub use object::{Object, ObjectRef};
