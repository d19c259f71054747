//! `code.replace(**changes)` and `code.__replace__` (`copy.replace`): a new code object with
//! some fields changed.
//!
//! The eval loop trusts a code object's structure (docs/vm.md, "The value stack bound": room for
//! the value stack comes from `co_stacksize`; the exception table's targets and depths, and the
//! operand indices into the locals, constants and names, are taken as the compiler made them).
//! So only changes that cannot break that trust are accepted: names, file name, first line,
//! location table, constants and names tuples long enough for every index the bytecode uses,
//! local-name tuples of the same length, and the flag bits that do not change how a frame is
//! built. A change to the bytecode, the stack size, the exception table, the argument counts or
//! the frame-shaping flags raises NotImplementedError (CPython would accept it; running such
//! code unchecked could corrupt memory, and a verifier is not built yet).

use std::sync::Arc;

use taipan_bytecode::code::{
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NEWLOCALS, CO_NOFREE, CO_OPTIMIZED,
    CO_VARARGS, CO_VARKEYWORDS,
};
use taipan_bytecode::opcodes as op;
use taipan_bytecode::{CodeObject, CodeUnit};
use taipan_common::PyStr;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::code::{CodePayload, new_code_with};
use crate::types::str::Str;
use crate::types::tuple::tuple_items;

/// The flag bits that decide how a frame is made and run: they must not change.
const STRUCTURAL_FLAGS: u32 = CO_OPTIMIZED
    | CO_NEWLOCALS
    | CO_VARARGS
    | CO_VARKEYWORDS
    | CO_GENERATOR
    | CO_NOFREE
    | CO_COROUTINE
    | CO_ASYNC_GENERATOR;

/// The keyword parameters of `code.replace`, in CPython's order.
const FIELDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

fn unsupported(field: &str) -> PyErr {
    PyErr::new(
        &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
        format!("code.replace(): Taipan cannot yet run code whose {field} was changed"),
    )
}

fn arg_type_error(field: &str, want: &str, got: ObjectRef<'_>) -> PyErr {
    PyErr::type_error(format!(
        "replace() argument '{field}' must be {want}, not {}",
        got.type_().name()
    ))
}

fn want_str(field: &str, v: ObjectRef<'_>) -> PyResult<PyStr> {
    match Str::new(v) {
        Some(s) => Ok(PyStr::from_code_points(s.data().iter())),
        None => Err(arg_type_error(field, "str", v)),
    }
}

fn want_tuple<'a>(field: &str, v: &'a Object) -> PyResult<&'a [Object]> {
    if !std::ptr::eq(v.type_(), &crate::types::tuple::TUPLE_TYPE.0) {
        return Err(arg_type_error(field, "tuple", v.as_ref()));
    }
    Ok(tuple_items(v.as_ref()).unwrap_or(&[]))
}

fn want_bytes(field: &str, v: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    match crate::types::bytes::bytes_data(v) {
        Some(b) if std::ptr::eq(v.type_(), &crate::types::bytes::BYTES_TYPE.0) => Ok(b.to_vec()),
        _ => Err(arg_type_error(field, "bytes", v)),
    }
}

fn want_int(v: ObjectRef<'_>) -> PyResult<i64> {
    crate::ops::index_value(v)?.map(|n| n as i64).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_().name()
        ))
    })
}

/// Strings of a names tuple, with CPython's message for anything else.
fn names_of(items: &[Object]) -> PyResult<Vec<PyStr>> {
    items
        .iter()
        .map(|o| match Str::new(o.as_ref()) {
            Some(s) => Ok(PyStr::from_code_points(s.data().iter())),
            None => Err(PyErr::new(
                &crate::types::exceptions::SYSTEM_ERROR,
                "non-string found in code slot",
            )),
        })
        .collect()
}

/// The largest operand index into `co_consts` and into `co_names` that `code` uses, plus one.
fn index_bounds(code: &[CodeUnit]) -> (usize, usize) {
    let (mut consts, mut names) = (0usize, 0usize);
    let mut ext: u32 = 0;
    for u in code {
        let arg = (ext << 8) | u32::from(u.arg);
        ext = if u.op == op::EXTENDED_ARG { arg } else { 0 };
        let arg = arg as usize;
        match u.op {
            op::LOAD_CONST => consts = consts.max(arg + 1),
            op::LOAD_NAME
            | op::STORE_NAME
            | op::DELETE_NAME
            | op::STORE_ATTR
            | op::DELETE_ATTR
            | op::STORE_GLOBAL
            | op::DELETE_GLOBAL
            | op::IMPORT_NAME
            | op::IMPORT_FROM
            | op::LOAD_FROM_DICT_OR_GLOBALS => names = names.max(arg + 1),
            op::LOAD_GLOBAL | op::LOAD_ATTR => names = names.max((arg >> 1) + 1),
            op::LOAD_SUPER_ATTR => names = names.max((arg >> 2) + 1),
            _ => {}
        }
    }
    (consts, names)
}

