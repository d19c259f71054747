//! The `_csv` module under `csv`: `reader`, `writer`, `Dialect`, the dialect registry,
//! `field_size_limit`, `Error` and the `QUOTE_*` constants. The types and the parser are
//! Python (`py/csv.py`), run in a private namespace; the module receives CPython's names, its
//! functions as built-in functions.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

const SOURCE: &str = include_str!("py/csv.py");

const NAMES: &[&str] = &[
    "Dialect",
    "Error",
    "QUOTE_ALL",
    "QUOTE_MINIMAL",
    "QUOTE_NONE",
    "QUOTE_NONNUMERIC",
    "QUOTE_NOTNULL",
    "QUOTE_STRINGS",
    "_dialects",
    "field_size_limit",
    "get_dialect",
    "list_dialects",
    "reader",
    "register_dialect",
    "unregister_dialect",
    "writer",
];

/// Makes the `_csv` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_csv");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("CSV parsing and writing.\n"))?;
    let private = new_module("_csv");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _csv>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    for name in NAMES {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, crate::modules::cmath::forwarder(name, v))?;
        }
    }
    for (name, class) in [("Reader", "Reader"), ("Writer", "Writer")] {
        if let Some(v) = pd.get_str(class)? {
            d.set_str(name, v)?;
        }
    }
    Ok(m)
}
