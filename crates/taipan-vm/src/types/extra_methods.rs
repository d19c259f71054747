//! Native methods the built-in types' attribute surface lists that their own modules do not
//! register: `bytes.__bytes__`, `float.from_number` / `float.__getformat__`,
//! `BaseException.__reduce__` / `__setstate__`, `Ellipsis`/`NotImplemented.__reduce__`,
//! `GenericAlias`'s methods (implemented in `genericalias`), `bytearray.resize` and
//! `memoryview.count` / `index`. `surface::complete` looks here before the catch-alls of
//! `typeattrs` and the NotImplementedError placeholder.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::function::NativeFn;
use crate::types::singletons::none;
use crate::types::typeobject::{PyType, as_type};

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    s.expect("method called with self")
}

/// A native method for `ty.name` implemented here.
pub(crate) fn native_method(ty: &PyType, name: &str) -> Option<NativeFn> {
    use crate::types::*;
    let is = |t: &PyType| std::ptr::eq(ty, t);
    Some(match name {
        "__bytes__" if is(&bytes::BYTES_TYPE.0) => bytes_bytes,
        "__setstate__" if is(&exceptions::BASE_EXCEPTION.0) => exc_setstate,
        "__reduce__" if is(&exceptions::BASE_EXCEPTION.0) => exc_reduce,
        "__mro_entries__" if is(&genericalias::GENERIC_ALIAS_TYPE.0) => {
            genericalias::ga_mro_entries
        }
        "__instancecheck__" if is(&genericalias::GENERIC_ALIAS_TYPE.0) => {
            genericalias::ga_instancecheck
        }
        "__subclasscheck__" if is(&genericalias::GENERIC_ALIAS_TYPE.0) => {
            genericalias::ga_subclasscheck
        }
        "__reduce__" if is(&genericalias::GENERIC_ALIAS_TYPE.0) => genericalias::ga_reduce,
        "__dir__" if is(&genericalias::GENERIC_ALIAS_TYPE.0) => genericalias::ga_dir,
        "__reduce__"
            if is(&singletons::ELLIPSIS_TYPE.0) || is(&singletons::NOT_IMPLEMENTED_TYPE.0) =>
        {
            singleton_reduce
        }
        "resize" if is(&bytearray::BYTEARRAY_TYPE.0) => bytearray::resize,
        "count" if is(&memoryview::MEMORYVIEW_TYPE.0) => mv_count,
        "index" if is(&memoryview::MEMORYVIEW_TYPE.0) => mv_index,
        _ => return None,
    })
}

/// `Ellipsis.__reduce__()` / `NotImplemented.__reduce__()`: the singleton's name, which
/// pickle saves as a reference to the builtin.
fn singleton_reduce(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__reduce__", 0, 0)?;
    let name = if this(s).is(crate::types::singletons::ELLIPSIS.as_ref()) {
        "Ellipsis"
    } else {
        "NotImplemented"
    };
    Ok(crate::types::str::new_str(name))
}

/// A native class method for `ty.name` implemented here.
pub(crate) fn native_classmethod(ty: &PyType, name: &str) -> Option<NativeFn> {
    if !std::ptr::eq(ty, &crate::types::float::FLOAT_TYPE.0) {
        return None;
    }
    Some(match name {
        "from_number" => float_from_number,
        "__getformat__" => float_getformat,
        _ => return None,
    })
}

/// `bytes.__bytes__()`: the object itself for an exact bytes, else a plain copy.
fn bytes_bytes(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = this(s);
    let args = Args::new(a, k);
    args.no_kw_at_all("bytes.__bytes__")?;
    args.count("bytes.__bytes__", 0, 0)?;
    if std::ptr::eq(s.type_(), &crate::types::bytes::BYTES_TYPE.0) {
        return Ok(s.to_owned());
    }
    let data = crate::types::bytes::bytes_data(s).expect("bytes");
    Ok(crate::types::bytes::new_bytes(data))
}

