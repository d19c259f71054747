//! The built-in functions.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::{bool_value, py_bool};
use crate::types::dict::DictPayload;
use crate::types::exceptions::{ALL_EXCEPTION_TYPES, ATTRIBUTE_ERROR};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::{as_list, new_list};
use crate::types::native_iter::{
    ENUMERATE_TYPE, FILTER_TYPE, MAP_TYPE, REVERSED_TYPE, ZIP_TYPE, new_native_iter, reduce_tuple,
    with_reduce,
};
use crate::types::singletons::{ELLIPSIS, NOT_IMPLEMENTED, is_none, none};
use crate::types::str::{Str, intern, new_str, new_str_from_code_points};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::CompareOp;

type Native = NativeFn;

pub(crate) fn fill(d: &DictPayload) {
    let fns: &[(&'static str, Native)] = &[
        ("print", print),
        ("open", crate::modules::io::open::open),
        ("input", crate::builtins::inputfn::input),
        ("len", len),
        ("repr", repr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("aiter", crate::types::coroutine::builtin_aiter),
        ("anext", crate::types::coroutine::builtin_anext),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("abs", abs),
        ("sorted", sorted),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("__build_class__", build_class),
        ("__import__", import),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("any", any),
        ("all", all),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format),
        ("ascii", ascii),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in fns {
        let _ = d.set_str(name, new_builtin_function(name, *f));
    }
    // The iterator types are called like functions.
    {
        use crate::types::native_iter::{
            ENUMERATE_TYPE, FILTER_TYPE, MAP_TYPE, REVERSED_TYPE, ZIP_TYPE,
        };
        for (name, ty, f) in [
            ("enumerate", &ENUMERATE_TYPE.0, enumerate as Native),
            ("zip", &ZIP_TYPE.0, zip),
            ("map", &MAP_TYPE.0, map),
            ("filter", &FILTER_TYPE.0, filter),
            ("reversed", &REVERSED_TYPE.0, reversed),
        ] {
            crate::eval::typecall::register_constructor(ty, f);
            let _ = d.set_str(name, ty.as_object().to_owned());
        }
    }
    for t in ALL_EXCEPTION_TYPES {
        let _ = d.set_str(t.0.name(), t.0.as_object().to_owned());
    }
    // Old names of OSError.
    for alias in ["EnvironmentError", "IOError"] {
        let _ = d.set_str(alias, crate::types::exceptions::OS_ERROR.0.as_object().to_owned());
    }
    // A frame-reading built-in so that the loop makes a frame switch after it: the debugger it
    // starts traces the calling frame from its next line (docs/vm.md, "Tracing").
    let bp =
        crate::types::function::new_frame_builtin("breakpoint", breakpoint, breakpoint_in_frame);
    let _ = d.set_str("breakpoint", bp);
    let _ = d.set_str("None", none());
    let _ = d.set_str("Ellipsis", ELLIPSIS.object());
    let _ = d.set_str("NotImplemented", NOT_IMPLEMENTED.object());
    let _ = d.set_str("True", py_bool(true));
    let _ = d.set_str("False", py_bool(false));
    let _ = d.set_str("__debug__", py_bool(true));
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`: each object's `str()` and
/// the separators go to `file` (default `sys.stdout`; nothing when that is None) one piece at a
/// time through its `write`, as CPython's print does; a native text wrapper (the standard
/// streams, `open()`'s files) takes the pieces without a Python-level call.
fn print(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    use crate::modules::io::stdio;
    let mut a = Args::new(args, kwnames);
    let sep = a.take_kw("sep").filter(|v| !is_none(v.as_ref()));
    let end = a.take_kw("end").filter(|v| !is_none(v.as_ref()));
    let file = a.take_kw("file").filter(|v| !is_none(v.as_ref()));
    let flush = a.take_kw("flush");
    a.no_kw("print")?;
    let file = match file {
        Some(f) => f.clone(),
        None => {
            let f = stdio::sys_stream("stdout")?;
            if is_none(f.as_ref()) {
                return Ok(none());
            }
            f
        }
    };
    for (what, v) in [("sep", sep), ("end", end)] {
        if let Some(v) = v
            && Str::new(v.as_ref()).is_none()
        {
            return Err(PyErr::type_error(format!(
                "{what} must be None or a string, not {}",
                v.type_().name()
            )));
        }
    }
    let sep = sep.cloned().unwrap_or_else(|| new_str(" "));
    let end = end.cloned().unwrap_or_else(|| new_str("\n"));
    // Tests and the embedding REPL collect what goes to the original standard output.
    let capture = crate::builtins::sys::capturing()
        && crate::builtins::sys::is_original_stdout(file.as_ref());
    let native = !capture && stdio::is_native_text(file.as_ref());
    if native {
        print_native(file.as_ref(), &a.pos, &sep, &end)?;
        if let Some(fl) = flush
            && ops::is_true(fl.as_ref())?
        {
            stdio::flush_file(file.as_ref())?;
        }
        return Ok(none());
    }
    let write = if capture {
        None
    } else {
        Some(crate::attr::getattr(file.as_ref(), intern("write").as_ref())?)
    };
    let emit = |s: &Object| -> PyResult<()> {
        if capture {
            let t = Str::new(s.as_ref()).map(|t| t.to_string_lossy()).unwrap_or_default();
            crate::builtins::sys::capture(&t);
            Ok(())
        } else if let Some(w) = &write {
            ops::call(w.as_ref(), std::slice::from_ref(s), None).map(drop)
        } else {
            Ok(())
        }
    };
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            emit(&sep)?;
        }
        let s = ops::str_(v.as_ref())?;
        emit(&s)?;
    }
    emit(&end)?;
    if let Some(fl) = flush
        && ops::is_true(fl.as_ref())?
        && !capture
    {
        stdio::flush_file(file.as_ref())?;
    }
    Ok(none())
}

/// `print` into a native text wrapper. The pieces are gathered and written at once while that
/// cannot be told apart from CPython's write per piece: up to an object whose `str()` could run
/// Python code (anything but str, int, float, bool, None), which sees the earlier pieces
/// written, and up to a piece with a lone surrogate, which the wrapper's own `write` handles.
fn print_native(file: ObjectRef<'_>, items: &[Object], sep: &Object, end: &Object) -> PyResult<()> {
    use crate::modules::io::stdio;
    let mut acc = String::new();
    let put = |acc: &mut String, s: &Object| -> PyResult<()> {
        match Str::new(s.as_ref()).and_then(Str::as_str) {
            Some(t) => acc.push_str(t),
            None => {
                stdio::native_text_write_str(file, &std::mem::take(acc))?;
                stdio::native_text_write(file, s)?;
            }
        }
        Ok(())
    };
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            put(&mut acc, sep)?;
        }
        let t = v.type_();
        if std::ptr::eq(t, &crate::types::str::STR_TYPE.0) {
            put(&mut acc, v)?;
            continue;
        }
        let plain = std::ptr::eq(t, &crate::types::int::INT_TYPE.0)
            || std::ptr::eq(t, &crate::types::float::FLOAT_TYPE.0)
            || std::ptr::eq(t, &crate::types::bool::BOOL_TYPE.0)
            || is_none(v.as_ref());
        if !plain && !acc.is_empty() {
            stdio::native_text_write_str(file, &std::mem::take(&mut acc))?;
        }
        let s = ops::str_(v.as_ref())?;
        put(&mut acc, &s)?;
    }
    put(&mut acc, end)?;
    stdio::native_text_write_str(file, &acc)
}

fn one<'a>(name: &str, args: &'a [Object], kwnames: Option<ObjectRef<'a>>) -> PyResult<&'a Object> {
    let a = Args::new(args, kwnames);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 1)?;
    Ok(&args[0])
}

fn len(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = one("len", args, kw)?;
    Ok(new_int_i64(ops::len(o.as_ref())? as i64))
}

fn repr(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    ops::repr(one("repr", args, kw)?.as_ref())
}

fn ascii(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    ops::ascii(one("ascii", args, kw)?.as_ref())
}

fn isinstance(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("isinstance")?;
    a.count("isinstance", 2, 2)?;
    Ok(py_bool(super::isinstance::is_instance(args[0].as_ref(), args[1].as_ref())?))
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook(*args, **kws)`.
fn breakpoint_in_frame(
    _: Option<&crate::builtins::framefns::FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    breakpoint(None, args, kw)
}

fn breakpoint(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match crate::import::sys_attr("breakpointhook") {
        Some(hook) => ops::call(hook.as_ref(), args, kw),
        None => {
            Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "lost sys.breakpointhook"))
        }
    }
}

/// `issubclass(cls, classinfo)` for native callers.
pub(crate) fn issubclass_objects(cls: ObjectRef<'_>, classinfo: ObjectRef<'_>) -> PyResult<bool> {
    super::isinstance::is_subclass(cls, classinfo)
}

fn issubclass(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("issubclass")?;
    a.count("issubclass", 2, 2)?;
    Ok(py_bool(super::isinstance::is_subclass(args[0].as_ref(), args[1].as_ref())?))
}

fn iter(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("iter")?;
    a.count("iter", 1, 2)?;
    if args.len() == 2 {
        let (f, sentinel) = (args[0].clone(), args[1].clone());
        if f.type_().slots.call.get().is_none() {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        let (f2, s2) = (f.clone(), sentinel.clone());
        let it = new_native_iter(
            &crate::types::native_iter::CALLABLE_ITER_TYPE,
            Box::new(move || {
                let v = ops::call(f.as_ref(), &[], None)?;
                if ops::rich_compare_bool(v.as_ref(), sentinel.as_ref(), CompareOp::Eq)? {
                    return Ok(None);
                }
                Ok(Some(v))
            }),
        );
        return Ok(with_reduce(
            it,
            Box::new(move |s| {
                let live = s
                    .payload::<crate::types::native_iter::NativeIterPayload>()
                    .is_some_and(|p| p.is_live());
                let args = if live {
                    vec![f2.clone(), s2.clone()]
                } else {
                    vec![crate::types::tuple::empty_tuple()]
                };
                Ok(reduce_tuple(crate::types::native_iter::builtin("iter")?, args, None))
            }),
        ));
    }
    ops::iter(args[0].as_ref())
}

fn next(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("next")?;
    a.count("next", 1, 2)?;
    let it = args[0].as_ref();
    if it.type_().slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_().name()
        )));
    }
    if crate::types::generator::as_generator(it).is_some() {
        // A generator's return value travels in the StopIteration.
        return match crate::types::generator::resume(it, none(), None)? {
            crate::types::generator::Sent::Yielded(v) => Ok(v),
            crate::types::generator::Sent::Returned(v) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::from_instance(crate::types::exceptions::new_exception(
                    &crate::types::exceptions::STOP_ITERATION.0,
                    if is_none(v.as_ref()) {
                        crate::types::tuple::empty_tuple()
                    } else {
                        new_tuple(vec![v])
                    },
                ))),
            },
        };
    }
    match ops::next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::from_instance(crate::types::exceptions::new_exception(
                &crate::types::exceptions::STOP_ITERATION.0,
                crate::types::tuple::empty_tuple(),
            ))),
        },
    }
}

