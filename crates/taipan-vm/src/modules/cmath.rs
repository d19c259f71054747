//! The `cmath` module: the complex-number functions with C99 Annex G's special values and
//! CPython's errors. They are Python (`py/cmath.py`) on the real functions of `math`, run in a
//! private namespace; the module receives only CPython's names.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

const SOURCE: &str = include_str!("py/cmath.py");

const NAMES: &[&str] = &[
    "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "e", "exp", "inf", "infj",
    "isclose", "isfinite", "isinf", "isnan", "log", "log10", "nan", "nanj", "phase", "pi", "polar",
    "rect", "sin", "sinh", "sqrt", "tan", "tanh", "tau",
];

/// A module attribute from the Python part: a function becomes a built-in function running it
/// (so that, as in CPython, it does not bind when stored on a class); other values stay.
pub(crate) fn forwarder(name: &'static str, v: Object) -> Object {
    if std::ptr::eq(v.type_(), &crate::types::pyfunction::FUNCTION_TYPE.0) {
        crate::types::function::new_builtin_forwarder(name, v)
    } else {
        v
    }
}

/// Makes the `cmath` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("cmath");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str("This module provides access to mathematical functions for complex\nnumbers."),
    )?;
    let private = new_module("cmath");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen cmath>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    for name in NAMES {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, forwarder(name, v))?;
        }
    }
    Ok(m)
}
