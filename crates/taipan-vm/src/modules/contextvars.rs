//! The `_contextvars` module (PEP 567: `ContextVar`, `Token`, `Context`, `copy_context`), which
//! `contextvars` and the `warnings` machinery import. One interpreter runs one thread, so the
//! current context is one per interpreter; the types are written in Python
//! (`py/contextvars.py`), run when the module is made.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::module::new_module;

const SOURCE: &str = include_str!("py/contextvars.py");

/// Makes the `_contextvars` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_contextvars");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _contextvars>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