fn min_max(
    name: &str,
    op: CompareOp,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let key = a.take_kw("key").filter(|k| !is_none(k.as_ref())).cloned();
    let default = a.take_kw("default").cloned();
    a.no_kw(name)?;
    if a.pos.is_empty() {
        return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if a.pos.len() == 1 {
        iterate(a.pos[0].as_ref())?
    } else {
        if default.is_some() {
            return Err(PyErr::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        a.pos.to_vec()
    };
    let mut best: Option<(Object, Object)> = None;
    for it in items {
        let k = match &key {
            Some(f) => ops::call(f.as_ref(), std::slice::from_ref(&it), None)?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                if ops::rich_compare_bool(k.as_ref(), bk.as_ref(), op)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default
            .ok_or_else(|| PyErr::value_error(format!("{name}() iterable argument is empty"))),
    }
}

fn min(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    min_max("min", CompareOp::Lt, args, kw)
}

fn max(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    min_max("max", CompareOp::Gt, args, kw)
}

fn sum(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let start_kw = a.take_kw("start").cloned();
    a.no_kw("sum")?;
    a.count("sum", 1, 2)?;
    let mut acc = a.pos.get(1).cloned().or(start_kw).unwrap_or_else(|| new_int_i64(0));
    if Str::new(acc.as_ref()).is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let start_ty = acc.type_();
    if std::ptr::eq(start_ty, &crate::types::bytes::BYTES_TYPE.0) {
        return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if std::ptr::eq(start_ty, &crate::types::bytearray::BYTEARRAY_TYPE.0) {
        return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    // An exact tuple of tagged ints (as `sum(args)` in `def f(*args)`) is added straight from
    // its items: no iterator, no Python code; anything else starts over on the general path.
    if let Some(start) = acc.small_int()
        && std::ptr::eq(a.pos[0].type_(), &crate::types::tuple::TUPLE_TYPE.0)
        && let Some(items) = crate::types::tuple::tuple_items(a.pos[0].as_ref())
    {
        let mut total = Some(start);
        for v in items {
            total = total
                .zip(v.small_int())
                .and_then(|(t, x)| t.checked_add(x))
                .filter(|&t| crate::object::Object::try_small_int(t).is_some());
            if total.is_none() {
                break;
            }
        }
        if let Some(t) = total {
            return Ok(new_int_i64(t));
        }
    }
    let it = ops::iter(a.pos[0].as_ref())?;
    let is_exact_float =
        |o: ObjectRef<'_>| std::ptr::eq(o.type_(), &crate::types::float::FLOAT_TYPE.0);
    // Exact ints add without calling `+` (the tagged fast path); anything else goes through
    // `+`, and once the total is an exact float, floats (and ints that fit a C long) are summed
    // with Neumaier's compensation, as CPython 3.12+ does.
    let mut pending: Option<Object> = None;
    // A generator is resumed directly (no slot call per item).
    let next_item = |it: ObjectRef<'_>| match crate::types::generator::as_generator(it) {
        Some(g) => crate::types::generator::next_of(g),
        None => ops::next(it),
    };
    if let Some(mut total) = acc.small_int() {
        // Tagged ints add in an `i64` until the total leaves the tagged range or an item is
        // not a tagged int; the first such item goes through `+` (CPython's exact-int path).
        loop {
            let Some(v) = next_item(it.as_ref())? else { return Ok(new_int_i64(total)) };
            if let Some(x) = v.small_int()
                && let Some(t) = total.checked_add(x)
                && crate::object::Object::try_small_int(t).is_some()
            {
                total = t;
                continue;
            }
            acc = ops::binary_op(new_int_i64(total).as_ref(), v.as_ref(), ops::BinOp::Add)?;
            if is_exact_float(acc.as_ref()) {
                break;
            }
            // Anything but a tagged total (a big int, an object of another type) goes on in
            // the generic loop below, adding with `+`.
            match acc.small_int() {
                Some(t) => total = t,
                None => break,
            }
        }
    }
    loop {
        if is_exact_float(acc.as_ref()) {
            let mut f = crate::types::float::float_value(acc.as_ref()).expect("float");
            let mut c = 0.0f64;
            loop {
                let Some(v) = next_item(it.as_ref())? else {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    return Ok(crate::types::float::new_float(f));
                };
                if is_exact_float(v.as_ref()) {
                    let x = crate::types::float::float_value(v.as_ref()).expect("float");
                    let t = f + x;
                    if f.abs() >= x.abs() {
                        c += (f - t) + x;
                    } else {
                        c += (x - t) + f;
                    }
                    f = t;
                    continue;
                }
                // An int that fits a C long is added as a double, uncompensated (CPython's).
                if let Some(crate::types::int::IntVal::Small(i)) = int_value(v.as_ref()) {
                    f += i as f64;
                    continue;
                }
                if c != 0.0 && c.is_finite() {
                    f += c;
                }
                pending = Some(v);
                acc = crate::types::float::new_float(f);
                break;
            }
        }
        let v = match pending.take() {
            Some(v) => v,
            None => match ops::next(it.as_ref())? {
                Some(v) => v,
                None => return Ok(acc),
            },
        };
        acc = ops::binary_op(acc.as_ref(), v.as_ref(), ops::BinOp::Add)?;
    }
}

fn abs(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    ops::unary_op(one("abs", args, kw)?.as_ref(), ops::UnaryOp::Abs)
}

fn sorted(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let key = a.take_kw("key").filter(|k| !is_none(k.as_ref())).cloned();
    let reverse = match a.take_kw("reverse") {
        Some(r) => ops::is_true(r.as_ref())?,
        None => false,
    };
    a.no_kw("sort")?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let items = iterate(a.pos[0].as_ref())?;
    Ok(new_list(crate::builtins::sort::sort_objects(items, key.as_ref(), reverse)?))
}

fn enumerate(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let invalid = |n: &str| {
        PyErr::type_error(format!("'{n}' is an invalid keyword argument for enumerate()"))
    };
    if let Some((n, _)) = a.kw.iter().find(|(n, _)| n != "iterable" && n != "start") {
        return Err(invalid(n));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            a.pos.len() + a.kw.len()
        )));
    }
    let first_kw = a.kw.first().map(|(n, _)| n.clone());
    let iterable_kw = a.take_kw("iterable").cloned();
    let start_kw = a.take_kw("start").cloned();
    let iterable = match (a.pos.first(), iterable_kw) {
        (Some(_), Some(_)) => return Err(invalid("iterable")),
        (Some(p), None) => p.clone(),
        (None, Some(k)) => k,
        (None, None) => {
            return Err(match first_kw {
                Some(n) => invalid(&n),
                None => PyErr::type_error("enumerate() missing required argument 'iterable'"),
            });
        }
    };
    if a.pos.len() == 2 && start_kw.is_some() {
        return Err(PyErr::type_error("enumerate() takes at most 2 arguments (3 given)"));
    }
    let it = ops::iter(iterable.as_ref())?;
    let start = a.pos.get(1).cloned().or(start_kw).unwrap_or_else(|| new_int_i64(0));
    // The count starts from the plain int of `start` (as `operator.index`: a bool or an int
    // subclass gives its value, other objects their `__index__`).
    let start = match int_value(start.as_ref()) {
        _ if start.as_ref().is_small_int() => start,
        Some(v) => crate::types::int::new_int(v.to_ibig().into_owned()),
        None => match ops::index_via_slot(start.as_ref())? {
            Some(v) => v,
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    start.type_().name()
                )));
            }
        },
    };
    // The iterator and the next count, shared with `__reduce__`.
    let state = std::rc::Rc::new((it, std::cell::RefCell::new(start)));
    let st = state.clone();
    let e = new_native_iter(
        &ENUMERATE_TYPE,
        Box::new(move || {
            let Some(v) = ops::next(st.0.as_ref())? else { return Ok(None) };
            let i = st.1.borrow().clone();
            let n = match i.small_int() {
                Some(k) if k < i64::MAX => new_int_i64(k + 1),
                _ => ops::binary_op(i.as_ref(), new_int_i64(1).as_ref(), ops::BinOp::Add)?,
            };
            *st.1.borrow_mut() = n;
            Ok(Some(crate::types::tuple::new_tuple_array([i, v])))
        }),
    );
    Ok(with_reduce(
        e,
        Box::new(move |s| {
            let n = state.1.borrow().clone();
            Ok(reduce_tuple(s.type_().as_object().to_owned(), vec![state.0.clone(), n], None))
        }),
    ))
}

