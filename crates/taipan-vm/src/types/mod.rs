//! The built-in types, one module per Python type (as CPython's `Objects/*.c`).

pub mod bool;
pub mod bytes;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod heaptype;
pub mod int;
pub mod iter;
pub mod list;
pub mod object;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod typelookup;
pub mod typeobject;
