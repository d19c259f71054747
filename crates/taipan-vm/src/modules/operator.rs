//! The `_operator` module: the standard operators as functions (`add`, `lt`, `getitem`,
//! `iadd`, `length_hint`, ...) and the `itemgetter`, `attrgetter` and `methodcaller` callables,
//! which `operator.py` re-exports (its pure-Python definitions are the fallback).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops::{self, BinOp, UnaryOp};
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::is_none;
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{
    CallFn, CompareOp, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

fn args_n<'a>(
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'_>>,
    n: usize,
) -> PyResult<&'a [Object]> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "{name} expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(args)
}

macro_rules! binary {
    ($fname:ident, $name:literal, $op:expr, $inplace:expr) => {
        fn $fname(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let a = args_n($name, args, kw, 2)?;
            crate::eval::helpers::binary_op(a[0].as_ref(), a[1].as_ref(), $op, $inplace)
        }
    };
}

binary!(add, "add", BinOp::Add, false);
binary!(sub, "sub", BinOp::Sub, false);
binary!(mul, "mul", BinOp::Mul, false);
binary!(truediv, "truediv", BinOp::TrueDiv, false);
binary!(floordiv, "floordiv", BinOp::FloorDiv, false);
binary!(mod_, "mod", BinOp::Mod, false);
binary!(lshift, "lshift", BinOp::LShift, false);
binary!(rshift, "rshift", BinOp::RShift, false);
binary!(and_, "and_", BinOp::And, false);
binary!(or_, "or_", BinOp::Or, false);
binary!(xor, "xor", BinOp::Xor, false);
binary!(iadd, "iadd", BinOp::Add, true);
binary!(isub, "isub", BinOp::Sub, true);
binary!(imul, "imul", BinOp::Mul, true);
binary!(itruediv, "itruediv", BinOp::TrueDiv, true);
binary!(ifloordiv, "ifloordiv", BinOp::FloorDiv, true);
binary!(imod, "imod", BinOp::Mod, true);
binary!(ilshift, "ilshift", BinOp::LShift, true);
binary!(irshift, "irshift", BinOp::RShift, true);
binary!(iand, "iand", BinOp::And, true);
binary!(ior, "ior", BinOp::Or, true);
binary!(ixor, "ixor", BinOp::Xor, true);
binary!(ipow, "ipow", BinOp::Pow, true);

fn pow(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = args_n("pow", args, kw, 2)?;
    ops::power(a[0].as_ref(), a[1].as_ref(), None)
}

fn matmul_impl(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    inplace: bool,
) -> PyResult<Object> {
    let a = args_n(name, args, kw, 2)?;
    let (x, y) = (a[0].as_ref(), a[1].as_ref());
    if inplace
        && let Some(r) = crate::types::instance::call_dunder(x, "__imatmul__", &[a[1].clone()])?
    {
        if !crate::types::singletons::is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if let Some(r) = crate::types::instance::call_dunder(x, "__matmul__", &[a[1].clone()])?
        && !crate::types::singletons::is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    if let Some(r) = crate::types::instance::call_dunder(y, "__rmatmul__", &[a[0].clone()])?
        && !crate::types::singletons::is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        if inplace { "@=" } else { "@" },
        x.type_().name(),
        y.type_().name()
    )))
}

fn matmul(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    matmul_impl("matmul", args, kw, false)
}

fn imatmul(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    matmul_impl("imatmul", args, kw, true)
}

macro_rules! compare {
    ($fname:ident, $name:literal, $op:expr) => {
        fn $fname(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let a = args_n($name, args, kw, 2)?;
            ops::rich_compare(a[0].as_ref(), a[1].as_ref(), $op)
        }
    };
}

compare!(lt, "lt", CompareOp::Lt);
compare!(le, "le", CompareOp::Le);
compare!(eq, "eq", CompareOp::Eq);
compare!(ne, "ne", CompareOp::Ne);
compare!(gt, "gt", CompareOp::Gt);
compare!(ge, "ge", CompareOp::Ge);