/// The error of a strict `zip`/`map` whose argument `i` (0-based) ran out first (`i > 0`) or
/// whose later argument `j` still had items.
fn length_mismatch(fname: &str, n: usize, shorter: bool) -> PyErr {
    PyErr::value_error(format!(
        "{fname}() argument {} is {} than argument{} {}",
        n + 1,
        if shorter { "shorter" } else { "longer" },
        if n == 1 { "" } else { "s" },
        if n == 1 { "1".to_string() } else { format!("1-{n}") }
    ))
}

/// The next items of all of `its` (one each), `None` when one is exhausted (after checking the
/// others end too when `strict`).
fn next_all(fname: &str, its: &[Object], strict: bool) -> PyResult<Option<Vec<Object>>> {
    let mut items = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match ops::next(it.as_ref())? {
            Some(v) => items.push(v),
            None => {
                if strict {
                    if i > 0 {
                        return Err(length_mismatch(fname, i, true));
                    }
                    for (j, rest) in its.iter().enumerate().skip(1) {
                        if ops::next(rest.as_ref())?.is_some() {
                            return Err(length_mismatch(fname, j, false));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(items))
}

fn zip(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let strict = match a.take_kw("strict") {
        Some(s) => ops::is_true(s.as_ref())?,
        None => false,
    };
    a.no_kw("zip")?;
    let mut its = Vec::new();
    for o in a.pos.iter() {
        its.push(ops::iter(o.as_ref())?);
    }
    let flag = std::rc::Rc::new(std::cell::Cell::new(strict));
    let fl = flag.clone();
    let its = std::rc::Rc::new(its);
    let its2 = its.clone();
    let fl2 = flag.clone();
    let z = crate::types::native_iter::new_flagged_iter(
        &ZIP_TYPE,
        flag,
        Box::new(move || match &its[..] {
            [] => Ok(None),
            // Pairs (the usual case) without an intermediate vector; a strict zip still takes
            // the general path for its length checks.
            [x, y] if !fl.get() => {
                let Some(a) = ops::next(x.as_ref())? else { return Ok(None) };
                let Some(b) = ops::next(y.as_ref())? else { return Ok(None) };
                Ok(Some(crate::types::tuple::new_tuple_array([a, b])))
            }
            _ => Ok(next_all("zip", &its, fl.get())?.map(new_tuple)),
        }),
    );
    Ok(with_reduce(
        z,
        Box::new(move |s| {
            let strict = fl2.get().then(|| py_bool(true));
            Ok(reduce_tuple(s.type_().as_object().to_owned(), its2.to_vec(), strict))
        }),
    ))
}

fn map(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let strict = match a.take_kw("strict") {
        Some(s) => ops::is_true(s.as_ref())?,
        None => false,
    };
    a.no_kw("map")?;
    if a.pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let f = a.pos[0].clone();
    let its = a.pos[1..].iter().map(|o| ops::iter(o.as_ref())).collect::<PyResult<Vec<_>>>()?;
    let flag = std::rc::Rc::new(std::cell::Cell::new(strict));
    let fl = flag.clone();
    // The function then the iterators, shared with `__reduce__`.
    let mut parts = vec![f];
    parts.extend(its);
    let parts = std::rc::Rc::new(parts);
    let p2 = parts.clone();
    let fl2 = flag.clone();
    let m = crate::types::native_iter::new_flagged_iter(
        &MAP_TYPE,
        flag,
        Box::new(move || match next_all("map", &parts[1..], fl.get())? {
            Some(items) => ops::call(parts[0].as_ref(), &items, None).map(Some),
            None => Ok(None),
        }),
    );
    Ok(with_reduce(
        m,
        Box::new(move |s| {
            let strict = fl2.get().then(|| py_bool(true));
            Ok(reduce_tuple(s.type_().as_object().to_owned(), p2.to_vec(), strict))
        }),
    ))
}

fn filter(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("filter")?;
    a.count("filter", 2, 2)?;
    let f = a.pos[0].clone();
    let it = ops::iter(a.pos[1].as_ref())?;
    let (f2, it2) = (f.clone(), it.clone());
    let fl = new_native_iter(
        &FILTER_TYPE,
        Box::new(move || {
            while let Some(v) = ops::next(it.as_ref())? {
                let keep = if is_none(f.as_ref()) {
                    ops::is_true(v.as_ref())?
                } else {
                    let r = ops::call(f.as_ref(), std::slice::from_ref(&v), None)?;
                    ops::is_true(r.as_ref())?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }),
    );
    Ok(with_reduce(
        fl,
        Box::new(move |s| {
            Ok(reduce_tuple(s.type_().as_object().to_owned(), vec![f2.clone(), it2.clone()], None))
        }),
    ))
}

fn reversed(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = one("reversed", args, kw)?.clone();
    // The built-in types' own `__reversed__` is `reversed_native`; only a Python class's
    // (possibly inherited) one is looked up.
    if o.type_().has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
        if crate::types::instance::dunder_is_none(o.as_ref(), "__reversed__")? {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                o.type_().name()
            )));
        }
        if let Some(r) = crate::types::instance::call_dunder(o.as_ref(), "__reversed__", &[])? {
            return Ok(r);
        }
    }
    reversed_native(o)
}

/// `reversed(o)` for the built-in sequences and mappings, without looking up `__reversed__`.
pub(crate) fn reversed_native(o: Object) -> PyResult<Object> {
    if let Some(m) = crate::types::mappingproxy::proxied(o.as_ref()) {
        return reversed(None, &[m.to_owned()], None);
    }
    if crate::types::range::as_range(o.as_ref()).is_some() {
        return crate::types::range::reversed(o.as_ref());
    }
    if let Some(r) = crate::modules::collections_deque::reversed_of(o.as_ref()) {
        return Ok(r);
    }
    if crate::types::set::as_set(o.as_ref()).is_some() {
        return Err(PyErr::type_error(format!("'{}' object is not reversible", o.type_().name())));
    }
    if let Some(r) = crate::types::dictview::reversed_of(o.as_ref()) {
        return Ok(r);
    }
    if as_list(o.as_ref()).is_some() {
        return Ok(crate::types::iter::list_reverse_iter(o.as_ref()));
    }
    if o.type_().slots.mp_subscript.get().is_none() && o.type_().slots.sq_item.get().is_none() {
        // Not a sequence (no `__getitem__`).
        return Err(PyErr::type_error(format!("'{}' object is not reversible", o.type_().name())));
    }
    let n = ops::len(o.as_ref())?;
    let pos = std::rc::Rc::new(crate::types::native_iter::SeqPos {
        seq: o.clone(),
        index: std::cell::Cell::new(n as i64 - 1),
    });
    let p = pos.clone();
    let r = crate::types::native_iter::new_positioned_iter(
        &REVERSED_TYPE,
        pos,
        Box::new(move || {
            let i = p.index.get();
            if i < 0 {
                return Ok(None);
            }
            let seq = p.seq.as_ref();
            if let Some(l) = as_list(seq) {
                if i as usize >= l.len() {
                    p.index.set(-1);
                    return Ok(None);
                }
                p.index.set(i - 1);
                return Ok(l.get(i as usize));
            }
            match ops::getitem(seq, new_int_i64(i).as_ref()) {
                Ok(v) => {
                    p.index.set(i - 1);
                    Ok(Some(v))
                }
                Err(e)
                    if e.matches(&crate::types::exceptions::INDEX_ERROR)
                        || e.matches(&crate::types::exceptions::STOP_ITERATION) =>
                {
                    p.index.set(-1);
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }),
    );
    Ok(with_reduce(r, Box::new(crate::types::native_iter::seq_reduce)))
}

fn getattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getattr")?;
    a.count("getattr", 2, 3)?;
    if Str::new(args[1].as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            args[1].type_().name()
        )));
    }
    let (o, name) = (args[0].as_ref(), args[1].as_ref());
    let r = if args.len() == 3 && has_instance_getattr(o) {
        // A missing attribute of an instance gives the default without an AttributeError
        // object made and discarded.
        crate::types::instance::instance_getattr_opt(o, name)
            .map(|v| v.unwrap_or_else(|| args[2].clone()))
    } else {
        crate::attr::getattr(o, name)
    };
    match r {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && e.matches(&ATTRIBUTE_ERROR) => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

/// Whether `o`'s attribute lookup is `instance_getattr` (instances of Python classes).
fn has_instance_getattr(o: ObjectRef<'_>) -> bool {
    !o.is_small_int()
        && o.type_().slots.getattr.get().is_some_and(|f| {
            std::ptr::fn_addr_eq(
                f,
                crate::types::instance::instance_getattr as crate::types::typeobject::GetAttrFn,
            )
        })
}

fn setattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setattr")?;
    a.count("setattr", 3, 3)?;
    crate::attr::setattr(args[0].as_ref(), args[1].as_ref(), Some(args[2].as_ref()))?;
    Ok(none())
}

fn delattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("delattr")?;
    a.count("delattr", 2, 2)?;
    crate::attr::setattr(args[0].as_ref(), args[1].as_ref(), None)?;
    Ok(none())
}

