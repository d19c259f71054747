//! The `_opcode` module, which `opcode` and `dis` import: the opcode predicates (`has_arg`,
//! `has_const`, ..., `is_valid`), `stack_effect` with CPython's errors, the intrinsic and binary
//! operator descriptions, and the specialisation hooks (no executors, no statistics).
//!
//! The predicate tables are CPython 3.14's answers for every opcode number (specialised
//! instructions answer for themselves, not for their family), generated from the oracle with
//! `[i for i in range(267) if _opcode.has_X(i)]`.

use taipan_bytecode::opcodes;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;

/// The opcodes each predicate accepts, in the order of [`PREDICATES`].
const TABLES: [&[u16]; 7] = [
    // has_arg
    &[
        44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66,
        67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89,
        90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
        110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 128, 143, 144, 145, 146, 147, 148,
        149, 150, 151, 152, 153, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167,
        168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185,
        186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 197, 200, 209, 210, 211, 237, 239, 241,
        242, 243, 244, 245, 247, 248, 249, 250, 251, 253, 255, 257, 258, 259, 260, 261, 263, 264,
        265, 266,
    ],
    // has_const
    &[82, 190, 191],
    // has_name
    &[61, 64, 65, 72, 73, 80, 91, 92, 93, 96, 110, 115, 116, 179, 189, 194, 195, 200, 249],
    // has_jump
    &[
        68, 70, 75, 76, 77, 100, 101, 102, 103, 106, 172, 173, 174, 175, 176, 237, 248, 257, 258,
        259, 260,
    ],
    // has_free
    &[62, 90, 97, 111],
    // has_local
    &[3, 63, 83, 84, 85, 86, 87, 88, 89, 112, 113, 114, 261, 266],
    // has_exc
    &[263, 264, 265],
];

/// The predicate functions, by name, indexing [`TABLES`].
const PREDICATES: [&str; 7] =
    ["has_arg", "has_const", "has_name", "has_jump", "has_free", "has_local", "has_exc"];

/// A C `int` argument: CPython's TypeError for a non-integer, OverflowError past the range.
fn c_int(o: ObjectRef<'_>) -> PyResult<i64> {
    match crate::ops::index_value(o) {
        Ok(Some(v)) if i32::try_from(v).is_ok() => Ok(v as i64),
        Ok(Some(v)) if v < 0 => {
            Err(PyErr::overflow_error("signed integer is less than minimum".to_string()))
        }
        Ok(Some(_)) | Err(_) if crate::types::int::int_value(o).is_some() => {
            Err(PyErr::overflow_error("signed integer is greater than maximum".to_string()))
        }
        Ok(_) => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))),
        Err(e) => Err(e),
    }
}

/// `_opcode.is_valid`: a real (not pseudo-only unused) opcode number, specialised ones included.
fn valid(op: i64) -> bool {
    (0..=266).contains(&op) && taipan_bytecode::opcode::name(op as u16).is_some()
}

fn one_int(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<i64> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    c_int(a.pos[0].as_ref())
}

fn is_valid(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let op = one_int("is_valid", args, kw)?;
    Ok(crate::types::bool::py_bool(valid(op)))
}

macro_rules! predicate {
    ($fn:ident, $i:expr) => {
        fn $fn(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let op = one_int(PREDICATES[$i], args, kw)?;
            let yes = valid(op) && TABLES[$i].contains(&(op as u16));
            Ok(crate::types::bool::py_bool(yes))
        }
    };
}