macro_rules! unary {
    ($fname:ident, $name:literal, $op:expr) => {
        fn $fname(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            let a = args_n($name, args, kw, 1)?;
            ops::unary_op(a[0].as_ref(), $op)
        }
    };
}

unary!(neg, "neg", UnaryOp::Neg);
unary!(pos, "pos", UnaryOp::Pos);
unary!(invert, "invert", UnaryOp::Invert);
unary!(inv, "inv", UnaryOp::Invert);
unary!(abs, "abs", UnaryOp::Abs);

fn not_(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = args_n("not_", args, kw, 1)?;
    Ok(py_bool(!ops::is_true(a[0].as_ref())?))
}

fn truth(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = args_n("truth", args, kw, 1)?;
    Ok(py_bool(ops::is_true(a[0].as_ref())?))
}

fn is_(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = args_n("is_", args, kw, 2)?;
    Ok(py_bool(a[0].as_ref().is(a[1].as_ref())))
}

fn is_not(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("is_not", args, kw, 2)?;
    Ok(py_bool(!a[0].as_ref().is(a[1].as_ref())))
}

fn is_none_(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("is_none", args, kw, 1)?;
    Ok(py_bool(is_none(a[0].as_ref())))
}

fn is_not_none(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("is_not_none", args, kw, 1)?;
    Ok(py_bool(!is_none(a[0].as_ref())))
}

fn index(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = args_n("index", args, kw, 1)?;
    let o = a[0].as_ref();
    if let Some(v) = crate::types::int::int_value(o) {
        // An int subclass (bool included) gives the plain int of its value.
        if std::ptr::eq(o.type_(), &crate::types::int::INT_TYPE.0) {
            return Ok(a[0].clone());
        }
        return Ok(crate::types::int::new_int(v.to_ibig().into_owned()));
    }
    match ops::index_via_slot(o)? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))),
    }
}

fn concat_impl(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    inplace: bool,
) -> PyResult<Object> {
    let a = args_n(name, args, kw, 2)?;
    let seq = |o: ObjectRef<'_>| {
        Str::new(o).is_some()
            || crate::types::list::as_list(o).is_some()
            || crate::types::tuple::tuple_items(o).is_some()
            || crate::types::bytes::bytes_data(o).is_some()
            || (o.type_().has_flag(TypeFlags::HEAPTYPE)
                && crate::types::typelookup::type_lookup(o.type_(), intern("__getitem__").as_ref())
                    .ok()
                    .flatten()
                    .is_some())
    };
    if !seq(a[0].as_ref()) {
        return Err(PyErr::type_error(format!(
            "'{}' object can't be concatenated",
            a[0].type_().name()
        )));
    }
    crate::eval::helpers::binary_op(a[0].as_ref(), a[1].as_ref(), BinOp::Add, inplace)
}

fn concat(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    concat_impl("concat", args, kw, false)
}

fn iconcat(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    concat_impl("iconcat", args, kw, true)
}

fn contains(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("contains", args, kw, 2)?;
    Ok(py_bool(ops::contains(a[0].as_ref(), a[1].as_ref())?))
}

fn count_of(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("countOf", args, kw, 2)?;
    let mut n = 0;
    for v in crate::eval::helpers::iterate(a[0].as_ref())? {
        if v.as_ref().is(a[1].as_ref())
            || ops::rich_compare_bool(v.as_ref(), a[1].as_ref(), CompareOp::Eq)?
        {
            n += 1;
        }
    }
    Ok(new_int_i64(n))
}

