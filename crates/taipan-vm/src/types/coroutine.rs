//! `coroutine` (what calling an `async def` function returns), `coroutine_wrapper` (what its
//! `__await__()` returns), and the awaitable protocol the eval loop needs: `GET_AWAITABLE`,
//! `GET_AITER`, `GET_ANEXT` and `SEND` to the awaitables this crate implements natively
//! (CPython's `_PyCoro_GetAwaitableIter`, `_PyEval_GetANext`, `am_send`).

use taipan_bytecode::code::CO_ITERABLE_COROUTINE;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::code::as_code;
use crate::types::exceptions::{ExcPayload, RUNTIME_ERROR};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::generator::{
    GeneratorPayload, Sent, close_gen, common_getattr, core, gen_close_method, gen_send, gen_throw,
    resume_core, stop_iteration, throw_args, throw_into,
};
use crate::types::singletons::none;
use crate::types::str::Str;
use crate::types::typelookup::type_lookup;
use crate::types::typeobject::{
    GetAttrFn, IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct CoroutinePayload {
    genp: GeneratorPayload,
}

// SAFETY: coroutines are built only by `new_coroutine` with a `CoroutinePayload`.
unsafe impl PyPayload for CoroutinePayload {
    fn type_object() -> &'static PyType {
        &COROUTINE_TYPE.0
    }
}

pub(crate) fn new_coroutine(genp: GeneratorPayload) -> Object {
    new_object(&COROUTINE_TYPE.0, CoroutinePayload { genp })
}

/// The generator machinery of a coroutine.
pub fn as_coroutine(o: ObjectRef<'_>) -> Option<&GeneratorPayload> {
    o.payload::<CoroutinePayload>().map(|c| &c.genp)
}

/// `coro.__await__()`'s iterator: it drives the coroutine.
pub struct WrapperPayload {
    coro: Object,
}

// SAFETY: wrappers are built only by `coro_await` with a `WrapperPayload`.
unsafe impl PyPayload for WrapperPayload {
    fn type_object() -> &'static PyType {
        &CORO_WRAPPER_TYPE.0
    }
}

fn wrapped(o: ObjectRef<'_>) -> Option<&GeneratorPayload> {
    o.payload::<WrapperPayload>().and_then(|w| as_coroutine(w.coro.as_ref()))
}

/// A send's outcome as `am_send` gives it: the yielded value, or StopIteration carrying the
/// returned one.
fn yielded(r: PyResult<Sent>) -> PyResult<Object> {
    match r? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `SEND` to an awaitable implemented here (coroutine wrapper, async generator `asend` and
/// `athrow`): `None` when `receiver` is none of them.
pub(crate) fn native_send(receiver: ObjectRef<'_>, v: &Object) -> Option<PyResult<Object>> {
    if let Some(p) = wrapped(receiver) {
        return Some(yielded(resume_core(p, v.clone(), None, false)));
    }
    if let Some(r) = anext_send(receiver, v) {
        return Some(r);
    }
    crate::types::asyncgen::native_send(receiver, v)
}

/// `throw` into an awaitable implemented here (see `native_send`).
pub(crate) fn native_throw(receiver: ObjectRef<'_>, err: &PyErr) -> Option<PyResult<Object>> {
    let err = PyErr::from_instance(err.instance().to_owned());
    if let Some(p) = wrapped(receiver) {
        return Some(yielded(throw_into(p, err, true)));
    }
    crate::types::asyncgen::native_throw(receiver, err)
}

/// Has a native `__await__` returning itself (the async generator awaitables).
fn is_native_awaitable(o: ObjectRef<'_>) -> bool {
    crate::types::asyncgen::is_awaitable(o) || o.payload::<AnextPayload>().is_some()
}

/// Can be iterated by `SEND`: a generator-like object, a native awaitable or any iterator.
fn is_iterator(o: ObjectRef<'_>) -> bool {
    o.type_().slots.iternext.get().is_some() || is_native_awaitable(o)
}

/// CPython's `_PyCoro_GetAwaitableIter`: the iterator that `await o` drives.
pub fn get_awaitable_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    if as_coroutine(o).is_some() || is_native_awaitable(o) {
        return Ok(o.to_owned());
    }
    if let Some(p) = crate::types::generator::as_generator(o)
        && as_code(p.code.as_ref()).is_some_and(|c| c.flags() & CO_ITERABLE_COROUTINE != 0)
    {
        return Ok(o.to_owned());
    }
    let key = crate::types::str::intern("__await__");
    if let Some(f) = type_lookup(o.type_(), key.as_ref())?
        && !crate::types::singletons::is_none(f.as_ref())
    {
        let res = crate::types::instance::call_dunder(o, "__await__", &[])?.unwrap_or_else(none);
        if as_coroutine(res.as_ref()).is_some() {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        if !is_iterator(res.as_ref()) {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                res.type_().name()
            )));
        }
        return Ok(res);
    }
    Err(PyErr::type_error(format!("'{}' object can't be awaited", o.type_().name())))
}

