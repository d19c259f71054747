//! The `_contextvars` module (PEP 567: `ContextVar`, `Token`, `Context`, `copy_context`), which
//! `contextvars` and the `warnings` machinery import. The current context is per thread (a
//! thread-local slot here, emptied when a thread ends); the types are written in Python
//! (`py/contextvars.py`), run when the module is made.

use crate::builtins::args::Args;
use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};

thread_local! {
    /// This thread's current context (None until first used). Holds an object: a thread empties
    /// it, with the GIL held, before it ends (`clear_thread_context`).
    static CURRENT: crate::gil::PerThread<Option<Object>> = const { crate::gil::PerThread::new(None) };
}

fn get_current(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_get_current", 0, 0)?;
    Ok(CURRENT.with(|c| c.borrow().clone()).unwrap_or_else(none))
}

fn set_current(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_set_current", 1, 1)?;
    let new = if is_none(args[0].as_ref()) { None } else { Some(args[0].clone()) };
    let old = CURRENT.with(|c| c.replace(new));
    drop(old);
    Ok(none())
}

/// Forgets this thread's current context (a thread does, with the GIL held, before it ends).
pub fn clear_thread_context() {
    let old = CURRENT.with(|c| c.take());
    drop(old);
}

const SOURCE: &str = include_str!("py/contextvars.py");

/// Makes the `_contextvars` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_contextvars");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("_get_current", new_builtin_function("_get_current", get_current))?;
    d.set_str("_set_current", new_builtin_function("_set_current", set_current))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _contextvars>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