fn index_of(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("indexOf", args, kw, 2)?;
    for (i, v) in crate::eval::helpers::iterate(a[0].as_ref())?.into_iter().enumerate() {
        if v.as_ref().is(a[1].as_ref())
            || ops::rich_compare_bool(v.as_ref(), a[1].as_ref(), CompareOp::Eq)?
        {
            return Ok(new_int_i64(i as i64));
        }
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn getitem(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("getitem", args, kw, 2)?;
    ops::getitem(a[0].as_ref(), a[1].as_ref())
}

fn setitem(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("setitem", args, kw, 3)?;
    ops::setitem(a[0].as_ref(), a[1].as_ref(), Some(a[2].as_ref()))?;
    Ok(crate::types::singletons::none())
}

fn delitem(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("delitem", args, kw, 2)?;
    ops::setitem(a[0].as_ref(), a[1].as_ref(), None)?;
    Ok(crate::types::singletons::none())
}

fn length_hint(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("length_hint")?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "length_hint expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let default = match args.get(1) {
        None => 0,
        Some(d) => ops::index_value(d.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                d.type_().name()
            ))
        })?,
    };
    match ops::len(args[0].as_ref()) {
        Ok(n) => return Ok(new_int_i64(n as i64)),
        Err(e) if e.matches(&crate::types::exceptions::TYPE_ERROR) => {}
        Err(e) => return Err(e),
    }
    match crate::types::instance::call_dunder(args[0].as_ref(), "__length_hint__", &[])? {
        None => Ok(new_int_i64(default as i64)),
        Some(v) if crate::types::singletons::is_not_implemented(v.as_ref()) => {
            Ok(new_int_i64(default as i64))
        }
        Some(v) => {
            let Some(n) = crate::types::int::int_value(v.as_ref()) else {
                return Err(PyErr::type_error(format!(
                    "__length_hint__ must be an integer, not {}",
                    v.type_().name()
                )));
            };
            let n: i64 = n.to_ibig().as_ref().try_into().unwrap_or(-1);
            if n < 0 {
                return Err(PyErr::value_error("__length_hint__() should return >= 0"));
            }
            Ok(v)
        }
    }
}

fn call(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    if args.is_empty()
        || args.len() == kw.and_then(crate::types::tuple::tuple_items).map_or(0, <[Object]>::len)
    {
        return Err(PyErr::type_error("call() missing 1 required positional argument: 'obj'"));
    }
    ops::call(args[0].as_ref(), &args[1..], kw)
}

fn compare_digest(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = args_n("_compare_digest", args, kw, 2)?;
    let (x, y) = (a[0].as_ref(), a[1].as_ref());
    if let (Some(s), Some(t)) = (Str::new(x), Str::new(y)) {
        if !s.is_ascii() || !t.is_ascii() {
            return Err(PyErr::type_error(
                "comparing strings with non-ASCII characters is not supported",
            ));
        }
        return Ok(py_bool(s.content_eq(t)));
    }
    match (crate::types::bytes::bytes_data(x), crate::types::bytes::bytes_data(y)) {
        (Some(p), Some(q)) => Ok(py_bool(p == q)),
        _ => Err(PyErr::type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            x.type_().name(),
            y.type_().name()
        ))),
    }
}

// ---- itemgetter, attrgetter, methodcaller ------------------------------------------------------

type GetterFn = Box<dyn Fn(&[Object], Option<ObjectRef<'_>>) -> PyResult<Object>>;

/// The payload of the three callable types: what a call does and the repr.
pub struct GetterPayload {
    call: GetterFn,
    repr: String,
    /// What `__reduce__` answers: the callable that re-makes the object (`None`: its type) and
    /// the arguments.
    reduce: (Option<Object>, Object),
}

// SAFETY: objects of the three getter types are made only by `new_getter` with this payload.
unsafe impl PyPayload for GetterPayload {
    fn type_object() -> &'static PyType {
        &GETTER_BASE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead getter.
unsafe fn getter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: the getter types carry a `GetterPayload`.
    unsafe { dealloc_payload::<GetterPayload>(obj) }
}

fn getter_call(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = o.payload::<GetterPayload>().expect("getter");
    (p.call)(args, kw)
}

fn getter_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<GetterPayload>().expect("getter");
    Ok(new_str(&p.repr))
}

macro_rules! getter_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<GetterPayload>(),
            0,
            TypeFlags(0),
            $tag,
            getter_dealloc,
            None,
            Slots {
                call: slot(getter_call as CallFn),
                repr: slot(getter_repr as UnaryFn),
                ..crate::types::object::object_slots()
            },
        ));
    };
}