fn has_await(o: ObjectRef<'_>) -> bool {
    if as_coroutine(o).is_some() || is_native_awaitable(o) {
        return true;
    }
    let key = crate::types::str::intern("__await__");
    matches!(type_lookup(o.type_(), key.as_ref()), Ok(Some(_)))
}

/// `GET_AWAITABLE`: oparg 1 and 2 name `__aenter__`/`__aexit__` in the error.
pub fn get_awaitable(o: ObjectRef<'_>, oparg: u32) -> PyResult<Object> {
    let it = match get_awaitable_iter(o) {
        Ok(it) => it,
        Err(e) => {
            if !has_await(o) && (oparg == 1 || oparg == 2) {
                let which = if oparg == 1 { "__aenter__" } else { "__aexit__" };
                return Err(PyErr::type_error(format!(
                    "'async with' received an object from {which} that does not implement \
                     __await__: {}",
                    o.type_().name()
                )));
            }
            return Err(e);
        }
    };
    if let Some(p) = as_coroutine(it.as_ref())
        && p.yield_from().is_some()
    {
        return Err(PyErr::new(&RUNTIME_ERROR, "coroutine is being awaited already"));
    }
    Ok(it)
}

fn has_anext(o: ObjectRef<'_>) -> bool {
    if crate::types::asyncgen::as_async_generator(o).is_some() {
        return true;
    }
    let key = crate::types::str::intern("__anext__");
    matches!(type_lookup(o.type_(), key.as_ref()), Ok(Some(_)))
}

/// `GET_AITER`: `o.__aiter__()`, which must have `__anext__`.
pub fn get_aiter(o: ObjectRef<'_>) -> PyResult<Object> {
    let it = if crate::types::asyncgen::as_async_generator(o).is_some() {
        o.to_owned()
    } else {
        match crate::types::instance::call_dunder(o, "__aiter__", &[])? {
            Some(it) => it,
            None => {
                return Err(PyErr::type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    o.type_().name()
                )));
            }
        }
    };
    if !has_anext(it.as_ref()) {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: \
             {}",
            it.type_().name()
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
pub fn get_anext(aiter: ObjectRef<'_>) -> PyResult<Object> {
    if crate::types::asyncgen::as_async_generator(aiter).is_some() {
        return crate::types::asyncgen::anext(aiter);
    }
    let Some(next) = crate::types::instance::call_dunder(aiter, "__anext__", &[])? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.type_().name()
        )));
    };
    get_awaitable_iter(next.as_ref()).map_err(|cause| {
        let e = PyErr::type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            next.type_().name()
        ));
        set_cause(&e, cause);
        e
    })
}

/// Chains `cause` as both `__cause__` and `__context__` of `e` (CPython's
/// `_PyErr_FormatFromCause`).
pub(crate) fn set_cause(e: &PyErr, cause: PyErr) {
    let Some(p) = e.instance().payload::<ExcPayload>() else { return };
    let c = cause.into_instance();
    let old = p.cause.replace(Some(c.clone()));
    drop(old);
    let old = p.context.replace(Some(c));
    drop(old);
    p.suppress_context.set(true);
}

fn coro_await(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("__await__")?;
    a.count("__await__", 0, 0)?;
    let me = s.expect("self");
    Ok(new_object(&CORO_WRAPPER_TYPE.0, WrapperPayload { coro: me.to_owned() }))
}