fn hasattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("hasattr")?;
    a.count("hasattr", 2, 2)?;
    let (o, name) = (args[0].as_ref(), args[1].as_ref());
    let r = if Str::new(name).is_some() && has_instance_getattr(o) {
        crate::types::instance::instance_getattr_opt(o, name).map(|v| v.is_some())
    } else {
        crate::attr::getattr(o, name).map(|_| true)
    };
    match r {
        Ok(found) => Ok(py_bool(found)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(py_bool(false)),
        Err(e) => Err(e),
    }
}

/// `__build_class__(func, name, *bases, **kwds)`: runs the class body in a fresh namespace and
/// makes the class; the body's `__classcell__` gets the new class.
fn build_class(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let metaclass = a.take_kw("metaclass").cloned();
    if a.pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = a.pos[0].clone();
    if crate::types::pyfunction::as_function(func.as_ref()).is_none() {
        return Err(PyErr::type_error("__build_class__: func must be a function"));
    }
    let name = a.pos[1].clone();
    if Str::new(name.as_ref()).is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    let bases = a.pos[2..].to_vec();
    let kw: Vec<(String, Object)> = a.kw.iter().map(|(k, v)| (k.clone(), (*v).clone())).collect();
    crate::types::classnew::build_class(func.as_ref(), name, bases, metaclass, &kw)
}