// A hidden common base, so that one payload check covers the three (as the native iterators).
getter_type!(GETTER_BASE, "operator._getter", &crate::types::object::OBJECT_TYPE.0, 1043);
getter_type!(ITEMGETTER_TYPE, "operator.itemgetter", &GETTER_BASE.0, 1040);
getter_type!(ATTRGETTER_TYPE, "operator.attrgetter", &GETTER_BASE.0, 1041);
getter_type!(METHODCALLER_TYPE, "operator.methodcaller", &GETTER_BASE.0, 1042);

fn new_getter(
    ty: &'static StaticType,
    repr: String,
    call: GetterFn,
    reduce: (Option<Object>, Object),
) -> Object {
    new_object(&ty.0, GetterPayload { call, repr, reduce })
}

/// `itemgetter/attrgetter/methodcaller.__reduce__()`: the type (or, for a methodcaller with
/// keyword arguments, `functools.partial(methodcaller, name, **kwargs)`) and its arguments.
fn getter_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = s.expect("self");
    let short = o.type_().name().trim_start_matches("operator.");
    Args::new(args, kw).check_method(short, "__reduce__", 0, 0)?;
    let p = o.payload::<GetterPayload>().expect("getter");
    let f = p.reduce.0.clone().unwrap_or_else(|| o.type_().as_object().to_owned());
    Ok(new_tuple(vec![f, p.reduce.1.clone()]))
}

fn one_arg<'a>(name: &str, args: &'a [Object], kw: Option<ObjectRef<'_>>) -> PyResult<&'a Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", args.len())));
    }
    Ok(&args[0])
}

fn repr_list(items: &[Object]) -> PyResult<String> {
    let mut parts = Vec::new();
    for i in items {
        parts.push(ops::repr_string(i.as_ref())?);
    }
    Ok(parts.join(", "))
}

pub(crate) fn itemgetter_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("itemgetter")?;
    if args.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    let items = args.to_vec();
    let repr = format!("operator.itemgetter({})", repr_list(&items)?);
    let reduce = (None, new_tuple(items.clone()));
    Ok(new_getter(
        &ITEMGETTER_TYPE,
        repr,
        Box::new(move |args, kw| {
            let obj = one_arg("itemgetter", args, kw)?;
            if items.len() == 1 {
                return ops::getitem(obj.as_ref(), items[0].as_ref());
            }
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(ops::getitem(obj.as_ref(), i.as_ref())?);
            }
            Ok(new_tuple(out))
        }),
        reduce,
    ))
}

fn dotted_getattr(obj: &Object, path: &[Object]) -> PyResult<Object> {
    let mut cur = obj.clone();
    for name in path {
        cur = crate::attr::getattr(cur.as_ref(), name.as_ref())?;
    }
    Ok(cur)
}

fn attrgetter_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("attrgetter")?;
    if args.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths: Vec<Vec<Object>> = Vec::new();
    for n in args {
        let Some(s) = Str::new(n.as_ref()) else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        let text = s.to_string_lossy();
        paths.push(text.split('.').map(intern).collect());
    }
    let repr = format!("operator.attrgetter({})", repr_list(args)?);
    let reduce = (None, new_tuple(args.to_vec()));
    Ok(new_getter(
        &ATTRGETTER_TYPE,
        repr,
        Box::new(move |args, kw| {
            let obj = one_arg("attrgetter", args, kw)?;
            if paths.len() == 1 {
                return dotted_getattr(obj, &paths[0]);
            }
            let mut out = Vec::with_capacity(paths.len());
            for p in &paths {
                out.push(dotted_getattr(obj, p)?);
            }
            Ok(new_tuple(out))
        }),
        reduce,
    ))
}

