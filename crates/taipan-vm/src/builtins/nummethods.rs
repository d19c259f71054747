//! Methods and attributes of `int`, `bool` and `float` (`bit_length`, `to_bytes`,
//! `from_bytes`, `is_integer`, `hex`, `as_integer_ratio`, `real`/`imag`, ...) and the set
//! methods the core set type does not provide.

use dashu_int::{IBig, UBig};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::float::{FLOAT_TYPE, float_value, new_float};
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::{INT_TYPE, int_value, new_int, new_int_i64};
use crate::types::set::{FROZENSET_TYPE, SET_TYPE, as_set, new_frozenset, new_set};
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::PyType;

fn reg(ty: &'static PyType, name: &'static str, f: NativeFn) {
    let _ = register_static_attr(ty, name, new_method_descriptor(ty, name, f));
}

pub(crate) fn register() {
    for (n, f) in [
        ("bit_length", int_bit_length as NativeFn),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("conjugate", int_conjugate),
        ("is_integer", int_is_integer),
        ("as_integer_ratio", int_as_integer_ratio),
    ] {
        reg(&INT_TYPE.0, n, f);
    }
    let fb = new_builtin_function("from_bytes", int_from_bytes);
    let _ = register_static_attr(
        &INT_TYPE.0,
        "from_bytes",
        crate::types::descriptors::new_classmethod(fb),
    );
    for (n, f) in [
        ("is_integer", float_is_integer as NativeFn),
        ("hex", float_hex),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_conjugate),
    ] {
        reg(&FLOAT_TYPE.0, n, f);
    }
    for (ty, n, f) in [
        (&INT_TYPE.0, "real", int_real as NativeFn),
        (&INT_TYPE.0, "numerator", int_real),
        (&INT_TYPE.0, "imag", num_zero),
        (&INT_TYPE.0, "denominator", int_one),
        (&FLOAT_TYPE.0, "real", float_real),
        (&FLOAT_TYPE.0, "imag", float_zero),
    ] {
        let getter = new_builtin_function(n, f);
        let _ = register_static_attr(ty, n, crate::types::descriptors::new_property(getter));
    }
    let slice_ty = &crate::types::slice::SLICE_TYPE.0;
    for (n, f) in [("start", slice_start as NativeFn), ("stop", slice_stop), ("step", slice_step)] {
        let getter = new_builtin_function(n, f);
        let _ = register_static_attr(slice_ty, n, crate::types::descriptors::new_property(getter));
    }
    reg(slice_ty, "indices", slice_indices);
    reg(slice_ty, "__reduce__", crate::types::slice::slice_reduce);
    let fh = new_builtin_function("fromhex", float_fromhex);
    let _ = register_static_attr(
        &FLOAT_TYPE.0,
        "fromhex",
        crate::types::descriptors::new_classmethod(fh),
    );
    for (n, f) in [
        ("issuperset", set_issuperset as NativeFn),
        ("isdisjoint", set_isdisjoint),
        ("symmetric_difference", set_symmetric_difference),
        ("copy", set_copy_any),
    ] {
        reg(&SET_TYPE.0, n, f);
        reg(&FROZENSET_TYPE.0, n, f);
    }
    for (n, f) in [
        ("difference_update", set_difference_update as NativeFn),
        ("intersection_update", set_intersection_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
    ] {
        reg(&SET_TYPE.0, n, f);
    }
}

fn me_int(s: Option<ObjectRef<'_>>) -> IBig {
    int_value(s.expect("self")).expect("int").to_ibig().into_owned()
}

fn magnitude_bytes(v: &IBig) -> Box<[u8]> {
    let m = if *v < IBig::ZERO { -v.clone() } else { v.clone() };
    UBig::try_from(m).map(|u| u.to_le_bytes()).unwrap_or_default()
}

/// The number of bits of `|v|`.
pub(crate) fn bit_length(v: &IBig) -> usize {
    let b = magnitude_bytes(v);
    match b.iter().rposition(|&x| x != 0) {
        Some(i) => i * 8 + (8 - b[i].leading_zeros() as usize),
        None => 0,
    }
}

fn int_bit_length(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("int", "bit_length", 0, 0)?;
    let b = magnitude_bytes(&me_int(s));
    let n = match b.iter().rposition(|&x| x != 0) {
        Some(i) => i * 8 + (8 - b[i].leading_zeros() as usize),
        None => 0,
    };
    Ok(new_int_i64(n as i64))
}

fn int_bit_count(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("int", "bit_count", 0, 0)?;
    let b = magnitude_bytes(&me_int(s));
    Ok(new_int_i64(b.iter().map(|x| x.count_ones() as i64).sum()))
}

fn int_conjugate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("int", "conjugate", 0, 0)?;
    Ok(new_int(me_int(s)))
}

fn int_is_integer(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("int", "is_integer", 0, 0)?;
    Ok(py_bool(true))
}