/// `builtins.__import__`, as a value the eval loop can recognise.
pub fn import_fn() -> NativeFn {
    import
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn import(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let bound = Args::new(args, kw).bind("__import__", &names, 1)?;
    let [name, globals, _locals, fromlist, level]: [Option<Object>; 5] =
        std::array::from_fn(|i| bound[i].cloned());
    let name = name.expect("bind checked the required argument");
    let level = match level {
        None => 0,
        Some(l) => match ops::index_value(l.as_ref())? {
            Some(v) => v as i64,
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    l.type_().name()
                )));
            }
        },
    };
    let globals = globals.filter(|g| !is_none(g.as_ref()));
    crate::import::import_module_level(
        name.as_ref(),
        globals.as_ref().map(Object::as_ref),
        fromlist.as_ref().map(Object::as_ref),
        level,
    )
}

fn id(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = one("id", args, kw)?;
    Ok(crate::types::int::new_int(dashu_int::IBig::from(o.id())))
}

fn hash(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = one("hash", args, kw)?;
    Ok(new_int_i64(ops::hash(o.as_ref())? as i64))
}

fn callable(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = one("callable", args, kw)?;
    Ok(py_bool(o.type_().slots.call.get().is_some()))
}

fn chr(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = one("chr", args, kw)?;
    let Some(v) = int_value(o.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    };
    match v {
        crate::types::int::IntVal::Small(c) if (0..=0x10ffff).contains(&c) => {
            Ok(new_str_from_code_points(&[c as u32]))
        }
        crate::types::int::IntVal::Small(_) => {
            Err(PyErr::value_error("chr() arg not in range(0x110000)"))
        }
        _ => Err(PyErr::overflow_error("Python int too large to convert to C int")),
    }
}

