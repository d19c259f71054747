//! The `_functools` module: `reduce` (`functools.py` keeps its pure-Python `partial`,
//! `cmp_to_key` and `_lru_cache_wrapper` when these are missing here).

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::module::{module_dict, new_module};

/// `reduce(function, iterable[, initial])`.
fn reduce(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = crate::builtins::args::Args::new(args, kw);
    let initial_kw = a.take_kw("initial").cloned();
    a.no_kw("reduce")?;
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "reduce expected {} arguments, got {}",
            if a.pos.len() < 2 { "at least 2" } else { "at most 3" },
            a.pos.len()
        )));
    }
    let func = &a.pos[0];
    let it = crate::ops::iter(a.pos[1].as_ref()).map_err(|e| {
        if e.matches(&crate::types::exceptions::TYPE_ERROR) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = a.pos.get(2).cloned().or(initial_kw);
    while let Some(v) = crate::ops::next(it.as_ref())? {
        acc = Some(match acc {
            None => v,
            Some(x) => crate::ops::call(func.as_ref(), &[x, v], None)?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

/// Makes the `_functools` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_functools");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("reduce", new_builtin_function("reduce", reduce))?;
    Ok(m)
}