fn methodcaller_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let nkw = kw.and_then(crate::types::tuple::tuple_items).map_or(0, <[Object]>::len);
    if args.len() == nkw {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = Str::new(args[0].as_ref()) else {
        return Err(PyErr::type_error("method name must be a string"));
    };
    let name = intern(&name.to_string_lossy());
    let call_args: Vec<Object> = args[1..].to_vec();
    let kwnames = kw.map(|k| k.to_owned());
    let mut parts = vec![ops::repr_string(name.as_ref())?];
    let npos = call_args.len() - nkw;
    for v in &call_args[..npos] {
        parts.push(ops::repr_string(v.as_ref())?);
    }
    if let Some(k) = &kwnames {
        for (kn, v) in crate::types::tuple::tuple_items(k.as_ref())
            .unwrap_or(&[])
            .iter()
            .zip(&call_args[npos..])
        {
            parts.push(format!(
                "{}={}",
                Str::new(kn.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default(),
                ops::repr_string(v.as_ref())?
            ));
        }
    }
    let repr = format!("operator.methodcaller({})", parts.join(", "));
    let reduce = if nkw == 0 {
        let mut all = vec![name.clone()];
        all.extend_from_slice(&call_args);
        (None, new_tuple(all))
    } else {
        // functools.partial(methodcaller, name, **kwargs), called with the positional ones.
        let partial = crate::import::import_module("functools", None)
            .and_then(|m| crate::attr::getattr(m.as_ref(), intern("partial").as_ref()))?;
        let mut pargs = vec![METHODCALLER_TYPE.0.as_object().to_owned(), name.clone()];
        pargs.extend_from_slice(&call_args[npos..]);
        let f = ops::call(partial.as_ref(), &pargs, kw)?;
        (Some(f), new_tuple(call_args[..npos].to_vec()))
    };
    Ok(new_getter(
        &METHODCALLER_TYPE,
        repr,
        Box::new(move |args, kw| {
            let obj = one_arg("methodcaller", args, kw)?;
            let m = crate::attr::getattr(obj.as_ref(), name.as_ref())?;
            ops::call(m.as_ref(), &call_args, kwnames.as_ref().map(|k| k.as_ref()))
        }),
        reduce,
    ))
}

static FUNCTIONS: &[(&str, NativeFn)] = &[
    ("abs", abs),
    ("add", add),
    ("and_", and_),
    ("call", call),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("delitem", delitem),
    ("eq", eq),
    ("floordiv", floordiv),
    ("ge", ge),
    ("getitem", getitem),
    ("gt", gt),
    ("iadd", iadd),
    ("iand", iand),
    ("iconcat", iconcat),
    ("ifloordiv", ifloordiv),
    ("ilshift", ilshift),
    ("imatmul", imatmul),
    ("imod", imod),
    ("imul", imul),
    ("index", index),
    ("indexOf", index_of),
    ("inv", inv),
    ("invert", invert),
    ("ior", ior),
    ("ipow", ipow),
    ("irshift", irshift),
    ("is_", is_),
    ("is_none", is_none_),
    ("is_not", is_not),
    ("is_not_none", is_not_none),
    ("isub", isub),
    ("itruediv", itruediv),
    ("ixor", ixor),
    ("le", le),
    ("length_hint", length_hint),
    ("lshift", lshift),
    ("lt", lt),
    ("matmul", matmul),
    ("mod", mod_),
    ("mul", mul),
    ("ne", ne),
    ("neg", neg),
    ("not_", not_),
    ("or_", or_),
    ("pos", pos),
    ("pow", pow),
    ("rshift", rshift),
    ("setitem", setitem),
    ("sub", sub),
    ("truediv", truediv),
    ("truth", truth),
    ("xor", xor),
    ("_compare_digest", compare_digest),
];

/// Makes the `_operator` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_operator");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."))?;
    for (name, f) in FUNCTIONS {
        d.set_str(name, new_builtin_function(name, *f))?;
    }
    for (ty, ctor, name) in [
        (&ITEMGETTER_TYPE, itemgetter_new as NativeFn, "itemgetter"),
        (&ATTRGETTER_TYPE, attrgetter_new, "attrgetter"),
        (&METHODCALLER_TYPE, methodcaller_new, "methodcaller"),
    ] {
        register_constructor(&ty.0, ctor);
        d.set_str(name, ty.0.as_object().to_owned())?;
    }
    let base = &GETTER_BASE.0;
    let _ = crate::types::typelookup::register_static_attr(
        base,
        "__reduce__",
        crate::types::function::new_method_descriptor(base, "__reduce__", getter_reduce),
    );
    Ok(m)
}
