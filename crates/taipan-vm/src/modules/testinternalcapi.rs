//! The `_testinternalcapi` module: the few introspection helpers of CPython's internal test
//! module that CPython's test suite needs to import (`test_class` imports `has_inline_values`
//! at module level) or that `test.support` calls once the module exists
//! (`get_recursion_depth`, `get_c_recursion_remaining`, `SIZEOF_PYGC_HEAD`). Each answers
//! about Taipan's own object model, not CPython's.

use crate::builtins::args::Args;
use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};

type S<'a> = Option<ObjectRef<'a>>;

/// Bytes of native stack one unit of `get_c_recursion_remaining` stands for: about what a
/// nested native call costs (CPython's estimate gives ~25000 units for its 8 MiB stack).
const BYTES_PER_NATIVE_CALL: usize = 330;

/// `has_inline_values(obj)`: whether a class instance still keeps its attributes by shared-key
/// index, without a `__dict__` object (docs/vm.md, "Shared-key instance attributes").
fn has_inline_values(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("has_inline_values")?;
    a.count("has_inline_values", 1, 1)?;
    let p = crate::types::instance::instance_payload(a.pos[0].as_ref());
    Ok(py_bool(p.is_some_and(|p| p.in_values_mode())))
}

/// `get_recursion_depth()`: the Python frames live on this thread, the caller's included.
fn get_recursion_depth(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("get_recursion_depth")?;
    a.count("get_recursion_depth", 0, 0)?;
    Ok(new_int_i64(crate::eval::python_depth() as i64))
}

/// `get_c_recursion_remaining()`: how many more nested native calls the native recursion
/// budget allows from here, estimated.
fn get_c_recursion_remaining(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("get_c_recursion_remaining")?;
    a.count("get_c_recursion_remaining", 0, 0)?;
    let units = crate::ops::stack_budget_remaining() / BYTES_PER_NATIVE_CALL;
    Ok(new_int_i64(units as i64))
}

/// Makes the `_testinternalcapi` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_testinternalcapi");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 3] = [
        ("has_inline_values", has_inline_values),
        ("get_recursion_depth", get_recursion_depth),
        ("get_c_recursion_remaining", get_c_recursion_remaining),
    ];
    for (name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("SIZEOF_PYGC_HEAD", new_int_i64(16))?;
    d.set_str("SHARED_KEYS_MAX_SIZE", new_int_i64(30))?;
    Ok(m)
}