fn coro_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(r) = common_getattr(o, name, "cr_") {
        return r;
    }
    if Str::new(name).and_then(|s| s.as_str()) == Some("cr_origin") {
        return Ok(none());
    }
    crate::attr::generic_getattr(o, name)
}

fn wrapper_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn wrapper_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = wrapped(o).expect("coroutine_wrapper");
    match resume_core(p, none(), None, false)? {
        Sent::Yielded(v) => Ok(Some(v)),
        Sent::Returned(v) if crate::types::singletons::is_none(v.as_ref()) => Ok(None),
        Sent::Returned(v) => Err(stop_iteration(v)),
    }
}

fn wrapper_coro(s: Option<ObjectRef<'_>>) -> Option<ObjectRef<'_>> {
    s.and_then(|w| w.payload::<WrapperPayload>()).map(|w| w.coro.as_ref())
}

fn wrapper_send(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    gen_send(wrapper_coro(s), a, kw)
}

fn wrapper_throw(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = wrapper_coro(s).and_then(core).expect("coroutine");
    let err = throw_args("throw", a, kw)?;
    yielded(throw_into(p, err, true))
}

fn wrapper_close(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let _ = (a, kw);
    close_gen(wrapper_coro(s).and_then(core).expect("coroutine"))
}

fn wrapper_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(w) = o.payload::<WrapperPayload>() {
        visit(w.coro.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead coroutine.
unsafe fn coro_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: coroutines carry a `CoroutinePayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<CoroutinePayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead coroutine wrapper.
unsafe fn wrapper_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: coroutine wrappers carry a `WrapperPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<WrapperPayload>(obj) }
}

fn reg(ty: &'static PyType, methods: &[(&'static str, NativeFn)]) {
    for (n, f) in methods {
        let _ =
            crate::types::typelookup::register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
}

pub(crate) fn register_methods() {
    reg(
        &COROUTINE_TYPE.0,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close_method),
            ("__await__", coro_await),
        ],
    );
    reg(
        &CORO_WRAPPER_TYPE.0,
        &[("send", wrapper_send), ("throw", wrapper_throw), ("close", wrapper_close)],
    );
    register_anext_methods();
}

pub static COROUTINE_TYPE: StaticType = StaticType(PyType::new_static(
    "coroutine",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<CoroutinePayload>(),
    0,
    TypeFlags::HAVE_GC,
    642,
    coro_dealloc,
    Some(crate::types::generator::gen_traverse),
    Slots {
        repr: slot(crate::types::generator::generator_like_repr as UnaryFn),
        getattr: slot(coro_getattr as GetAttrFn),
        clear: slot(crate::types::generator::gen_clear as crate::types::typeobject::ClearFn),
        finalize: slot(
            crate::types::generator::gen_finalize as crate::types::typeobject::FinalizeFn,
        ),
        ..crate::types::object::object_slots()
    },
));

