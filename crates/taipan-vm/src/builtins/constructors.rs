//! Calling the built-in types: `int(x)`, `int(s, base)`, `float(x)`, `str(x)`, `bool(x)`,
//! `list(it)`, `tuple(it)`, `dict(...)`, `set(it)`, `frozenset(it)`, `range(...)`, `object()`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::{BOOL_TYPE, py_bool};
use crate::types::dict::{DICT_TYPE, DictPayload, as_dict, new_dict};
use crate::types::float::{FLOAT_TYPE, float_value, new_float};
use crate::types::int::{INT_TYPE, int_value, new_int, new_int_i64};
use crate::types::list::{LIST_TYPE, new_list};
use crate::types::object::OBJECT_TYPE;
use crate::types::range::{RANGE_TYPE, new_range, new_range_big};
use crate::types::set::{FROZENSET_TYPE, SET_TYPE, new_frozenset, new_set};
use crate::types::str::{STR_TYPE, Str};
use crate::types::tuple::{TUPLE_TYPE, new_tuple};
use crate::types::typeobject::{PyType, TYPE_TYPE};

pub(crate) fn register_all() {
    register_constructor(&INT_TYPE.0, int_new);
    register_constructor(&FLOAT_TYPE.0, float_new);
    register_constructor(&STR_TYPE.0, str_new);
    register_constructor(&BOOL_TYPE.0, bool_new);
    register_constructor(&LIST_TYPE.0, list_new);
    register_constructor(
        &crate::types::genericalias::GENERIC_ALIAS_TYPE.0,
        crate::types::genericalias::alias_ctor,
    );
    register_constructor(&TUPLE_TYPE.0, tuple_new);
    register_constructor(&DICT_TYPE.0, dict_new);
    register_constructor(&SET_TYPE.0, set_new);
    register_constructor(&FROZENSET_TYPE.0, frozenset_new);
    crate::types::set::register_subclassing();
    register_constructor(&RANGE_TYPE.0, range_new);
    register_constructor(&OBJECT_TYPE.0, object_new);
    register_constructor(&crate::types::bytes::BYTES_TYPE.0, bytes_new);
    register_constructor(&crate::types::singletons::NONE_TYPE.0, none_new);
    register_constructor(&crate::types::singletons::ELLIPSIS_TYPE.0, ellipsis_new);
    register_constructor(&crate::types::singletons::NOT_IMPLEMENTED_TYPE.0, not_implemented_new);
    register_constructor(&crate::types::slice::SLICE_TYPE.0, slice_new);
    register_constructor(&crate::types::module::MODULE_TYPE.0, crate::types::module::module_new);
    crate::eval::typecall::register_subclass_new(
        &crate::types::module::MODULE_TYPE.0,
        crate::types::module::new_blank,
    );
    register_constructor(
        &crate::types::bytearray::BYTEARRAY_TYPE.0,
        crate::types::bytearray::bytearray_new,
    );
    register_constructor(
        &crate::types::memoryview::MEMORYVIEW_TYPE.0,
        crate::types::memoryview::memoryview_new,
    );
    register_constructor(
        &crate::types::complex::COMPLEX_TYPE.0,
        crate::types::complex::complex_new,
    );
    let fromkeys = crate::types::function::new_builtin_function("fromkeys", dict_fromkeys);
    let cm = crate::types::descriptors::new_classmethod(fromkeys);
    let _ = crate::types::typelookup::register_static_attr(&DICT_TYPE.0, "fromkeys", cm);
}

pub(crate) fn fill(d: &DictPayload) {
    let types: [&'static PyType; 17] = [
        &INT_TYPE.0,
        &FLOAT_TYPE.0,
        &STR_TYPE.0,
        &BOOL_TYPE.0,
        &LIST_TYPE.0,
        &TUPLE_TYPE.0,
        &DICT_TYPE.0,
        &SET_TYPE.0,
        &FROZENSET_TYPE.0,
        &RANGE_TYPE.0,
        &OBJECT_TYPE.0,
        &TYPE_TYPE.0,
        &crate::types::bytes::BYTES_TYPE.0,
        &crate::types::slice::SLICE_TYPE.0,
        &crate::types::complex::COMPLEX_TYPE.0,
        &crate::types::bytearray::BYTEARRAY_TYPE.0,
        &crate::types::memoryview::MEMORYVIEW_TYPE.0,
    ];
    for t in types.into_iter().chain(crate::types::descriptors::register()) {
        let _ = d.set_str(t.name(), t.as_object().to_owned());
    }
}