fn ord(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = one("ord", args, kw)?;
    if let Some(s) = Str::new(o.as_ref()) {
        if s.len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.len()
            )));
        }
        return Ok(new_int_i64(s.char_at(0) as i64));
    }
    if let Some(b) = crate::types::bytes::bytes_data(o.as_ref())
        .map(|b| b.to_vec())
        .or_else(|| crate::types::bytearray::bytearray_data(o.as_ref()))
    {
        if b.len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(new_int_i64(b[0] as i64));
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        o.type_().name()
    )))
}

fn any(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let it = ops::iter(one("any", args, kw)?.as_ref())?;
    while let Some(v) = ops::next(it.as_ref())? {
        if ops::is_true(v.as_ref())? {
            return Ok(py_bool(true));
        }
    }
    Ok(py_bool(false))
}

fn all(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let it = ops::iter(one("all", args, kw)?.as_ref())?;
    while let Some(v) = ops::next(it.as_ref())? {
        if !ops::is_true(v.as_ref())? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn divmod(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("divmod")?;
    a.count("divmod", 2, 2)?;
    ops::binary_op(args[0].as_ref(), args[1].as_ref(), ops::BinOp::DivMod)
}

fn pow(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let base = a.take_kw("base").cloned();
    let exp = a.take_kw("exp").cloned();
    let m = a.take_kw("mod").cloned();
    a.no_kw("pow")?;
    let mut it = a.pos.iter().cloned();
    let b = it
        .next()
        .or(base)
        .ok_or_else(|| PyErr::type_error("pow() missing required argument 'base' (pos 1)"))?;
    let e = it
        .next()
        .or(exp)
        .ok_or_else(|| PyErr::type_error("pow() missing required argument 'exp' (pos 2)"))?;
    let m = it.next().or(m).filter(|m| !is_none(m.as_ref()));
    if a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            a.pos.len()
        )));
    }
    ops::power(b.as_ref(), e.as_ref(), m.as_ref().map(|m| m.as_ref()))
}