/// `code.replace(**changes)`.
pub(crate) fn code_replace(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, rest) = crate::types::code::code_self(s, args, "replace")?;
    let mut a = Args::new(rest, kw);
    if !a.pos.is_empty() {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let mut given: Vec<(&str, &Object)> = Vec::new();
    for f in FIELDS {
        if let Some(v) = a.take_kw(f) {
            given.push((f, v));
        }
    }
    a.no_kw("replace")?;
    replace_fields(c, &given)
}

/// Applies `given` (field name, new value) to a copy of `c`.
fn replace_fields(c: &CodePayload, given: &[(&str, &Object)]) -> PyResult<Object> {
    let old = &c.code;
    let mut new: CodeObject = (**old).clone();
    let mut consts: Option<Vec<Object>> = None;
    let mut localsplus: Vec<(u8, Vec<PyStr>)> = Vec::new();
    for &(field, v) in given {
        match field {
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" => {
                let n = want_int(v.as_ref())?;
                let cur = match field {
                    "co_argcount" => old.argcount as i64,
                    "co_posonlyargcount" => old.posonlyargcount as i64,
                    "co_kwonlyargcount" => old.kwonlyargcount as i64,
                    "co_nlocals" => old.nlocals() as i64,
                    _ => old.stacksize as i64,
                };
                if n != cur {
                    return Err(unsupported(field));
                }
            }
            "co_flags" => {
                let n = want_int(v.as_ref())?;
                let n = u32::try_from(n).map_err(|_| unsupported(field))?;
                if (n ^ old.flags) & STRUCTURAL_FLAGS != 0 {
                    return Err(unsupported("co_flags (frame-shaping bits)"));
                }
                new.flags = n;
            }
            "co_firstlineno" => {
                let n = want_int(v.as_ref())?;
                new.firstlineno = i32::try_from(n).map_err(|_| {
                    PyErr::overflow_error("Python int too large to convert to C int")
                })?;
            }
            "co_code" | "co_exceptiontable" => {
                let b = want_bytes(field, v.as_ref())?;
                let same = if field == "co_code" {
                    b == old.code_bytes()
                } else {
                    b == old.exceptiontable
                };
                if !same {
                    return Err(unsupported(field));
                }
            }
            "co_linetable" => new.linetable = want_bytes(field, v.as_ref())?,
            "co_consts" => consts = Some(want_tuple(field, v)?.to_vec()),
            "co_names" => new.names = names_of(want_tuple(field, v)?)?,
            "co_varnames" | "co_cellvars" | "co_freevars" => {
                let kind = match field {
                    "co_varnames" => taipan_bytecode::code::CO_FAST_LOCAL,
                    "co_cellvars" => taipan_bytecode::code::CO_FAST_CELL,
                    _ => taipan_bytecode::code::CO_FAST_FREE,
                };
                localsplus.push((kind, names_of(want_tuple(field, v)?)?));
            }
            "co_filename" => new.filename = want_str(field, v.as_ref())?,
            "co_name" => new.name = want_str(field, v.as_ref())?,
            _ => new.qualname = want_str(field, v.as_ref())?,
        }
    }
    for (kind, names) in localsplus {
        let slots: Vec<usize> = (0..old.localsplusnames.len())
            .filter(|&i| old.localspluskinds[i] & kind != 0)
            .collect();
        if slots.len() != names.len() {
            return Err(match kind {
                taipan_bytecode::code::CO_FAST_LOCAL if names.len() < slots.len() => {
                    PyErr::value_error("code: co_varnames is too small")
                }
                taipan_bytecode::code::CO_FAST_LOCAL => {
                    PyErr::value_error("code: co_nlocals != len(co_varnames)")
                }
                taipan_bytecode::code::CO_FAST_CELL => unsupported("co_cellvars (length)"),
                _ => unsupported("co_freevars (length)"),
            });
        }
        for (i, n) in slots.into_iter().zip(names) {
            new.localsplusnames[i] = n;
        }
    }
    let (need_consts, need_names) = index_bounds(&old.code);
    if new.names.len() < need_names {
        return Err(unsupported("co_names (too short for the bytecode)"));
    }
    if let Some(cs) = &consts
        && cs.len() < need_consts
    {
        return Err(unsupported("co_consts (too short for the bytecode)"));
    }
    new_code_with(Arc::new(new), consts)
}