fn int_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let base_kw = a.take_kw("base").cloned();
    a.no_kw("int")?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let Some(x) = a.pos.first() else {
        return Ok(new_int_i64(0));
    };
    let base = a.pos.get(1).cloned().or(base_kw);
    if let Some(b) = base {
        let b = ops::index_value(b.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                b.type_().name()
            ))
        })?;
        if let Some(s) = Str::new(x.as_ref()) {
            return parse_int_text(s, b as i32);
        }
        // bytes and bytearray (not other buffers) are parsed with a base too.
        let raw = crate::types::bytes::bytes_data(x.as_ref())
            .map(<[u8]>::to_vec)
            .or_else(|| crate::types::bytearray::bytearray_data(x.as_ref()));
        let Some(raw) = raw else {
            return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
        };
        let t = String::from_utf8_lossy(&raw).into_owned();
        let base = b as i32;
        return taipan_common::num_parse::parse_int(&t, base, crate::types::int::max_str_digits())
            .map(new_int)
            .map_err(|e| {
                PyErr::value_error(e.message(base, &taipan_common::repr::repr_bytes(&raw)))
            });
    }
    if std::ptr::eq(x.type_(), &INT_TYPE.0) {
        return Ok(x.clone());
    }
    if let Some(v) = int_value(x.as_ref()) {
        return Ok(new_int(v.to_ibig().into_owned()));
    }
    if let Some(s) = Str::new(x.as_ref()) {
        return parse_int_text(s, 10);
    }
    if let Some(b) = crate::builtins::bytesmethods::bytes_like(x.as_ref()) {
        let t = String::from_utf8_lossy(&b).into_owned();
        return taipan_common::num_parse::parse_int(&t, 10, crate::types::int::max_str_digits())
            .map(new_int)
            .map_err(|e| {
                PyErr::value_error(e.message(10, &ops::repr_string(x.as_ref()).unwrap_or_default()))
            });
    }
    if let Some(f) = x.type_().slots.nb_int.get() {
        return f(x.as_ref());
    }
    if let Some(f) = x.type_().slots.nb_index.get() {
        return f(x.as_ref());
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_().name()
    )))
}

fn parse_int_text(s: Str<'_>, base: i32) -> PyResult<Object> {
    if base == 10
        && let Some(v) = short_decimal(s)
    {
        return Ok(new_int_i64(v));
    }
    let t = s.to_string_lossy();
    taipan_common::num_parse::parse_int(&t, base, crate::types::int::max_str_digits())
        .map(new_int)
        .map_err(|e| {
            PyErr::value_error(e.message(base, &ops::repr_string(s.object()).unwrap_or_default()))
        })
}

/// The value of a str that is 1 to 18 ASCII digits after an optional sign (the usual
/// `int(text)`), without the general parser's copies; `None` for anything else (whitespace,
/// underscores, other digits, longer texts), which the general parser handles.
fn short_decimal(s: Str<'_>) -> Option<i64> {
    if !s.is_ascii() {
        return None;
    }
    let b = s.raw_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = digits.iter().fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0'));
    Some(if neg { -v } else { v })
}

fn float_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("float")?;
    a.count("float", 0, 1)?;
    let Some(x) = a.pos.first() else { return Ok(new_float(0.0)) };
    if std::ptr::eq(x.type_(), &FLOAT_TYPE.0) {
        return Ok(x.clone());
    }
    if let Some(f) = float_value(x.as_ref()) {
        return Ok(new_float(f));
    }
    if let Some(s) = Str::new(x.as_ref()) {
        let t = s.to_string_lossy();
        return taipan_common::num_parse::parse_float(&t).map(new_float).map_err(|_| {
            PyErr::value_error(taipan_common::num_parse::float_error_message(
                &ops::repr_string(x.as_ref()).unwrap_or_default(),
            ))
        });
    }
    if let Some(b) = crate::builtins::bytesmethods::bytes_like(x.as_ref()) {
        let t = String::from_utf8_lossy(&b).into_owned();
        return taipan_common::num_parse::parse_float(&t).map(new_float).map_err(|_| {
            PyErr::value_error(taipan_common::num_parse::float_error_message(
                &ops::repr_string(x.as_ref()).unwrap_or_default(),
            ))
        });
    }
    if let Some(f) = x.type_().slots.nb_float.get() {
        return f(x.as_ref());
    }
    if let Some(f) = x.type_().slots.nb_index.get() {
        let i = f(x.as_ref())?;
        return new_float_from_int(i.as_ref());
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.type_().name()
    )))
}

