//! The `_struct` module on the exact core of `taipan_stdlib::struct_`: `pack`, `pack_into`,
//! `unpack`, `unpack_from`, `iter_unpack`, `calcsize` and the `struct.error` exception (what
//! `struct.py` re-exports). The `Struct` class is not built yet.

use std::cell::RefCell;

use taipan_stdlib::error::{ErrorKind, PyError};
use taipan_stdlib::struct_::{Format, PackArg, Value};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, new_str};

/// `struct.error`, made once per interpreter.
static ERROR: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

fn error_class() -> PyResult<Object> {
    if let Some(e) = ERROR.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let ns = new_dict();
    as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("struct"))?;
    let base = crate::types::exceptions::EXCEPTION.0.as_object().to_owned();
    let cls = crate::types::instance::new_class("error", &[base], ns.as_ref())?;
    ERROR.with(|e| *e.borrow_mut() = Some(cls.clone()));
    Ok(cls)
}

/// The Python exception for a core error.
pub(crate) fn core_error(e: PyError) -> PyErr {
    match e.kind {
        ErrorKind::StructError => match error_class()
            .and_then(|c| crate::ops::call(c.as_ref(), &[new_str(&e.message)], None))
        {
            Ok(inst) => PyErr::from_instance(inst),
            Err(err) => err,
        },
        ErrorKind::TypeError => PyErr::type_error(e.message),
        ErrorKind::OverflowError => PyErr::overflow_error(e.message),
        ErrorKind::MemoryError => PyErr::memory_error(),
        _ => PyErr::value_error(e.message),
    }
}

fn format_arg(o: &Object) -> PyResult<Format> {
    if let Some(s) = Str::new(o.as_ref()) {
        return Format::parse_str(&s.to_string_lossy()).map_err(core_error);
    }
    if let Some(b) = crate::types::bytes::bytes_data(o.as_ref()) {
        return Format::parse(b).map_err(core_error);
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        o.type_().name()
    )))
}

fn pack_arg(o: &Object) -> PyArg {
    if let Some(i) = crate::types::int::int_value(o.as_ref()) {
        return PackArg::Int(i.to_ibig().into_owned());
    }
    if let Some(f) = crate::types::float::float_value(o.as_ref()) {
        return PackArg::Float(f);
    }
    if let Some(b) = crate::types::bytes::bytes_data(o.as_ref()) {
        return PackArg::Bytes(b.to_vec());
    }
    PackArg::Other { truthy: crate::ops::is_true(o.as_ref()).unwrap_or(false) }
}

type PyArg = PackArg;

fn value_object(v: Value) -> Object {
    match v {
        Value::Int(i) => crate::types::int::new_int(i),
        Value::Float(f) => crate::types::float::new_float(f),
        Value::Bytes(b) => crate::types::bytes::new_bytes(&b),
        Value::Bool(b) => crate::types::bool::py_bool(b),
    }
}

fn buffer(o: &Object) -> PyResult<Vec<u8>> {
    crate::types::bytes::bytes_data(o.as_ref()).map(<[u8]>::to_vec).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}

fn pack(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("pack")?;
    let Some(fmt) = args.first() else {
        return Err(PyErr::type_error("pack expected at least 1 argument, got 0"));
    };
    let f = format_arg(fmt)?;
    let vals: Vec<PackArg> = args[1..].iter().map(pack_arg).collect();
    let out = f.pack(&vals).map_err(core_error)?;
    Ok(crate::types::bytes::new_bytes(&out))
}

fn unpack(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("unpack")?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("unpack expected 2 arguments, got {}", args.len())));
    }
    let f = format_arg(&args[0])?;
    let vals = f.unpack(&buffer(&args[1])?).map_err(core_error)?;
    Ok(crate::types::tuple::new_tuple(vals.into_iter().map(value_object).collect()))
}

fn unpack_from(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let buf_kw = a.take_kw("buffer").cloned();
    let off_kw = a.take_kw("offset").cloned();
    a.no_kw("unpack_from")?;
    let Some(fmt) = a.pos.first() else {
        return Err(PyErr::type_error("unpack_from() missing required argument 'format' (pos 1)"));
    };
    let buf = a.pos.get(1).cloned().or(buf_kw).ok_or_else(|| {
        PyErr::type_error("unpack_from() missing required argument 'buffer' (pos 2)")
    })?;
    let offset = match a.pos.get(2).cloned().or(off_kw) {
        Some(o) => crate::ops::index_value(o.as_ref())?.unwrap_or(0) as i64,
        None => 0,
    };
    let f = format_arg(fmt)?;
    let vals = f.unpack_from(&buffer(&buf)?, offset).map_err(core_error)?;
    Ok(crate::types::tuple::new_tuple(vals.into_iter().map(value_object).collect()))
}

fn iter_unpack(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("iter_unpack")?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            args.len()
        )));
    }
    let f = format_arg(&args[0])?;
    let rows = f.iter_unpack(&buffer(&args[1])?).map_err(core_error)?;
    let items: Vec<Object> = rows
        .into_iter()
        .map(|r| crate::types::tuple::new_tuple(r.into_iter().map(value_object).collect()))
        .collect();
    crate::ops::iter(crate::types::list::new_list(items).as_ref())
}

fn calcsize(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("calcsize")?;
    a.count("calcsize", 1, 1)?;
    let f = format_arg(&args[0])?;
    Ok(crate::types::int::new_int_i64(f.size as i64))
}

fn clearcache(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(crate::types::singletons::none())
}

/// Makes the `_struct` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_struct");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 7] = [
        ("pack", pack),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("calcsize", calcsize),
        ("_clearcache", clearcache),
        ("__getattr__", no_attr),
    ];
    for (n, f) in &fns[..6] {
        d.set_str(n, new_builtin_function(n, *f))?;
    }
    d.set_str("error", error_class()?)?;
    d.set_str("__doc__", new_str("Functions to convert between Python values and C structs."))?;
    Ok(m)
}

fn no_attr(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "_struct"))
}
