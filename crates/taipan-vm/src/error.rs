//! `PyErr`: a raised exception, carried in `Err` as the exception object itself (one word), and
//! the constructors for the errors the core types raise.

use std::fmt;

use crate::object::{Object, ObjectRef};
use crate::types::exceptions::{self, ExcPayload};
use crate::types::typeobject::{PyType, StaticType};

/// A raised exception: an owned reference to an exception instance.
pub struct PyErr(Object);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// An exception of type `ty` whose single argument is the string `msg`.
    pub fn new(ty: &'static StaticType, msg: impl AsRef<str>) -> PyErr {
        PyErr::with_arg(ty, crate::types::str::new_str(msg.as_ref()))
    }

    /// An exception of type `ty` with one argument.
    pub fn with_arg(ty: &'static StaticType, arg: Object) -> PyErr {
        let args = crate::types::tuple::new_tuple(vec![arg]);
        PyErr(exceptions::new_exception(&ty.0, args))
    }

    /// Wraps an exception instance.
    pub fn from_instance(exc: Object) -> PyErr {
        debug_assert!(exc.payload::<ExcPayload>().is_some());
        PyErr(exc)
    }

    pub fn instance(&self) -> ObjectRef<'_> {
        self.0.as_ref()
    }

    pub fn into_instance(self) -> Object {
        self.0
    }

    pub fn exc_type(&self) -> &PyType {
        self.0.type_()
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    pub fn matches(&self, ty: &StaticType) -> bool {
        self.0.type_().is_subtype(&ty.0)
    }

    /// `str(exc)`.
    pub fn message(&self) -> String {
        exceptions::exception_str(self.0.as_ref())
    }

    pub fn type_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::TYPE_ERROR, msg)
    }

    pub fn value_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::VALUE_ERROR, msg)
    }

    pub fn index_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::INDEX_ERROR, msg)
    }

    pub fn overflow_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::OVERFLOW_ERROR, msg)
    }

    pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::ZERO_DIVISION_ERROR, msg)
    }

    pub fn key_error(key: Object) -> PyErr {
        PyErr::with_arg(&exceptions::KEY_ERROR, key)
    }

    pub fn recursion_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&exceptions::RECURSION_ERROR, msg)
    }

    pub fn memory_error() -> PyErr {
        let args = crate::types::tuple::empty_tuple();
        PyErr(exceptions::new_exception(&exceptions::MEMORY_ERROR.0, args))
    }
}

impl fmt::Display for PyErr {
    /// The last line of a traceback: `TypeError: message`, or the bare name for no message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = self.message();
        if msg.is_empty() {
            f.write_str(self.exc_type().name())
        } else {
            write!(f, "{}: {}", self.exc_type().name(), msg)
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