fn int_as_integer_ratio(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("int", "as_integer_ratio", 0, 0)?;
    Ok(new_tuple(vec![new_int(me_int(s)), new_int_i64(1)]))
}

fn byteorder_arg(o: Option<&Object>) -> PyResult<bool> {
    match o {
        None => Ok(true),
        Some(b) => match Str::new(b.as_ref()).and_then(|s| s.as_str()) {
            Some("big") => Ok(true),
            Some("little") => Ok(false),
            Some(_) => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
            None => Err(PyErr::type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                b.type_().name()
            ))),
        },
    }
}

fn int_to_bytes(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let length_kw = a.take_kw("length").cloned();
    let order_kw = a.take_kw("byteorder").cloned();
    let signed = match a.take_kw("signed") {
        Some(v) => ops::is_true(v.as_ref())?,
        None => false,
    };
    a.no_kw("to_bytes")?;
    let length = match a.pos.first().cloned().or(length_kw) {
        Some(l) => ops::index_value(l.as_ref())?
            .ok_or_else(|| PyErr::type_error("length must be an int"))?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big = byteorder_arg(a.pos.get(1).or(order_kw.as_ref()))?;
    let v = me_int(s);
    if v < IBig::ZERO && !signed {
        return Err(PyErr::overflow_error("can't convert negative int to unsigned"));
    }
    let bits = 8 * length as usize;
    let limit = IBig::ONE << bits;
    let (lo, hi) = if signed {
        let half = if bits == 0 { IBig::ZERO } else { IBig::ONE << (bits - 1) };
        (-half.clone(), half)
    } else {
        (IBig::ZERO, limit.clone())
    };
    if v < lo || v >= hi || (bits == 0 && v != IBig::ZERO) {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let m = if v < IBig::ZERO { v + limit } else { v };
    let mut bytes = UBig::try_from(m).map(|u| u.to_le_bytes().to_vec()).unwrap_or_default();
    bytes.resize(length as usize, 0);
    if big {
        bytes.reverse();
    }
    Ok(crate::types::bytes::new_bytes(&bytes))
}

fn int_from_bytes(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // Bound as a class method: args[0] is the class.
    let mut a = Args::new(args, kw);
    let bytes_kw = a.take_kw("bytes").cloned();
    let order_kw = a.take_kw("byteorder").cloned();
    let signed = match a.take_kw("signed") {
        Some(v) => ops::is_true(v.as_ref())?,
        None => false,
    };
    a.no_kw("from_bytes")?;
    let src = a.pos.get(1).cloned().or(bytes_kw).ok_or_else(|| {
        PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)")
    })?;
    let big = byteorder_arg(a.pos.get(2).or(order_kw.as_ref()))?;
    let mut data: Vec<u8> = match crate::types::bytes::bytes_data(src.as_ref()) {
        Some(b) => b.to_vec(),
        None => {
            let mut out = Vec::new();
            for v in iterate(src.as_ref())? {
                match ops::index_value(v.as_ref())? {
                    Some(b) if (0..256).contains(&b) => out.push(b as u8),
                    _ => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if big {
        data.reverse();
    }
    let mut v = IBig::from(UBig::from_le_bytes(&data));
    if signed && data.last().is_some_and(|&b| b & 0x80 != 0) {
        v -= IBig::ONE << (8 * data.len());
    }
    // A subclass (or bool) gets its own constructor's result, as CPython calls `cls(value)`.
    match a.pos.first() {
        Some(cls) if !cls.as_ref().is(INT_TYPE.0.as_object()) => {
            ops::call(cls.as_ref(), &[new_int(v)], None)
        }
        _ => Ok(new_int(v)),
    }
}

fn me_float(s: Option<ObjectRef<'_>>) -> f64 {
    float_value(s.expect("self")).expect("float")
}

fn float_is_integer(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("float", "is_integer", 0, 0)?;
    let x = me_float(s);
    Ok(py_bool(x.is_finite() && x.fract() == 0.0))
}

fn float_hex(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("float", "hex", 0, 0)?;
    Ok(new_str(&taipan_common::float_ops::float_hex(me_float(s))))
}

fn float_conjugate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("float", "conjugate", 0, 0)?;
    Ok(new_float(me_float(s)))
}

fn float_as_integer_ratio(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("float", "as_integer_ratio", 0, 0)?;
    let x = me_float(s);
    match taipan_common::float_ops::as_integer_ratio(x) {
        Ok((n, d)) => Ok(new_tuple(vec![new_int(n), new_int(d)])),
        Err(_) if x.is_nan() => Err(PyErr::value_error("cannot convert NaN to integer ratio")),
        Err(_) => Err(PyErr::overflow_error("cannot convert Infinity to integer ratio")),
    }
}

fn float_fromhex(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("fromhex", 2, 2)?;
    let t = Str::new(args[1].as_ref())
        .map(|s| s.to_string_lossy())
        .ok_or_else(|| PyErr::type_error("fromhex() argument must be str"))?;
    taipan_common::float_ops::float_fromhex(&t).map(new_float).map_err(|e| {
        use taipan_common::format_spec::ErrorKind;
        match e.kind() {
            ErrorKind::OverflowError => PyErr::overflow_error(e.message("float")),
            _ => PyErr::value_error(e.message("float")),
        }
    })
}

fn items(o: ObjectRef<'_>) -> PyResult<Object> {
    if as_set(o).is_some() {
        return Ok(o.to_owned());
    }
    new_set(iterate(o)?)
}

fn same_kind(me: ObjectRef<'_>, v: Vec<Object>) -> PyResult<Object> {
    if std::ptr::eq(me.type_(), &FROZENSET_TYPE.0) { new_frozenset(v) } else { new_set(v) }
}

fn set_issuperset(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("issuperset", 1, 1)?;
    let me = as_set(s.expect("self")).expect("set");
    for x in iterate(args[0].as_ref())? {
        if !me.contains(x.as_ref())? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn set_isdisjoint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("isdisjoint", 1, 1)?;
    let me = as_set(s.expect("self")).expect("set");
    for x in iterate(args[0].as_ref())? {
        if me.contains(x.as_ref())? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn sym_diff(me: ObjectRef<'_>, other: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    let o = items(other)?;
    let os = as_set(o.as_ref()).expect("set");
    let ms = as_set(me).expect("set");
    let mut out = Vec::new();
    for x in ms.to_vec() {
        if !os.contains(x.as_ref())? {
            out.push(x);
        }
    }
    for x in os.to_vec() {
        if !ms.contains(x.as_ref())? {
            out.push(x);
        }
    }
    Ok(out)
}

fn set_symmetric_difference(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("symmetric_difference", 1, 1)?;
    let me = s.expect("self");
    same_kind(me, sym_diff(me, args[0].as_ref())?)
}

fn set_copy_any(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method(
        if s.is_some_and(|o| o.type_().is_subtype(&crate::types::set::FROZENSET_TYPE.0)) {
            "frozenset"
        } else {
            "set"
        },
        "copy",
        0,
        0,
    )?;
    let me = s.expect("self");
    if std::ptr::eq(me.type_(), &FROZENSET_TYPE.0) {
        return Ok(me.to_owned());
    }
    new_set(as_set(me).expect("set").to_vec())
}

fn replace_contents(me: ObjectRef<'_>, v: Vec<Object>) -> PyResult<Object> {
    let ms = as_set(me).expect("set");
    ms.clear();
    for x in v {
        ms.add(x)?;
    }
    Ok(crate::types::singletons::none())
}

fn set_difference_update(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = s.expect("self");
    let ms = as_set(me).expect("set");
    for a in args {
        for x in iterate(a.as_ref())? {
            ms.discard(x.as_ref())?;
        }
    }
    Ok(crate::types::singletons::none())
}

fn set_intersection_update(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = s.expect("self");
    let mut keep = as_set(me).expect("set").to_vec();
    for a in args {
        let o = items(a.as_ref())?;
        let os = as_set(o.as_ref()).expect("set");
        let mut next = Vec::new();
        for x in keep {
            if os.contains(x.as_ref())? {
                next.push(x);
            }
        }
        keep = next;
    }
    replace_contents(me, keep)
}

fn set_symmetric_difference_update(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("symmetric_difference_update", 1, 1)?;
    let me = s.expect("self");
    let v = sym_diff(me, args[0].as_ref())?;
    replace_contents(me, v)
}

fn int_real(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let v = args
        .first()
        .and_then(|a| int_value(a.as_ref()))
        .ok_or_else(|| PyErr::type_error("int expected"))?;
    Ok(new_int(v.to_ibig().into_owned()))
}

fn num_zero(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(0))
}

fn int_one(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(1))
}

fn float_real(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let v = args
        .first()
        .and_then(|a| float_value(a.as_ref()))
        .ok_or_else(|| PyErr::type_error("float expected"))?;
    Ok(new_float(v))
}

fn float_zero(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_float(0.0))
}

fn slice_part(args: &[Object], which: u8) -> PyResult<Object> {
    let s = args
        .first()
        .and_then(|a| crate::types::slice::as_slice(a.as_ref()))
        .ok_or_else(|| PyErr::type_error("slice expected"))?;
    Ok(match which {
        0 => s.start.clone(),
        1 => s.stop.clone(),
        _ => s.step.clone(),
    })
}

fn slice_start(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    slice_part(args, 0)
}

fn slice_stop(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    slice_part(args, 1)
}

fn slice_step(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    slice_part(args, 2)
}

fn slice_indices(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("indices", 1, 1)?;
    let sl = crate::types::slice::as_slice(s.expect("self")).expect("slice");
    let n = ops::index_value(args[0].as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        ))
    })?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step, _) = sl.indices(n as usize)?;
    Ok(new_tuple(vec![
        new_int_i64(start as i64),
        new_int_i64(stop as i64),
        new_int_i64(step as i64),
    ]))
}