fn new_float_from_int(i: ObjectRef<'_>) -> PyResult<Object> {
    let v = int_value(i).ok_or_else(|| PyErr::type_error("__index__ returned non-int"))?;
    Ok(new_float(crate::types::int::int_to_f64(v)?))
}

fn str_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let obj_kw = a.take_kw("object");
    let enc_kw = a.take_kw("encoding");
    let err_kw = a.take_kw("errors");
    a.no_kw("str")?;
    // CPython's two wordings: positional arguments only, or with keywords (all counted).
    let nkw = kw.and_then(crate::types::tuple::tuple_items).map_or(0, <[Object]>::len);
    if nkw == 0 && args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "str expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    if args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    let x = a.pos.first().or(obj_kw);
    let enc = a.pos.get(1).or(enc_kw);
    let errors = a.pos.get(2).or(err_kw);
    let Some(x) = x else { return Ok(crate::types::str::new_str("")) };
    if enc.is_none() && errors.is_none() {
        return ops::str_(x.as_ref());
    }
    let text = |o: Option<&Object>, which: &str, default: &str| -> PyResult<String> {
        match o {
            None => Ok(default.to_string()),
            Some(o) => Str::new(o.as_ref()).map(|s| s.to_string_lossy()).ok_or_else(|| {
                PyErr::type_error(format!(
                    "str() argument '{which}' must be str, not {}",
                    o.type_().name()
                ))
            }),
        }
    };
    let enc = text(enc, "encoding", "utf-8")?;
    let errors = text(errors, "errors", "strict")?;
    match crate::builtins::bytesmethods::bytes_like(x.as_ref()) {
        Some(b) => crate::builtins::codecs::decode_to_str(&b, &enc, &errors),
        None if Str::new(x.as_ref()).is_some() => {
            Err(PyErr::type_error("decoding str is not supported"))
        }
        None => Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            x.type_().name()
        ))),
    }
}

fn bool_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("bool")?;
    a.count("bool", 0, 1)?;
    match a.pos.first() {
        None => Ok(py_bool(false)),
        Some(x) => Ok(py_bool(ops::is_true(x.as_ref())?)),
    }
}

fn list_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("list")?;
    a.count("list", 0, 1)?;
    match a.pos.first() {
        None => Ok(new_list(Vec::new())),
        Some(x) => Ok(new_list(iterate(x.as_ref())?)),
    }
}

fn tuple_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tuple")?;
    a.count("tuple", 0, 1)?;
    match a.pos.first() {
        None => Ok(new_tuple(Vec::new())),
        Some(x) if std::ptr::eq(x.type_(), &TUPLE_TYPE.0) => Ok(x.clone()),
        Some(x) => Ok(new_tuple(iterate(x.as_ref())?)),
    }
}

/// Fills `d` from a mapping or an iterable of pairs (`dict(x)`, `d.update(x)`).
pub(crate) fn dict_merge_from(d: ObjectRef<'_>, src: ObjectRef<'_>) -> PyResult<()> {
    if as_dict(src).is_some()
        || crate::attr::getattr(src, crate::types::str::intern("keys").as_ref()).is_ok()
    {
        return crate::eval::helpers::dict_update_plain(d, src);
    }
    let target = as_dict(d).expect("dict");
    for (i, item) in iterate(src)?.into_iter().enumerate() {
        // CPython 3.14 words this without the element's type or position.
        let pair = iterate(item.as_ref()).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR) {
                PyErr::type_error("object is not iterable")
            } else {
                e
            }
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().expect("key"), it.next().expect("value"));
        target.set_item(k, v)?;
    }
    Ok(())
}