fn round(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let nd_kw = a.take_kw("ndigits").cloned();
    a.no_kw("round")?;
    a.count("round", 1, 2)?;
    let x = a.pos[0].as_ref();
    let nd = a.pos.get(1).cloned().or(nd_kw).filter(|n| !is_none(n.as_ref()));
    let is_num = crate::types::float::float_value(x).is_some() || int_value(x).is_some();
    if let Some(n) = nd.as_ref().filter(|_| is_num)
        && int_value(n.as_ref()).is_none()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            n.type_().name()
        )));
    }
    if let Some(f) = crate::types::float::float_value(x) {
        match nd {
            None => {
                let r = taipan_common::float_ops::round_half_even(f);
                return taipan_common::float_ops::float_to_int(r)
                    .map(crate::types::int::new_int)
                    .map_err(|e| {
                        if f.is_nan() {
                            PyErr::value_error("cannot convert float NaN to integer")
                        } else {
                            PyErr::overflow_error(e.message("float"))
                        }
                    });
            }
            Some(n) => {
                let n = ops::index_value(n.as_ref())?.unwrap_or(0) as i64;
                return taipan_common::float_ops::round_float(f, n)
                    .map(crate::types::float::new_float)
                    .map_err(|e| PyErr::overflow_error(e.message("float")));
            }
        }
    }
    if let Some(v) = int_value(x) {
        match nd {
            None => return Ok(x.to_owned()),
            Some(n) => {
                let n = ops::index_value(n.as_ref())?.unwrap_or(0);
                if n >= 0 {
                    return Ok(x.to_owned());
                }
                let p = dashu_int::IBig::from(10).pow((-n) as usize);
                let v = v.to_ibig().into_owned();
                let q = crate::types::int::new_int(v.clone());
                let pm = crate::types::int::new_int(p.clone());
                // Round half to even: divmod then adjust.
                let dm = ops::binary_op(q.as_ref(), pm.as_ref(), ops::BinOp::DivMod)?;
                let parts = tuple_items(dm.as_ref()).expect("tuple");
                let (qq, rr) = (
                    int_value(parts[0].as_ref()).expect("int").to_ibig().into_owned(),
                    int_value(parts[1].as_ref()).expect("int").to_ibig().into_owned(),
                );
                let twice = &rr * dashu_int::IBig::from(2);
                let mut qq = qq;
                if twice > p
                    || (twice == p && (&qq % dashu_int::IBig::from(2)) != dashu_int::IBig::ZERO)
                {
                    qq += dashu_int::IBig::ONE;
                }
                return Ok(crate::types::int::new_int(qq * p));
            }
        }
    }
    let round_args: Vec<Object> = nd.into_iter().collect();
    match crate::types::instance::call_dunder(x, "__round__", &round_args)? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            x.type_().name()
        ))),
    }
}

