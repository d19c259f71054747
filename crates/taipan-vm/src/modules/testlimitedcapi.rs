//! The `_testlimitedcapi` module: the part of CPython's limited-C-API test helpers that the
//! test suite applies to ordinary objects (the abstract sequence item protocol) and
//! `_py_getbuiltwithassert`. Python (`py/testlimitedcapi.py`) run in a private namespace; the
//! module receives only CPython's names, as built-in functions.

use crate::error::PyResult;
use crate::object::Object;

const SOURCE: &str = include_str!("py/testlimitedcapi.py");

const NAMES: &[(&str, &str)] = &[
    ("sequence_getitem", "sequence_getitem"),
    ("sequence_setitem", "sequence_setitem"),
    ("sequence_delitem", "sequence_delitem"),
    ("_py_getbuiltwithassert", "_py_getbuiltwithassert"),
];

/// Makes the `_testlimitedcapi` module.
pub fn make_module() -> PyResult<Object> {
    super::json::module_from_python("_testlimitedcapi", SOURCE, NAMES, None)
}