/// `float.from_number(x)`: a real number (not a string) converted to float, then to `cls`.
fn float_from_number(
    cls: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = this(cls);
    let args = Args::new(a, k);
    args.no_kw_at_all("float.from_number")?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!(
            "float.from_number() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let n = a[0].as_ref();
    let is_text = crate::types::str::Str::new(n).is_some()
        || crate::types::bytes::bytes_data(n).is_some()
        || crate::types::bytearray::is_bytearray(n);
    let v = if is_text { None } else { crate::types::complex::to_float(n)? };
    let Some(v) = v else {
        return Err(PyErr::type_error(format!("must be real number, not {}", n.type_().name())));
    };
    let f = crate::types::float::new_float(v);
    if std::ptr::eq(
        as_type(cls).map_or(std::ptr::null(), |t| t as *const PyType),
        &crate::types::float::FLOAT_TYPE.0 as *const PyType,
    ) {
        return Ok(f);
    }
    crate::ops::call(cls, &[f], None)
}

/// `float.__getformat__(typestr)`: the platform's float layout (IEEE, little-endian).
fn float_getformat(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = Args::new(a, k);
    args.no_kw_at_all("float.__getformat__")?;
    args.count("float.__getformat__", 1, 1)?;
    let Some(s) = crate::types::str::Str::new(a[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            a[0].type_().name()
        )));
    };
    match s.as_str() {
        Some("double" | "float") => Ok(crate::types::str::new_str("IEEE, little-endian")),
        _ => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

/// `BaseException.__reduce__()`: `(type(self), self.args)`, plus the instance dict when it
/// holds anything (pickle and copy rebuild the exception from these).
fn exc_reduce(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = this(s);
    Args::new(a, k).check_method("BaseException", "__reduce__", 0, 0)?;
    let p = s
        .payload::<crate::types::exceptions::ExcPayload>()
        .ok_or_else(|| PyErr::type_error("__reduce__ needs an exception"))?;
    let mut parts = vec![s.type_().as_object().to_owned(), p.args()];
    let dict = p.dict.borrow().clone();
    if let Some(d) = dict
        && crate::types::dict::as_dict(d.as_ref()).is_some_and(|d| d.len() > 0)
    {
        parts.push(d);
    }
    Ok(crate::types::tuple::new_tuple(parts))
}

/// `BaseException.__setstate__(state)`: sets each `name: value` of a dict (or nothing for
/// `None`) as an attribute.
fn exc_setstate(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = this(s);
    let args = Args::new(a, k);
    args.no_kw_at_all("BaseException.__setstate__")?;
    args.count("BaseException.__setstate__", 1, 1)?;
    let state = a[0].as_ref();
    if crate::types::singletons::is_none(state) {
        return Ok(none());
    }
    let Some(d) = crate::types::dict::as_dict(state) else {
        return Err(PyErr::type_error("state is not a dictionary"));
    };
    for (key, value) in d.items() {
        crate::attr::setattr(s, key.as_ref(), Some(value.as_ref()))?;
    }
    Ok(none())
}

/// `alias.__mro_entries__(bases)`: `(origin,)`.
/// The items of a one-dimensional memoryview (CPython's errors for the others).
fn mv_items(m: ObjectRef<'_>, multi_msg: &str) -> PyResult<Vec<Object>> {
    let ndim = crate::types::instance::call_method(
        m,
        "__getattribute__",
        &[crate::types::str::new_str("ndim")],
    )?;
    let list = crate::types::instance::call_method(m, "tolist", &[])?;
    match crate::types::int::int_value(ndim.as_ref()) {
        Some(crate::types::int::IntVal::Small(0)) => {
            Err(PyErr::type_error("invalid lookup on 0-dim memory"))
        }
        Some(crate::types::int::IntVal::Small(1)) => {
            Ok(crate::ops::sequence_to_vec(list.as_ref())?)
        }
        _ => Err(PyErr::new(&crate::types::exceptions::NOT_IMPLEMENTED_ERROR, multi_msg)),
    }
}

fn mv_count(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let args = Args::new(a, k);
    args.no_kw_at_all("memoryview.count")?;
    args.count("memoryview.count", 1, 1)?;
    let items = mv_items(this(s), "multi-dimensional sub-views are not implemented")?;
    let mut n = 0i64;
    for x in &items {
        if x.is(&a[0])
            || crate::ops::rich_compare_bool(
                x.as_ref(),
                a[0].as_ref(),
                crate::types::typeobject::CompareOp::Eq,
            )?
        {
            n += 1;
        }
    }
    Ok(crate::types::int::new_int_i64(n))
}

/// A slice bound given to `index`: an int or an object with `__index__`, clamped.
fn bound(o: ObjectRef<'_>) -> PyResult<isize> {
    crate::ops::index_value_clamped(o)?.ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or have an __index__ method")
    })
}

fn mv_index(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let args = Args::new(a, k);
    args.no_kw_at_all("index")?;
    args.count("index", 1, 3)?;
    let start = a.get(1).map(|o| bound(o.as_ref())).transpose()?.unwrap_or(0);
    let stop = a.get(2).map(|o| bound(o.as_ref())).transpose()?.unwrap_or(isize::MAX);
    let items = mv_items(this(s), "multi-dimensional lookup is not implemented")?;
    let len = items.len() as isize;
    let fix = |i: isize| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let (start, stop) = (fix(start), fix(stop));
    for i in start..stop.max(start) {
        let x = &items[i as usize];
        if x.is(&a[0])
            || crate::ops::rich_compare_bool(
                x.as_ref(),
                a[0].as_ref(),
                crate::types::typeobject::CompareOp::Eq,
            )?
        {
            return Ok(crate::types::int::new_int_i64(i as i64));
        }
    }
    Err(PyErr::value_error("memoryview.index(x): x not found"))
}
