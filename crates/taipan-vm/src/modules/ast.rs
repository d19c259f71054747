//! The `_ast` module: the node classes (written in Python, `py/ast_base.py` and the generated
//! `py/ast_nodes.py`) and the native bridge between them and the compiler's tree, which
//! `compile()` uses: [`mod_to_object`] (`PyCF_ONLY_AST`: the parser's tree as node objects,
//! CPython's `ast2obj`) and [`object_to_mod`] (a tree of node objects back to the compiler's
//! tree, CPython's `obj2ast`, followed by the validator in `ast_validate.rs`).
//!
//! Both directions go through the generic view `taipan_parser::ast::generic::Value`, checked
//! against the generated schema (`NODES`), so this file knows no node type by name.

use std::cell::RefCell;

use dashu_int::{IBig, UBig};
use taipan_parser::ast::generic::{FieldKind, FromValue, Node, ToValue, Value, node_schema};
use taipan_parser::ast::{Constant, Loc, Mod, PyStr};

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::{BOOL_TYPE, py_bool};
use crate::types::bytes::{BYTES_TYPE, bytes_data, new_bytes};
use crate::types::complex::{COMPLEX_TYPE, complex_value, new_complex};
use crate::types::dict::as_dict;
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::float::{FLOAT_TYPE, float_value, new_float};
use crate::types::int::{INT_TYPE, int_value, new_int, new_int_i64};
use crate::types::list::{as_list, new_list};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{ELLIPSIS, is_none, none};
use crate::types::str::{STR_TYPE, Str, intern, new_str, new_str_from_pystr};
use crate::types::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::types::typeobject::{PyType, as_type};

const BASE_SOURCE: &str = include_str!("py/ast_base.py");
const NODES_SOURCE: &str = include_str!("py/ast_nodes.py");

