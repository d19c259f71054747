//! The `array` module: typed arrays of machine values (`array.array`, its iterator and the
//! pickling helper `_array_reconstructor`). The type is Python (`py/array.py`) over
//! `_struct`'s native packing, with its items in a bytearray exported through PEP 688's
//! `__buffer__` (which `memoryview` and the bytes-like argument parsers honour), so views
//! share the array's memory as CPython's do.

use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

const SOURCE: &str = include_str!("py/array.py");

/// The Python `_array_reconstructor` the native one forwards to.
static RECONSTRUCTOR: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// `array._array_reconstructor`: a built-in function (as CPython's, which pickles by name and
/// shows as one) forwarding to the Python implementation.
fn array_reconstructor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).no_kw_at_all("_array_reconstructor")?;
    if args.len() != 4 {
        return Err(PyErr::type_error(format!(
            "_array_reconstructor expected 4 arguments, got {}",
            args.len()
        )));
    }
    let f = RECONSTRUCTOR.with(|r| r.borrow().clone()).ok_or_else(|| {
        PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "array module not initialised")
    })?;
    crate::ops::call(f.as_ref(), args, None)
}

/// Makes the `array` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("array");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module defines an object type which can efficiently represent\nan array of \
             basic values: characters, integers, floating-point\nnumbers.  Arrays are sequence \
             types and behave very much like lists,\nexcept that the type of objects stored in \
             them is constrained.\n",
        ),
    )?;
    // The Python part runs in a namespace of its own (its helpers stay out of the module,
    // which holds only CPython's names) that is also called `array`.
    let private = new_module("array");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen array>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    for name in ["array", "ArrayType", "typecodes"] {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, v)?;
        }
    }
    let py_reconstructor = pd.get_str("_array_reconstructor")?;
    RECONSTRUCTOR.with(|r| *r.borrow_mut() = py_reconstructor);
    // Bound to the module, so its `__module__` is `array` (pickle finds it by name there).
    let f = crate::types::function::new_bound_builtin(
        "_array_reconstructor",
        array_reconstructor,
        m.clone(),
    );
    d.set_str("_array_reconstructor", f.clone())?;
    // `__reduce_ex__` hands out the built-in one.
    pd.set_str("_array_reconstructor_builtin", f)?;
    Ok(m)
}