fn dict_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let d = new_dict();
    if let Some(src) = a.pos.first() {
        dict_merge_from(d.as_ref(), src.as_ref())?;
    }
    for (k, v) in &a.kw {
        as_dict(d.as_ref()).expect("dict").set_str(k, (*v).clone())?;
    }
    Ok(d)
}

fn set_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("set")?;
    a.count("set", 0, 1)?;
    let s = new_set(Vec::new())?;
    if let Some(x) = a.pos.first() {
        crate::types::set::as_set(s.as_ref()).expect("set").update_from(x.as_ref())?;
    }
    Ok(s)
}

fn frozenset_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("frozenset")?;
    a.count("frozenset", 0, 1)?;
    let Some(x) = a.pos.first() else { return new_frozenset(Vec::new()) };
    if std::ptr::eq(x.type_(), &crate::types::set::FROZENSET_TYPE.0) {
        return Ok(x.clone());
    }
    let s = new_frozenset(Vec::new())?;
    crate::types::set::as_set(s.as_ref()).expect("set").update_from(x.as_ref())?;
    Ok(s)
}

/// A `range()` argument: an int, or an object with `__index__`.
fn range_arg(o: &Object) -> PyResult<dashu_int::IBig> {
    if let Some(v) = crate::types::int::int_value(o.as_ref()) {
        return Ok(v.to_ibig().into_owned());
    }
    match ops::index_via_slot(o.as_ref())? {
        Some(v) => {
            Ok(crate::types::int::int_value(v.as_ref()).expect("an int").to_ibig().into_owned())
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))),
    }
}

fn range_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("range")?;
    let small = |o: &Object| o.small_int();
    match a.pos {
        [stop] => match small(stop) {
            Some(stop) => new_range(0, stop, 1),
            None => new_range_big(dashu_int::IBig::ZERO, range_arg(stop)?, dashu_int::IBig::ONE),
        },
        [start, stop] => match (small(start), small(stop)) {
            (Some(start), Some(stop)) => new_range(start, stop, 1),
            _ => new_range_big(range_arg(start)?, range_arg(stop)?, dashu_int::IBig::ONE),
        },
        [start, stop, step] => match (small(start), small(stop), small(step)) {
            (Some(start), Some(stop), Some(step)) => new_range(start, stop, step),
            _ => new_range_big(range_arg(start)?, range_arg(stop)?, range_arg(step)?),
        },
        [] => Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.pos.len()
        ))),
    }
}

fn object_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    if !a.pos.is_empty() || !a.kw.is_empty() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    crate::types::instance::new_plain_object()
}

pub(crate) fn bytes_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let enc = a.take_kw("encoding").cloned();
    let errors = a.take_kw("errors").cloned();
    a.no_kw("bytes")?;
    a.count("bytes", 0, 3)?;
    let enc = a.pos.get(1).cloned().or(enc);
    let errors = a.pos.get(2).cloned().or(errors);
    let x = a.pos.first();
    let is_str = x.is_some_and(|x| Str::new(x.as_ref()).is_some());
    if !is_str && enc.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if !is_str && errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    let Some(x) = x else { return Ok(crate::types::bytes::new_bytes(&[])) };
    if std::ptr::eq(x.type_(), &crate::types::bytes::BYTES_TYPE.0) {
        return Ok(x.clone());
    }
    // `__bytes__` first (a subclass of bytes has one: an exact copy).
    if let Some(r) = crate::types::instance::call_dunder(x.as_ref(), "__bytes__", &[])? {
        if crate::types::bytes::bytes_data(r.as_ref()).is_none() {
            return Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                r.type_().name()
            )));
        }
        return Ok(r);
    }
    if let Some(s) = Str::new(x.as_ref()) {
        let Some(enc) = enc else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let enc = crate::types::str::str_to_string(enc.as_ref()).unwrap_or_default();
        let errors = errors
            .and_then(|e| crate::types::str::str_to_string(e.as_ref()))
            .unwrap_or_else(|| "strict".into());
        return Ok(crate::types::bytes::new_bytes(&crate::builtins::codecs::encode_str(
            s, &enc, &errors,
        )?));
    }
    if crate::types::bytes::bytes_data(x.as_ref()).is_some() {
        return Ok(x.clone());
    }
    if crate::types::int::int_value(x.as_ref()).is_some() {
        let n = ops::index_value(x.as_ref())?.unwrap_or(0);
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        let mut zeros: Vec<u8> = Vec::new();
        zeros.try_reserve_exact(n as usize).map_err(|_| PyErr::memory_error())?;
        zeros.resize(n as usize, 0);
        return Ok(crate::types::bytes::new_bytes(&zeros));
    }
    // Any other exporter of a buffer (bytearray, memoryview, a class with `__buffer__`): its
    // bytes, not its items.
    if let Some(b) = crate::builtins::bytesmethods::bytes_like(x.as_ref()) {
        return Ok(crate::types::bytes::new_bytes(&b));
    }
    let mut out = Vec::new();
    for v in iterate(x.as_ref()).map_err(|_| {
        PyErr::type_error(format!("cannot convert '{}' object to bytes", x.type_().name()))
    })? {
        match ops::index_value(v.as_ref())? {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_().name()
                )));
            }
        }
    }
    Ok(crate::types::bytes::new_bytes(&out))
}

