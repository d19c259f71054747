//! The `binascii` module: argument handling and the `Error`/`Incomplete` exceptions over the
//! pure core in `taipan_stdlib::binascii` (hex, base64, quoted-printable, uuencode, CRCs).

use std::cell::RefCell;

use dashu_int::IBig;
use taipan_stdlib::binascii as core;
use taipan_stdlib::error::{ErrorKind, PyError};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_bound_builtin};
use crate::types::int::{IntVal, int_value, new_int_i64};
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, new_str};

/// `binascii.Error` and `binascii.Incomplete`, made once per interpreter.
static CLASSES: crate::gil::GilCell<RefCell<Option<(Object, Object)>>> =
    crate::gil::GilCell::new(RefCell::new(None));

fn classes() -> PyResult<(Object, Object)> {
    if let Some(c) = CLASSES.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let make = |name: &str, base: Object| -> PyResult<Object> {
        let ns = new_dict();
        as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("binascii"))?;
        crate::types::instance::new_class(name, &[base], ns.as_ref())
    };
    let error = make("Error", crate::types::exceptions::VALUE_ERROR.0.as_object().to_owned())?;
    let incomplete =
        make("Incomplete", crate::types::exceptions::EXCEPTION.0.as_object().to_owned())?;
    let pair = (error, incomplete);
    CLASSES.with(|c| *c.borrow_mut() = Some(pair.clone()));
    Ok(pair)
}

/// The Python exception for a core error.
fn core_error(e: PyError) -> PyErr {
    let class = match e.kind {
        ErrorKind::BinasciiError => classes().map(|c| c.0),
        ErrorKind::BinasciiIncomplete => classes().map(|c| c.1),
        ErrorKind::TypeError => return PyErr::type_error(e.message),
        ErrorKind::OverflowError => return PyErr::overflow_error(e.message),
        ErrorKind::MemoryError => return PyErr::memory_error(),
        _ => return PyErr::value_error(e.message),
    };
    match class.and_then(|c| crate::ops::call(c.as_ref(), &[new_str(&e.message)], None)) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(err) => err,
    }
}

/// Binary data (a bytes-like object).
fn data_arg(o: &Object, fname: &str) -> PyResult<Vec<u8>> {
    match crate::builtins::bytesmethods::bytes_like(o.as_ref()) {
        Some(b) => Ok(b.into_owned()),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_().name()
        )))
        .map_err(|e: PyErr| {
            let _ = fname;
            e
        }),
    }
}

/// ASCII data: bytes-like, or a str of ASCII characters only.
fn ascii_arg(o: &Object) -> PyResult<Vec<u8>> {
    if let Some(s) = Str::new(o.as_ref()) {
        let text = s.to_string_lossy();
        return core::ascii_str_arg(&text).map(<[u8]>::to_vec).map_err(core_error);
    }
    match crate::builtins::bytesmethods::bytes_like(o.as_ref()) {
        Some(b) => Ok(b.into_owned()),
        None => Err(PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            o.type_().name()
        ))),
    }
}

fn truth(o: Option<&Object>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => crate::ops::is_true(v.as_ref()),
    }
}

fn ibig_arg(o: &Object) -> PyResult<IBig> {
    let v = match int_value(o.as_ref()) {
        Some(v) => v,
        None => match crate::ops::index_via_slot(o.as_ref())? {
            Some(i) => return ibig_arg(&i),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_().name()
                )));
            }
        },
    };
    Ok(match v {
        IntVal::Small(i) => IBig::from(i),
        IntVal::Big(b) => b.clone(),
    })
}

fn bytes_result(r: Result<Vec<u8>, PyError>) -> PyResult<Object> {
    r.map(|v| new_bytes(&v)).map_err(core_error)
}

type Fn3 = fn(Option<ObjectRef<'_>>, &[Object], Option<ObjectRef<'_>>) -> PyResult<Object>;

fn a2b_uu(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("a2b_uu")?;
    a.count("a2b_uu", 1, 1)?;
    bytes_result(core::a2b_uu(&ascii_arg(&a.pos[0])?))
}

