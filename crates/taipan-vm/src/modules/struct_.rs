//! The `_struct` module on the exact core of `taipan_stdlib::struct_`: `pack`, `pack_into`,
//! `unpack`, `unpack_from`, `iter_unpack`, `calcsize` and the `struct.error` exception (what
//! `struct.py` re-exports). The `Struct` class and its `unpack_iterator` are Python
//! (`py/struct.py`) over these functions.

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
        // A format is ASCII: anything else is the codec's UnicodeEncodeError.
        let ascii = crate::builtins::codecs::encode_str(s, "ascii", "strict")?;
        return Format::parse(&ascii).map_err(core_error);
    }
    if let Some(b) = crate::types::bytes::bytes_data(o.as_ref()) {
        return Format::parse(b).map_err(core_error);
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        o.type_().name()
    )))
}

/// One value for an item of format code `code`, converted as CPython's packers convert it:
/// `?` takes the truth value (its errors propagate), integer codes take `__index__`, float
/// codes `__float__` (then `__index__`), `c`/`s`/`p` bytes or a bytearray.
fn pack_arg(o: &Object, code: u8) -> PyResult<PackArg> {
    let r = o.as_ref();
    if code == b'?' {
        return Ok(PackArg::Other { truthy: crate::ops::is_true(r)? });
    }
    if let Some(b) = crate::types::bytes::bytes_data(r) {
        return Ok(PackArg::Bytes(b.to_vec()));
    }
    if let Some(b) = crate::types::bytearray::bytearray_data(r) {
        return Ok(PackArg::ByteArray(b));
    }
    if let Some(i) = crate::types::int::int_value(r) {
        return Ok(PackArg::Int(i.to_ibig().into_owned()));
    }
    if let Some(f) = crate::types::float::float_value(r) {
        return Ok(PackArg::Float(f));
    }
    let slots = &o.type_().slots;
    if matches!(code, b'e' | b'f' | b'd') {
        if let Some(f) = slots.nb_float.get() {
            let v = f(r)?;
            if let Some(x) = crate::types::float::float_value(v.as_ref()) {
                return Ok(PackArg::Float(x));
            }
        }
    }
    if !matches!(code, b'c' | b's' | b'p') {
        if let Some(f) = slots.nb_index.get() {
            let v = f(r)?;
            if let Some(i) = crate::types::int::int_value(v.as_ref()) {
                return Ok(PackArg::Int(i.to_ibig().into_owned()));
            }
        }
    }
    Ok(PackArg::Other { truthy: false })
}

/// The values for `pack`: each converted for the code of the item it fills (when the count is
/// wrong the core reports that first, so nothing is converted).
fn pack_args(f: &Format, args: &[Object]) -> PyResult<Vec<PackArg>> {
    if args.len() != f.nargs {
        return Ok(args.iter().map(|_| PackArg::Other { truthy: false }).collect());
    }
    let mut codes = Vec::with_capacity(args.len());
    for item in &f.items {
        match item.code {
            b'x' => {}
            b's' | b'p' => codes.push(item.code),
            c => codes.extend(std::iter::repeat_n(c, item.count)),
        }
    }
    args.iter()
        .enumerate()
        .map(|(i, o)| pack_arg(o, codes.get(i).copied().unwrap_or(b'?')))
        .collect()
}

fn value_object(v: Value) -> Object {
    match v {
        Value::Int(i) => crate::types::int::new_int(i),
        Value::Float(f) => crate::types::float::new_float(f),
        Value::Bytes(b) => crate::types::bytes::new_bytes(&b),
        Value::Bool(b) => crate::types::bool::py_bool(b),
    }
}

const SOURCE: &str = include_str!("py/struct.py");

fn buffer(o: &Object) -> PyResult<Vec<u8>> {
    crate::builtins::bytesmethods::bytes_like(o.as_ref()).map(|b| b.into_owned()).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}

fn pack(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("pack")?;
    let Some(fmt) = args.first() else {
        return Err(PyErr::type_error("pack expected at least 1 argument, got 0"));
    };
    let f = format_arg(fmt)?;
    let vals = pack_args(&f, &args[1..])?;
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

/// `pack_into(format, buffer, offset, *values)`: packs into a copy of the buffer's bytes (the
/// core checks the offset and room), then writes the packed span back through a byte view of
/// the buffer, so bytearrays, memoryviews and Python buffer exporters all take it.
fn pack_into(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("pack_into")?;
    let Some(fmt) = args.first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    let f = format_arg(fmt)?;
    let Some(buf) = args.get(1) else {
        return Err(core_error(PyError::new(
            ErrorKind::StructError,
            "pack_into expected buffer argument",
        )));
    };
    let Some(off) = args.get(2) else {
        return Err(core_error(PyError::new(
            ErrorKind::StructError,
            "pack_into expected offset argument",
        )));
    };
    let offset = crate::ops::index_value(off.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            off.type_().name()
        ))
    })?;
    let view = crate::types::memoryview::new_memoryview(buf.as_ref()).map_err(|_| {
        PyErr::type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            buf.type_().name()
        ))
    })?;
    let ro = crate::attr::getattr(view.as_ref(), crate::interned!("readonly").as_ref())?;
    if crate::ops::is_true(ro.as_ref())? {
        return Err(PyErr::type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            buf.type_().name()
        )));
    }
    let cast = crate::attr::getattr(view.as_ref(), crate::interned!("cast").as_ref())?;
    let bytes_view = crate::ops::call(cast.as_ref(), &[new_str("B")], None)?;
    let mut data = buffer(&bytes_view)?;
    let vals = pack_args(&f, &args[3..])?;
    f.pack_into(&mut data, offset as i64, &vals).map_err(core_error)?;
    let len = data.len() as i64;
    let start = if (offset as i64) < 0 { offset as i64 + len } else { offset as i64 };
    let end = start + f.size as i64;
    let slice = crate::types::slice::new_slice(
        crate::types::int::new_int_i64(start),
        crate::types::int::new_int_i64(end),
        crate::types::singletons::none(),
    );
    let chunk = crate::types::bytes::new_bytes(&data[start as usize..end as usize]);
    crate::ops::setitem(bytes_view.as_ref(), slice.as_ref(), Some(chunk.as_ref()))?;
    Ok(crate::types::singletons::none())
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
    let fns: [(&'static str, NativeFn); 8] = [
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("calcsize", calcsize),
        ("_clearcache", clearcache),
        ("__getattr__", no_attr),
    ];
    for (n, f) in &fns[..7] {
        d.set_str(n, new_builtin_function(n, *f))?;
    }
    d.set_str("error", error_class()?)?;
    d.set_str("__doc__", new_str("Functions to convert between Python values and C structs."))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _struct>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

fn no_attr(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "_struct"))
}