fn slice_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("slice")?;
    let none = crate::types::singletons::none;
    Ok(match a.pos {
        [stop] => crate::types::slice::new_slice(none(), stop.clone(), none()),
        [start, stop] => crate::types::slice::new_slice(start.clone(), stop.clone(), none()),
        [start, stop, step] => {
            crate::types::slice::new_slice(start.clone(), stop.clone(), step.clone())
        }
        [] => return Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        _ => {
            return Err(PyErr::type_error(format!(
                "slice expected at most 3 arguments, got {}",
                a.pos.len()
            )));
        }
    })
}

/// `dict.fromkeys(iterable, value=None)` (a class method).
fn dict_fromkeys(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("fromkeys")?;
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "fromkeys expected at least 1 argument, got {}",
            a.pos.len().saturating_sub(1)
        )));
    }
    // `cls()`, filled through its `__setitem__` unless it is an exact dict.
    let cls = a.pos[0].as_ref();
    let d = if cls.is(DICT_TYPE.0.as_object()) { new_dict() } else { ops::call(cls, &[], None)? };
    let exact = std::ptr::eq(d.type_(), &DICT_TYPE.0);
    let v = a.pos.get(2).cloned().unwrap_or_else(crate::types::singletons::none);
    for k in iterate(a.pos[1].as_ref())? {
        if exact {
            as_dict(d.as_ref()).expect("dict").set_item(k, v.clone())?;
        } else {
            ops::setitem(d.as_ref(), k.as_ref(), Some(v.as_ref()))?;
        }
    }
    Ok(d)
}

fn no_args(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    if !args.is_empty() || kw.is_some() {
        return Err(PyErr::type_error(format!("{name} takes no arguments")));
    }
    Ok(())
}

fn none_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("NoneType", args, kw)?;
    Ok(crate::types::singletons::none())
}

fn ellipsis_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("ellipsis", args, kw)?;
    Ok(crate::types::singletons::ELLIPSIS.object())
}

fn not_implemented_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("NotImplementedType", args, kw)?;
    Ok(crate::types::singletons::not_implemented())
}

/// `dict.__init__(self, [src], **kw)` (the `init` slot, reached through `super().__init__` in
/// a subclass with its own `__init__`): merges into the dict without clearing it.
pub(crate) fn dict_init(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let a = Args::new(args, kw);
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    if let Some(src) = a.pos.first() {
        dict_merge_from(o, src.as_ref())?;
    }
    let d = as_dict(o).expect("dict");
    for (k, v) in &a.kw {
        d.set_str(k, (*v).clone())?;
    }
    Ok(())
}

/// `list.__init__(self, [iterable])` (the `init` slot): empties the list, then extends it.
pub(crate) fn list_init(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("list")?;
    a.count("list", 0, 1)?;
    let l = crate::types::list::as_list(o).expect("list");
    l.clear();
    if let Some(src) = a.pos.first() {
        let items = iterate(src.as_ref())?;
        l.extend(items);
    }
    Ok(())
}