fn radix(
    name: &str,
    prefix: &str,
    base: u32,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = one(name, args, kw)?;
    let v = match int_value(o.as_ref()) {
        Some(v) => v.to_ibig().into_owned(),
        None => match o.type_().slots.nb_index.get() {
            Some(f) => int_value(f(o.as_ref())?.as_ref()).expect("int").to_ibig().into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_().name()
                )));
            }
        },
    };
    let neg = v < dashu_int::IBig::ZERO;
    let mag = if neg { -v } else { v };
    let digits = match base {
        16 => format!("{:x}", mag),
        8 => format!("{:o}", mag),
        _ => format!("{:b}", mag),
    };
    Ok(new_str(&format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}

fn hex(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    radix("hex", "0x", 16, args, kw)
}

fn oct(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    radix("oct", "0o", 8, args, kw)
}

fn bin(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    radix("bin", "0b", 2, args, kw)
}

fn format(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("format", 1, 2)?;
    crate::eval::helpers::format_value(args[0].as_ref(), args.get(1).map(|s| s.as_ref()))
}

#[allow(dead_code)]
fn truthy(o: ObjectRef<'_>) -> bool {
    bool_value(o).unwrap_or(true)
}

/// `exit()` / `quit()` (as the `site` module installs them): raise SystemExit.
fn exit(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("exit", 0, 1)?;
    let args = new_tuple(a.pos.to_vec());
    Err(PyErr::from_instance(crate::types::exceptions::new_exception(
        &crate::types::exceptions::SYSTEM_EXIT.0,
        args,
    )))
}