predicate!(has_arg, 0);
predicate!(has_const, 1);
predicate!(has_name, 2);
predicate!(has_jump, 3);
predicate!(has_free, 4);
predicate!(has_local, 5);
predicate!(has_exc, 6);

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn stack_effect(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let jump = a.take_kw("jump");
    a.no_kw("stack_effect")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(PyErr::type_error(if a.pos.is_empty() {
            "stack_effect() takes at least 1 positional argument (0 given)".to_string()
        } else {
            format!("stack_effect() takes at most 2 positional arguments ({} given)", a.pos.len())
        }));
    }
    let op = c_int(a.pos[0].as_ref())?;
    let oparg = match a.pos.get(1) {
        Some(v) if !crate::types::singletons::is_none(v.as_ref()) => c_int(v.as_ref())?,
        _ => 0,
    };
    let jump = match jump {
        None => None,
        Some(j) if crate::types::singletons::is_none(j.as_ref()) => None,
        Some(j) if j.is(&crate::types::bool::py_bool(true)) => Some(true),
        Some(j) if j.is(&crate::types::bool::py_bool(false)) => Some(false),
        Some(_) => {
            return Err(PyErr::value_error("stack_effect: jump must be False, True or None"));
        }
    };
    let invalid = || PyErr::value_error("invalid opcode or oparg");
    if !valid(op) || (op < 256 && taipan_bytecode::opcode::is_specialized(op as u8)) {
        return Err(invalid());
    }
    let e = taipan_bytecode::opcode::stack_effect_checked(op as u16, oparg as i32, jump)
        .ok_or_else(invalid)?;
    Ok(new_int_i64(e as i64))
}

fn names_list(names: &[&str]) -> Object {
    new_list(names.iter().map(|n| new_str(n)).collect())
}

fn get_intrinsic1_descs(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).check_method("_opcode", "get_intrinsic1_descs", 0, 0)?;
    Ok(names_list(&opcodes::INTRINSIC_1))
}

fn get_intrinsic2_descs(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).check_method("_opcode", "get_intrinsic2_descs", 0, 0)?;
    Ok(names_list(&opcodes::INTRINSIC_2))
}

fn get_special_method_names(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).check_method("_opcode", "get_special_method_names", 0, 0)?;
    Ok(names_list(&opcodes::SPECIAL_METHOD_NAMES))
}

fn get_nb_ops(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).check_method("_opcode", "get_nb_ops", 0, 0)?;
    Ok(new_list(
        opcodes::NB_OPS.iter().map(|(n, s)| new_tuple(vec![new_str(n), new_str(s)])).collect(),
    ))
}

fn get_specialization_stats(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).check_method("_opcode", "get_specialization_stats", 0, 0)?;
    Ok(none())
}

/// `get_executor(code, offset)`: Taipan has no tier-2 executors.
fn get_executor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    let v = a.bind("get_executor", &["code", "offset"], 2)?;
    let code = v[0].expect("bound");
    if crate::types::code::as_code(code.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "get_executor() argument 'code' must be code, not {}",
            code.type_().name()
        )));
    }
    c_int(v[1].expect("bound").as_ref())?;
    Err(PyErr::value_error("no executor at given byte offset"))
}

/// Makes the `_opcode` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_opcode");
    let d = as_dict(module_dict(m.as_ref()).expect("module dict")).expect("dict");
    d.set_str("__doc__", new_str("Opcode support module."))?;
    let funcs: [(&'static str, crate::types::function::NativeFn); 15] = [
        ("stack_effect", stack_effect),
        ("is_valid", is_valid),
        ("has_arg", has_arg),
        ("has_const", has_const),
        ("has_name", has_name),
        ("has_jump", has_jump),
        ("has_free", has_free),
        ("has_local", has_local),
        ("has_exc", has_exc),
        ("get_intrinsic1_descs", get_intrinsic1_descs),
        ("get_intrinsic2_descs", get_intrinsic2_descs),
        ("get_special_method_names", get_special_method_names),
        ("get_nb_ops", get_nb_ops),
        ("get_specialization_stats", get_specialization_stats),
        ("get_executor", get_executor),
    ];
    for (name, f) in funcs {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("ENABLE_SPECIALIZATION", new_int_i64(1))?;
    d.set_str("ENABLE_SPECIALIZATION_FT", new_int_i64(1))?;
    Ok(m)
}