pub static CORO_WRAPPER_TYPE: StaticType = StaticType(PyType::new_static(
    "coroutine_wrapper",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WrapperPayload>(),
    0,
    TypeFlags::HAVE_GC,
    643,
    wrapper_dealloc,
    Some(wrapper_traverse),
    Slots {
        iter: slot(wrapper_self as UnaryFn),
        iternext: slot(wrapper_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));

/// `aiter(obj)`.
pub(crate) fn builtin_aiter(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("aiter")?;
    a.count("aiter", 1, 1)?;
    let o = args[0].as_ref();
    if crate::types::asyncgen::as_async_generator(o).is_some() {
        return Ok(o.to_owned());
    }
    let Some(it) = crate::types::instance::call_dunder(o, "__aiter__", &[])? else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            o.type_().name()
        )));
    };
    if !has_anext(it.as_ref()) {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            it.type_().name()
        )));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`: the awaitable of `__anext__()`, wrapped to give `default`
/// when it raises StopAsyncIteration.
pub(crate) fn builtin_anext(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("anext")?;
    a.count("anext", 1, 2)?;
    let o = args[0].as_ref();
    if !has_anext(o) {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            o.type_().name()
        )));
    }
    let awaitable = if crate::types::asyncgen::as_async_generator(o).is_some() {
        crate::types::asyncgen::anext(o)?
    } else {
        crate::types::instance::call_dunder(o, "__anext__", &[])?.unwrap_or_else(none)
    };
    match args.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(new_object(
            &ANEXT_AWAITABLE_TYPE.0,
            AnextPayload {
                wrapped: awaitable,
                default: d.clone(),
                iter: std::cell::RefCell::new(None),
            },
        )),
    }
}

/// `anext(it, default)`'s awaitable.
pub struct AnextPayload {
    wrapped: Object,
    default: Object,
    iter: std::cell::RefCell<Option<Object>>,
}

// SAFETY: built only by `builtin_anext` with an `AnextPayload`.
unsafe impl PyPayload for AnextPayload {
    fn type_object() -> &'static PyType {
        &ANEXT_AWAITABLE_TYPE.0
    }
}

fn anext_iter(p: &AnextPayload) -> PyResult<Object> {
    if let Some(it) = p.iter.borrow().clone() {
        return Ok(it);
    }
    let it = get_awaitable_iter(p.wrapped.as_ref())?;
    *p.iter.borrow_mut() = Some(it.clone());
    Ok(it)
}

/// Turns the StopAsyncIteration of the wrapped awaitable into StopIteration(default).
fn anext_result(p: &AnextPayload, r: PyResult<Sent>) -> PyResult<Object> {
    match r {
        Ok(Sent::Yielded(v)) => Ok(v),
        Ok(Sent::Returned(v)) => Err(stop_iteration(v)),
        Err(e) if e.matches(&crate::types::exceptions::STOP_ASYNC_ITERATION) => {
            Err(stop_iteration(p.default.clone()))
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn anext_send(o: ObjectRef<'_>, v: &Object) -> Option<PyResult<Object>> {
    let p = o.payload::<AnextPayload>()?;
    Some(
        anext_iter(p).and_then(|it| {
            anext_result(p, crate::types::generator::send_to(it.as_ref(), v.clone()))
        }),
    )
}

fn anext_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match anext_send(o, &none()).expect("anext_awaitable") {
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e),
    }
}

fn anext_send_method(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = Args::new(a, kw);
    args.count("send", 1, 1)?;
    anext_send(s.expect("self"), &a[0]).expect("anext_awaitable")
}

fn anext_throw_method(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = s.expect("self");
    let p = me.payload::<AnextPayload>().expect("anext_awaitable");
    let err = throw_args("throw", a, kw)?;
    let it = anext_iter(p)?;
    let r = if let Some(g) = core(it.as_ref()) {
        throw_into(g, err, true)
    } else if let Some(r) = native_throw(it.as_ref(), &err) {
        r.map(Sent::Yielded)
    } else {
        let m = crate::attr::getattr(it.as_ref(), crate::types::str::intern("throw").as_ref())?;
        crate::ops::call(m.as_ref(), &[err.into_instance()], None).map(Sent::Yielded)
    };
    anext_result(p, r)
}

fn anext_close_method(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = s.expect("self").payload::<AnextPayload>().expect("anext_awaitable");
    if let Some(it) = p.iter.borrow().clone()
        && let Some(g) = core(it.as_ref())
    {
        close_gen(g)?;
    }
    Ok(none())
}

fn anext_await(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(s.expect("self").to_owned())
}

fn anext_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(p) = o.payload::<AnextPayload>() {
        visit(p.wrapped.as_ref());
        visit(p.default.as_ref());
        if let Some(i) = p.iter.borrow().as_ref() {
            visit(i.as_ref());
        }
    }
}

/// # Safety
/// Called only by the deallocation path on a dead `anext_awaitable`.
unsafe fn anext_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `anext_awaitable`s carry an `AnextPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<AnextPayload>(obj) }
}

pub(crate) fn register_anext_methods() {
    reg(
        &ANEXT_AWAITABLE_TYPE.0,
        &[
            ("send", anext_send_method),
            ("throw", anext_throw_method),
            ("close", anext_close_method),
            ("__await__", anext_await),
        ],
    );
}

pub static ANEXT_AWAITABLE_TYPE: StaticType = StaticType(PyType::new_static(
    "anext_awaitable",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AnextPayload>(),
    0,
    TypeFlags::HAVE_GC,
    650,
    anext_dealloc,
    Some(anext_traverse),
    Slots {
        iter: slot(wrapper_self as UnaryFn),
        iternext: slot(anext_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));
