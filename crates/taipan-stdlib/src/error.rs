//! The error a native-module core reports: which Python exception to raise, and its message.

use std::fmt;

/// The Python exception class a core asks the VM glue to raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    MemoryError,
    UnicodeEncodeError,
    /// `struct.error` (a subclass of `Exception` defined by `_struct`).
    StructError,
    /// `binascii.Error` (a subclass of `ValueError` defined by `binascii`).
    BinasciiError,
    /// `binascii.Incomplete`.
    BinasciiIncomplete,
}

impl ErrorKind {
    /// The exception's qualified name as a traceback prints it.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::UnicodeEncodeError => "UnicodeEncodeError",
            ErrorKind::StructError => "struct.error",
            ErrorKind::BinasciiError => "binascii.Error",
            ErrorKind::BinasciiIncomplete => "binascii.Incomplete",
        }
    }
}

/// A Python exception to raise: its class and message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyError {
    pub kind: ErrorKind,
    pub message: String,
}

impl PyError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        PyError { kind, message: message.into() }
    }
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for PyError {}

/// Result alias for the cores.
pub type PyResult<T> = Result<T, PyError>;
