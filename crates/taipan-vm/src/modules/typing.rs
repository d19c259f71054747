//! The `_typing` module (`TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`, `Generic`,
//! `Union`, `NoDefault`, `_idfunc`), which `typing` imports, and the PEP 695 intrinsics the
//! compiler emits for `def f[T]`, `class C[T]` and `type X = ...`. The types are written in
//! Python (`py/typing.py`), run when the module is made; the intrinsics call its `_make_*`
//! helpers through the module in `sys.modules`, so the objects they build are of the very
//! classes `import _typing` (and `typing`) exposes.

use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::types::module::new_module;

const SOURCE: &str = include_str!("py/typing.py");

/// Makes the `_typing` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_typing");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _typing>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

/// Calls the helper `name` of `_typing` (imported on first use) with `args`.
fn call_helper(name: &str, args: &[Object]) -> PyResult<Object> {
    let m = crate::import::import_module("_typing", None)?;
    let f = crate::attr::getattr(m.as_ref(), crate::types::str::intern(name).as_ref())?;
    crate::ops::call(f.as_ref(), args, None)
}

/// `CALL_INTRINSIC_1` for the PEP 695 cases: 7 `TYPEVAR`, 8 `PARAMSPEC`, 9 `TYPEVARTUPLE`,
/// 10 `SUBSCRIPT_GENERIC`, 11 `TYPEALIAS`. `None` for any other intrinsic.
pub fn intrinsic_1(which: u32, v: Object) -> Option<PyResult<Object>> {
    let none = crate::types::singletons::none;
    Some(match which {
        7 => call_helper("_make_typevar", &[v, none(), none()]),
        8 => call_helper("_make_paramspec", &[v]),
        9 => call_helper("_make_typevartuple", &[v]),
        10 => call_helper("_subscript_generic", &[v]),
        11 => call_helper("_make_typealias", &[v]),
        _ => return None,
    })
}

/// `CALL_INTRINSIC_2` for the PEP 695 cases: 2 `TYPEVAR_WITH_BOUND`, 3
/// `TYPEVAR_WITH_CONSTRAINTS`, 4 `SET_FUNCTION_TYPE_PARAMS`, 5 `SET_TYPEPARAM_DEFAULT`.
/// `None` for any other intrinsic.
pub fn intrinsic_2(which: u32, a: Object, b: Object) -> Option<PyResult<Object>> {
    let none = crate::types::singletons::none;
    Some(match which {
        2 => call_helper("_make_typevar", &[a, b, none()]),
        3 => call_helper("_make_typevar", &[a, none(), b]),
        4 => set_function_type_params(a, b.as_ref()),
        5 => call_helper("_set_typeparam_default", &[a, b]),
        _ => return None,
    })
}

/// `func.__type_params__ = params`, giving back the function.
fn set_function_type_params(func: Object, params: ObjectRef<'_>) -> PyResult<Object> {
    crate::attr::setattr(
        func.as_ref(),
        crate::types::str::intern("__type_params__").as_ref(),
        Some(params),
    )?;
    Ok(func)
}