/// The one `_ast` module of this interpreter (its classes are the interpreter's node types,
/// as CPython keeps them in the interpreter state).
static MODULE: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));
/// The shared instances of the operator and context classes (`Load()`, `Add()`, ...) that
/// parsed trees use, as CPython's singletons.
static SINGLETONS: crate::gil::GilCell<RefCell<Vec<(&'static str, Object)>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Makes the `_ast` module (once per interpreter; a second import gets the same classes).
pub fn make_module() -> PyResult<Object> {
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let m = new_module("_ast");
    for (src, name) in [(BASE_SOURCE, "<frozen _ast>"), (NODES_SOURCE, "<frozen _ast nodes>")] {
        let code = crate::import::path::compile_bytes(src.as_bytes(), name)?;
        crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    }
    MODULE.with(|c| *c.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// The `_ast` module, imported if it is not yet.
fn ast_module() -> PyResult<Object> {
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    crate::import::import_module("_ast", None)?;
    make_module()
}

/// The class `name` of `_ast`.
fn class(name: &str) -> PyResult<Object> {
    let m = ast_module()?;
    let d = module_dict(m.as_ref()).and_then(|d| as_dict(d).map(|d| d.get_str(name)));
    match d {
        Some(Ok(Some(c))) => Ok(c),
        Some(Err(e)) => Err(e),
        _ => {
            Err(PyErr::new(&crate::types::exceptions::SYSTEM_ERROR, format!("_ast.{name} missing")))
        }
    }
}

/// Whether `o` is an instance of `ast.AST` (false while `_ast` was never imported: then no node
/// object exists).
pub fn is_ast_object(o: ObjectRef<'_>) -> PyResult<bool> {
    if MODULE.with(|m| m.borrow().is_none()) {
        return Ok(false);
    }
    let base = class("AST")?;
    Ok(as_type(base.as_ref()).is_some_and(|t| o.type_().is_subtype(t)))
}

// ------------------------------------------------------------------ tree -> objects

/// The parser's tree as `ast` node objects (`compile(..., PyCF_ONLY_AST)`).
pub fn mod_to_object(tree: &Mod) -> PyResult<Object> {
    let v = tree.to_value();
    value_to_object(&v)
}

fn value_to_object(v: &Value) -> PyResult<Object> {
    Ok(match v {
        Value::Node(n) => node_to_object(n)?,
        Value::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for i in items {
                out.push(value_to_object(i)?);
            }
            new_list(out)
        }
        Value::Str(s) => new_str(s),
        Value::Int(i) => new_int_i64(*i),
        Value::Const(c) => constant_to_object(c)?,
        Value::None => none(),
    })
}

fn node_to_object(n: &Node) -> PyResult<Object> {
    let _guard = crate::ops::RecursionGuard::enter(" during ast construction")?;
    let schema = node_schema(n.name);
    let simple = n.fields.is_empty() && n.loc.is_none();
    if simple
        && let Some(o) = SINGLETONS
            .with(|s| s.borrow().iter().find(|(k, _)| *k == n.name).map(|(_, o)| o.clone()))
    {
        return Ok(o);
    }
    let cls = class(n.name)?;
    let ty = as_type(cls.as_ref()).expect("an _ast class");
    let obj = crate::types::instance::new_instance(ty)
        .ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", n.name)))?;
    if let Some(schema) = schema {
        for (f, v) in schema.fields.iter().zip(&n.fields) {
            let val = value_to_object(v)?;
            crate::attr::setattr(obj.as_ref(), intern(f.name).as_ref(), Some(val.as_ref()))?;
        }
    }
    if let Some(l) = n.loc {
        for (name, x) in [
            ("lineno", l.lineno),
            ("col_offset", l.col_offset),
            ("end_lineno", l.end_lineno),
            ("end_col_offset", l.end_col_offset),
        ] {
            let val = new_int_i64(i64::from(x));
            crate::attr::setattr(obj.as_ref(), intern(name).as_ref(), Some(val.as_ref()))?;
        }
    }
    if simple && schema.is_some_and(|s| s.fields.is_empty() && !s.has_loc) {
        SINGLETONS.with(|s| s.borrow_mut().push((n.name, obj.clone())));
    }
    Ok(obj)
}

fn constant_to_object(c: &Constant) -> PyResult<Object> {
    Ok(match c {
        Constant::None => none(),
        Constant::Bool(b) => py_bool(*b),
        Constant::Int(u) => new_int(IBig::from(u.clone())),
        Constant::Float(f) => new_float(*f),
        Constant::Complex { real, imag } => new_complex(*real, *imag),
        Constant::Str(s) => new_str_from_pystr(s),
        Constant::Bytes(b) => new_bytes(b),
        Constant::Ellipsis => ELLIPSIS.object(),
        Constant::Tuple(items) => {
            new_tuple(items.iter().map(constant_to_object).collect::<PyResult<_>>()?)
        }
    })
}

// ------------------------------------------------------------------ objects -> tree

/// The mode names of `compile()`, for "expected Module node, got Expression".
fn mode_node(mode: taipan_parser::Mode) -> &'static str {
    match mode {
        taipan_parser::Mode::Exec => "Module",
        taipan_parser::Mode::Eval => "Expression",
        taipan_parser::Mode::Single => "Interactive",
        taipan_parser::Mode::FuncType => "FunctionType",
    }
}

/// A tree of `ast` node objects as the compiler's tree (`compile(tree, filename, mode)`),
/// checked as CPython's `obj2ast` and validator check it.
pub fn object_to_mod(obj: ObjectRef<'_>, mode: taipan_parser::Mode) -> PyResult<Mod> {
    let want = mode_node(mode);
    let cls = class(want)?;
    let ty = as_type(cls.as_ref()).expect("an _ast class");
    if !obj.type_().is_subtype(ty) {
        return Err(PyErr::type_error(format!("expected {want} node, got {}", obj.type_().name())));
    }
    let v = node_from_object(obj, "mod")?;
    let tree = Mod::from_value(v).map_err(PyErr::value_error)?;
    crate::modules::ast_validate::validate_mod(&tree)?;
    Ok(tree)
}

/// `getattr(o, name)`, `None` when it has no such attribute.
fn get_opt_attr(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, intern(name).as_ref()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

fn exact(o: ObjectRef<'_>, ty: &PyType) -> bool {
    std::ptr::eq(o.type_(), ty)
}

/// An object of the abstract type `base` (`expr`, `stmt`, ..., or a product type's own name).
fn node_from_object(o: ObjectRef<'_>, base: &str) -> PyResult<Value> {
    let _guard = crate::ops::RecursionGuard::enter(" during ast construction")?;
    // A sum type's location attributes are read before its constructor is looked for, a
    // product type's after its fields (CPython's order, which decides which error wins).
    let is_sum =
        taipan_parser::ast::generic::NODES.iter().any(|s| s.base == base && s.name != base);
    let sum_has_loc =
        is_sum && taipan_parser::ast::generic::NODES.iter().any(|s| s.base == base && s.has_loc);
    let early_loc = if sum_has_loc { Some(loc_from_object(o, base)?) } else { None };
    // The constructor: the first of `base`'s whose class `o` is an instance of.
    let mut found = None;
    for s in taipan_parser::ast::generic::NODES.iter().filter(|s| s.base == base) {
        if s.name == base {
            // A product type: no check of the object's class.
            found = Some(s);
            break;
        }
        let cls = class(s.name)?;
        if as_type(cls.as_ref()).is_some_and(|t| o.type_().is_subtype(t)) {
            found = Some(s);
            break;
        }
    }
    let Some(schema) = found else {
        let r = crate::ops::repr_string(o)?;
        return Err(PyErr::type_error(format!("expected some sort of {base}, but got {r}")));
    };
    if schema.name == "Constant"
        && let Some(v) = get_opt_attr(o, "value")?
        && needs_rewrite(v.as_ref())
    {
        // The compiler's tree holds non-negative int literals only: `-n` becomes `USub n` (and
        // a tuple holding one a `Tuple` expression), which the compiler folds back into the
        // same constant.
        return rewritten_constant(v.as_ref(), early_loc.unwrap_or_default());
    }
    let mut fields = Vec::with_capacity(schema.fields.len());
    for f in schema.fields {
        let v = get_opt_attr(o, f.name)?;
        let value = match (f.kind, v) {
            (FieldKind::List, None) => Value::List(Vec::new()),
            (FieldKind::Opt, None) => Value::None,
            (FieldKind::One, None) => {
                return Err(PyErr::type_error(format!(
                    "required field \"{}\" missing from {}",
                    f.name, schema.name
                )));
            }
            (FieldKind::List, Some(v)) => {
                let Some(l) = as_list(v.as_ref()) else {
                    return Err(PyErr::type_error(format!(
                        "{} field \"{}\" must be a list, not a {}",
                        schema.name,
                        f.name,
                        v.type_().name()
                    )));
                };
                let mut items = Vec::with_capacity(l.len());
                for item in l.to_vec() {
                    if is_none(item.as_ref()) {
                        // Only `Dict.keys` and `arguments.kw_defaults` may hold None.
                        if matches!(
                            (schema.name, f.name),
                            ("Dict", "keys") | ("arguments", "kw_defaults")
                        ) {
                            items.push(Value::None);
                            continue;
                        }
                        return Err(PyErr::value_error(match f.ty {
                            "stmt" => "None disallowed in statement list",
                            "expr" => "None disallowed in expression list",
                            _ => "None disallowed in list",
                        }));
                    } else {
                        items.push(leaf_from_object(item.as_ref(), f.ty, schema.name, f.name)?);
                    }
                }
                Value::List(items)
            }
            (_, Some(v)) if is_none(v.as_ref()) => match (f.kind, f.ty) {
                (FieldKind::One, "constant") => Value::Const(Constant::None),
                (FieldKind::One, "identifier" | "string" | "int") if false => Value::None,
                (FieldKind::One, _) => {
                    return Err(PyErr::value_error(format!(
                        "field '{}' is required for {}",
                        f.name, schema.name
                    )));
                }
                _ => Value::None,
            },
            (_, Some(v)) => leaf_from_object(v.as_ref(), f.ty, schema.name, f.name)?,
        };
        fields.push(value);
    }
    let loc = match early_loc {
        Some(l) => Some(l),
        None if schema.has_loc => Some(loc_from_object(o, base)?),
        None => None,
    };
    Ok(Value::Node(Box::new(Node { name: schema.name, fields, loc })))
}

fn loc_from_object(o: ObjectRef<'_>, base: &str) -> PyResult<Loc> {
    let required = |name: &str| -> PyResult<u32> {
        match get_opt_attr(o, name)? {
            Some(v) => int_field(v.as_ref()),
            None => {
                Err(PyErr::type_error(format!("required field \"{name}\" missing from {base}")))
            }
        }
    };
    let lineno = required("lineno")?;
    let col_offset = required("col_offset")?;
    let optional = |name: &str, default: u32| -> PyResult<u32> {
        match get_opt_attr(o, name)? {
            Some(v) if !is_none(v.as_ref()) => int_field(v.as_ref()),
            _ => Ok(default),
        }
    };
    // `pattern` and `type_param` declare their end positions required (`int`, not `int?`).
    let (end_lineno, end_col_offset) = if matches!(base, "pattern" | "type_param") {
        (required("end_lineno")?, required("end_col_offset")?)
    } else {
        (optional("end_lineno", lineno)?, optional("end_col_offset", col_offset)?)
    };
    Ok(Loc { lineno, col_offset, end_lineno, end_col_offset })
}

/// An `int` field (a C `int` in CPython; positions are kept as `u32` here, a negative one as 0).
fn int_field(v: ObjectRef<'_>) -> PyResult<u32> {
    let i = int_value_checked(v)?;
    Ok(u32::try_from(i).unwrap_or(0))
}

fn int_value_checked(v: ObjectRef<'_>) -> PyResult<i64> {
    let Some(i) = int_value(v) else {
        let r = crate::ops::repr_string(v)?;
        return Err(PyErr::value_error(format!("invalid integer value: {r}")));
    };
    let i = i.to_ibig();
    match i32::try_from(&*i) {
        Ok(x) => Ok(i64::from(x)),
        Err(_) => Err(PyErr::overflow_error("Python int too large to convert to C int")),
    }
}

/// One non-None field value of ASDL type `ty`.
fn leaf_from_object(v: ObjectRef<'_>, ty: &str, _node: &str, _field: &str) -> PyResult<Value> {
    match ty {
        "identifier" | "string" => {
            if !exact(v, &STR_TYPE.0) {
                let what = if ty == "identifier" { "identifier" } else { "string" };
                return Err(PyErr::type_error(format!("AST {what} must be of type str")));
            }
            let s = Str::new(v).expect("str");
            Ok(Value::Str(s.to_string_lossy().into()))
        }
        "int" => Ok(Value::Int(int_value_checked(v)?)),
        "constant" => constant_from_object(v).map(Value::Const),
        _ => node_from_object(v, ty),
    }
}

/// Whether a `Constant` value holds a negative int (the compiler's tree cannot).
fn needs_rewrite(v: ObjectRef<'_>) -> bool {
    if exact(v, &INT_TYPE.0) {
        return int_value(v).is_some_and(|i| i.is_negative());
    }
    if exact(v, &TUPLE_TYPE.0) {
        return tuple_items(v).is_some_and(|items| items.iter().any(|i| needs_rewrite(i.as_ref())));
    }
    false
}

/// The expression for a constant that [`needs_rewrite`].
fn rewritten_constant(v: ObjectRef<'_>, loc: Loc) -> PyResult<Value> {
    let _guard = crate::ops::RecursionGuard::enter(" during ast construction")?;
    let node = |name: &'static str, fields: Vec<Value>| {
        Value::Node(Box::new(Node { name, fields, loc: Some(loc) }))
    };
    if exact(v, &INT_TYPE.0) && needs_rewrite(v) {
        let i = int_value(v).expect("int").to_ibig();
        let mag = UBig::try_from(-i.into_owned()).unwrap_or_default();
        let usub = Value::Node(Box::new(Node { name: "USub", fields: vec![], loc: None }));
        let lit = node("Constant", vec![Value::Const(Constant::Int(mag)), Value::None]);
        return Ok(node("UnaryOp", vec![usub, lit]));
    }
    if exact(v, &TUPLE_TYPE.0) && needs_rewrite(v) {
        let mut elts = Vec::new();
        for i in tuple_items(v).expect("tuple") {
            elts.push(rewritten_constant(i.as_ref(), loc)?);
        }
        let load = Value::Node(Box::new(Node { name: "Load", fields: vec![], loc: None }));
        return Ok(node("Tuple", vec![Value::List(elts), load]));
    }
    Ok(node("Constant", vec![Value::Const(constant_from_object(v)?), Value::None]))
}

fn invalid_constant(v: ObjectRef<'_>) -> PyErr {
    PyErr::type_error(format!("got an invalid type in Constant: {}", v.type_().name()))
}

/// A `Constant` value: None, Ellipsis, bool, int, float, complex, str, bytes, or a tuple of them.
fn constant_from_object(v: ObjectRef<'_>) -> PyResult<Constant> {
    let _guard = crate::ops::RecursionGuard::enter(" during ast construction")?;
    if is_none(v) {
        return Ok(Constant::None);
    }
    if v.raw() == ELLIPSIS.object().raw() {
        return Ok(Constant::Ellipsis);
    }
    if exact(v, &BOOL_TYPE.0) {
        return Ok(Constant::Bool(int_value(v).is_some_and(|i| !i.is_zero())));
    }
    if exact(v, &INT_TYPE.0) {
        let i = int_value(v).expect("int").to_ibig();
        return match UBig::try_from(i.into_owned()) {
            Ok(u) => Ok(Constant::Int(u)),
            Err(_) => Err(PyErr::value_error(
                "negative int constants are not supported in ast trees by Taipan yet",
            )),
        };
    }
    if exact(v, &FLOAT_TYPE.0) {
        return Ok(Constant::Float(float_value(v).expect("float")));
    }
    if exact(v, &COMPLEX_TYPE.0) {
        let (real, imag) = complex_value(v).expect("complex");
        return Ok(Constant::Complex { real, imag });
    }
    if exact(v, &STR_TYPE.0) {
        let s = Str::new(v).expect("str");
        return Ok(Constant::Str(PyStr::from_code_points(s.data().iter())));
    }
    if exact(v, &BYTES_TYPE.0) {
        return Ok(Constant::Bytes(bytes_data(v).expect("bytes").into()));
    }
    if exact(v, &TUPLE_TYPE.0) {
        let items = tuple_items(v).expect("tuple");
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(constant_from_object(i.as_ref())?);
        }
        return Ok(Constant::Tuple(out));
    }
    Err(invalid_constant(v))
}
