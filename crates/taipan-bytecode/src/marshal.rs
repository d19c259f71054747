//! CPython 3.14's marshal format, version 5 (`Python/marshal.c`): the serialisation `.pyc`
//! files hold code objects in.
//!
//! A value is one type byte followed by its payload; bit 7 of the type byte (`FLAG_REF`) asks
//! the reader to remember the value, and a later `r` + index refers back to it (indexes count the
//! flagged values in the order their type bytes appear). Integers in payloads are little-endian.
//!
//! - [`read`]: [`loads`] / [`load_code`] read every type and reject malformed data with an
//!   [`Error`], never a panic, with CPython's nesting limit and a bound on the work refs can cause.
//! - [`write`]: [`dumps`] / [`dump_code`] write data CPython's `marshal.loads` accepts, using refs
//!   for repeated interned strings and for code objects.

pub mod read;
pub mod write;

pub use read::{load_code, loads, loads_prefix};
pub use write::{dump_code, dumps};

/// The marshal format version CPython 3.14 writes (`marshal.version`).
pub const VERSION: u32 = 5;

pub(crate) const FLAG_REF: u8 = 0x80;

// Type bytes.
pub(crate) const TYPE_NULL: u8 = b'0';
pub(crate) const TYPE_NONE: u8 = b'N';
pub(crate) const TYPE_FALSE: u8 = b'F';
pub(crate) const TYPE_TRUE: u8 = b'T';
pub(crate) const TYPE_STOPITER: u8 = b'S';
pub(crate) const TYPE_ELLIPSIS: u8 = b'.';
pub(crate) const TYPE_INT: u8 = b'i';
pub(crate) const TYPE_INT64: u8 = b'I';
pub(crate) const TYPE_FLOAT: u8 = b'f';
pub(crate) const TYPE_BINARY_FLOAT: u8 = b'g';
pub(crate) const TYPE_COMPLEX: u8 = b'x';
pub(crate) const TYPE_BINARY_COMPLEX: u8 = b'y';
pub(crate) const TYPE_LONG: u8 = b'l';
pub(crate) const TYPE_STRING: u8 = b's';
pub(crate) const TYPE_INTERNED: u8 = b't';
pub(crate) const TYPE_REF: u8 = b'r';
pub(crate) const TYPE_TUPLE: u8 = b'(';
pub(crate) const TYPE_LIST: u8 = b'[';
pub(crate) const TYPE_DICT: u8 = b'{';
pub(crate) const TYPE_CODE: u8 = b'c';
pub(crate) const TYPE_UNICODE: u8 = b'u';
pub(crate) const TYPE_SET: u8 = b'<';
pub(crate) const TYPE_FROZENSET: u8 = b'>';
pub(crate) const TYPE_SLICE: u8 = b':';
pub(crate) const TYPE_ASCII: u8 = b'a';
pub(crate) const TYPE_ASCII_INTERNED: u8 = b'A';
pub(crate) const TYPE_SMALL_TUPLE: u8 = b')';
pub(crate) const TYPE_SHORT_ASCII: u8 = b'z';
pub(crate) const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';

/// Longs are stored as base-2**15 digits.
pub(crate) const PYLONG_SHIFT: u32 = 15;

/// Why marshal data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// CPython's message where it has one (`bad marshal data (...)`, `EOF read where object
    /// expected`).
    pub message: String,
    /// Byte offset in the data where the problem was found.
    pub offset: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for Error {}