fn b2a_uu(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let backtick = a.take_kw("backtick");
    a.no_kw("b2a_uu")?;
    a.count("b2a_uu", 1, 1)?;
    let data = data_arg(&a.pos[0], "b2a_uu")?;
    bytes_result(core::b2a_uu(&data, truth(backtick, false)?))
}

fn a2b_base64(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let strict = a.take_kw("strict_mode");
    a.no_kw("a2b_base64")?;
    a.count("a2b_base64", 1, 1)?;
    bytes_result(core::a2b_base64(&ascii_arg(&a.pos[0])?, truth(strict, false)?))
}

fn b2a_base64(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let newline = a.take_kw("newline");
    a.no_kw("b2a_base64")?;
    a.count("b2a_base64", 1, 1)?;
    let data = data_arg(&a.pos[0], "b2a_base64")?;
    Ok(new_bytes(&core::b2a_base64(&data, truth(newline, true)?)))
}

fn a2b_qp(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = Args::new(args, kw).bind("a2b_qp", &["data", "header"], 1)?;
    let data = ascii_arg(b[0].expect("required"))?;
    Ok(new_bytes(&core::a2b_qp(&data, truth(b[1], false)?)))
}

fn b2a_qp(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let b = Args::new(args, kw).bind("b2a_qp", &["data", "quotetabs", "istext", "header"], 1)?;
    let data = data_arg(b[0].expect("required"), "b2a_qp")?;
    Ok(new_bytes(&core::b2a_qp(
        &data,
        truth(b[1], false)?,
        truth(b[2], true)?,
        truth(b[3], false)?,
    )))
}

fn crc32(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("crc32")?;
    a.count("crc32", 1, 2)?;
    let data = data_arg(&a.pos[0], "crc32")?;
    let crc = match a.pos.get(1) {
        Some(c) => ibig_arg(c)?,
        None => IBig::ZERO,
    };
    Ok(new_int_i64(core::crc32(&data, &crc) as i64))
}

fn crc_hqx(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("crc_hqx")?;
    a.count("crc_hqx", 2, 2)?;
    let data = data_arg(&a.pos[0], "crc_hqx")?;
    Ok(new_int_i64(core::crc_hqx(&data, &ibig_arg(&a.pos[1])?) as i64))
}

fn hexlify_impl(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let b = Args::new(args, kw).bind(fname, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = data_arg(b[0].expect("required"), fname)?;
    let sep: Option<Vec<u32>> = match b[1] {
        None => None,
        Some(s) => match Str::new(s.as_ref()) {
            Some(t) => Some(t.data().iter().collect()),
            None => match crate::types::bytes::bytes_data(s.as_ref()) {
                Some(bs) => Some(bs.iter().map(|&c| c as u32).collect()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "sep must be str or bytes, not {}",
                        s.type_().name()
                    )));
                }
            },
        },
    };
    let per = match b[2] {
        Some(p) => ibig_arg(p)?,
        None => IBig::ONE,
    };
    bytes_result(core::hexlify(&data, sep.as_deref(), &per))
}

fn hexlify(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    hexlify_impl("hexlify", args, kw)
}

fn b2a_hex(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    hexlify_impl("b2a_hex", args, kw)
}

fn unhexlify_impl(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    bytes_result(core::unhexlify(&ascii_arg(&a.pos[0])?))
}

fn unhexlify(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    unhexlify_impl("unhexlify", args, kw)
}

fn a2b_hex(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    unhexlify_impl("a2b_hex", args, kw)
}

/// Makes the `binascii` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("binascii");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("Conversion between binary data and ASCII"))?;
    let (error, incomplete) = classes()?;
    d.set_str("Error", error)?;
    d.set_str("Incomplete", incomplete)?;
    let fns: &[(&'static str, Fn3)] = &[
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("hexlify", hexlify),
        ("b2a_hex", b2a_hex),
        ("unhexlify", unhexlify),
        ("a2b_hex", a2b_hex),
    ];
    for &(name, f) in fns {
        let f: NativeFn = f;
        d.set_str(name, new_bound_builtin(name, f, m.clone()))?;
    }
    Ok(m)
}
