//! The built-in types, one module per Python type (as CPython's `Objects/*.c`).

pub mod bool;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod generator;
pub mod heaptype;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod native_iter;
pub mod object;
pub mod pyfunction;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod typelookup;
pub mod typeobject;
