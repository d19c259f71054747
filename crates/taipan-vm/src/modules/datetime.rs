//! The `_datetime` module: `datetime`'s accelerator name. Taipan's types are the pure
//! `_pydatetime` ones, re-exported here, so code importing `_datetime` directly (as CPython's
//! tests do) finds the same classes `datetime` has.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::module::new_module;

const SOURCE: &str = "from _pydatetime import *\nfrom _pydatetime import __doc__\n";

/// Makes the `_datetime` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_datetime");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _datetime>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
