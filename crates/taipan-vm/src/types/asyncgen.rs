//! `async_generator` and its awaitables `async_generator_asend` (`__anext__`, `asend`) and
//! `async_generator_athrow` (`athrow`, `aclose`), with the wrapped-value protocol: an async
//! generator's own `yield` wraps its value (`INTRINSIC_ASYNC_GEN_WRAP`), so the awaitable can
//! tell it from a value yielded by an `await` inside it, which passes through to the event
//! loop. Also `sys.set_asyncgen_hooks`' per-thread state.

use std::cell::{Cell, RefCell};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::exceptions::{
    GENERATOR_EXIT, RUNTIME_ERROR, STOP_ASYNC_ITERATION, STOP_ITERATION, new_exception,
};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::generator::{
    GeneratorPayload, Sent, common_getattr, resume_core, stop_iteration, throw_args, throw_into,
};
use crate::types::singletons::{is_none, none};
use crate::types::str::Str;
use crate::types::tuple::empty_tuple;
use crate::types::typeobject::{
    GetAttrFn, IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct AsyncGenPayload {
    pub(crate) genp: GeneratorPayload,
    /// An `asend`/`athrow` awaitable is driving the generator (`ag_running`).
    running_async: Cell<bool>,
    /// Returned, raised StopAsyncIteration/GeneratorExit, or `aclose()` started.
    closed: Cell<bool>,
    hooks_inited: Cell<bool>,
    finalizer: RefCell<Option<Object>>,
}

// SAFETY: async generators are built only by `new_async_generator` with an `AsyncGenPayload`.
unsafe impl PyPayload for AsyncGenPayload {
    fn type_object() -> &'static PyType {
        &ASYNC_GENERATOR_TYPE.0
    }
}

pub(crate) fn new_async_generator(genp: GeneratorPayload) -> Object {
    new_object(
        &ASYNC_GENERATOR_TYPE.0,
        AsyncGenPayload {
            genp,
            running_async: Cell::new(false),
            closed: Cell::new(false),
            hooks_inited: Cell::new(false),
            finalizer: RefCell::new(None),
        },
    )
}

pub fn as_async_generator(o: ObjectRef<'_>) -> Option<&AsyncGenPayload> {
    o.payload::<AsyncGenPayload>()
}

/// A value yielded by the async generator's own `yield`.
pub struct WrappedPayload {
    value: Object,
}

// SAFETY: wrapped values are built only by `wrap_value` with a `WrappedPayload`.
unsafe impl PyPayload for WrappedPayload {
    fn type_object() -> &'static PyType {
        &WRAPPED_VALUE_TYPE.0
    }
}

/// `INTRINSIC_ASYNC_GEN_WRAP`.
pub fn wrap_value(value: Object) -> Object {
    new_object(&WRAPPED_VALUE_TYPE.0, WrappedPayload { value })
}

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

pub struct AsendPayload {
    genp: Object,
    sendval: Object,
    state: Cell<u8>,
}

// SAFETY: built only by `new_asend` with an `AsendPayload`.
unsafe impl PyPayload for AsendPayload {
    fn type_object() -> &'static PyType {
        &ASEND_TYPE.0
    }
}

pub struct AthrowPayload {
    genp: Object,
    /// The exception to throw; `None` for `aclose()`.
    exc: RefCell<Option<Object>>,
    is_close: bool,
    state: Cell<u8>,
}

// SAFETY: built only by `new_athrow` with an `AthrowPayload`.
unsafe impl PyPayload for AthrowPayload {
    fn type_object() -> &'static PyType {
        &ATHROW_TYPE.0
    }
}

fn ag(o: &Object) -> &AsyncGenPayload {
    as_async_generator(o.as_ref()).expect("async generator")
}

/// The awaitables here have an `__await__` that returns themselves.
pub(crate) fn is_awaitable(o: ObjectRef<'_>) -> bool {
    o.payload::<AsendPayload>().is_some() || o.payload::<AthrowPayload>().is_some()
}

fn new_err(ty: &'static StaticType) -> PyErr {
    PyErr::from_instance(new_exception(&ty.0, empty_tuple()))
}

thread_local! {
    /// Per thread, as CPython's; emptied by a thread before it ends.
    static HOOKS: crate::gil::PerThread<(Option<Object>, Option<Object>)> =
        const { crate::gil::PerThread::new((None, None)) };
}

/// Forgets this thread's hooks (a thread does, with the GIL held, before it ends).
pub fn clear_thread_hooks() {
    let old = HOOKS.with(|h| h.take());
    drop(old);
}

/// `sys.get_asyncgen_hooks()`'s two values.
pub fn get_hooks() -> (Object, Object) {
    HOOKS.with(|h| {
        let h = h.borrow();
        (h.0.clone().unwrap_or_else(none), h.1.clone().unwrap_or_else(none))
    })
}

/// `sys.set_asyncgen_hooks(firstiter, finalizer)`: `None` given for either is unchanged unless
/// passed (`Some(None-object)` clears it).
pub fn set_hooks(firstiter: Option<Object>, finalizer: Option<Object>) -> PyResult<()> {
    for (name, v) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(v) = v
            && !is_none(v.as_ref())
            && v.type_().slots.call.get().is_none()
        {
            return Err(PyErr::type_error(format!(
                "callable {name} expected, got {}",
                v.type_().name()
            )));
        }
    }
    let keep = |v: Object| if is_none(v.as_ref()) { None } else { Some(v) };
    let old = HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        let a = firstiter.map(|f| std::mem::replace(&mut h.0, keep(f)));
        let b = finalizer.map(|f| std::mem::replace(&mut h.1, keep(f)));
        (a, b)
    });
    drop(old);
    Ok(())
}

/// CPython's `async_gen_init_hooks`: on first use, remember the finalizer and call firstiter.
fn init_hooks(o: ObjectRef<'_>) -> PyResult<()> {
    let p = as_async_generator(o).expect("async generator");
    if p.hooks_inited.replace(true) {
        return Ok(());
    }
    let (first, fin) = HOOKS.with(|h| h.borrow().clone());
    *p.finalizer.borrow_mut() = fin;
    if let Some(f) = first {
        crate::ops::call(f.as_ref(), &[o.to_owned()], None)?;
    }
    Ok(())
}

/// CPython's `async_gen_unwrap_value`: a wrapped value ends the awaitable with
/// StopIteration(value); a plain one passes through to whoever drives it.
fn unwrap(p: &AsyncGenPayload, r: PyResult<Sent>) -> PyResult<Object> {
    match r {
        Ok(Sent::Yielded(v)) => match v.payload::<WrappedPayload>() {
            Some(w) => {
                p.running_async.set(false);
                Err(stop_iteration(w.value.clone()))
            }
            None => Ok(v),
        },
        Ok(Sent::Returned(_)) => {
            p.closed.set(true);
            p.running_async.set(false);
            Err(new_err(&STOP_ASYNC_ITERATION))
        }
        Err(e) => {
            if e.matches(&STOP_ASYNC_ITERATION) || e.matches(&GENERATOR_EXIT) {
                p.closed.set(true);
            }
            p.running_async.set(false);
            Err(e)
        }
    }
}

fn asend_send(o: ObjectRef<'_>, arg: &Object) -> PyResult<Object> {
    let a = o.payload::<AsendPayload>().expect("asend");
    let p = ag(&a.genp);
    if a.state.get() == CLOSED {
        return Err(PyErr::new(&RUNTIME_ERROR, "cannot reuse already awaited __anext__()/asend()"));
    }
    let mut arg = arg.clone();
    if a.state.get() == INIT {
        if p.running_async.get() {
            a.state.set(CLOSED);
            return Err(PyErr::new(
                &RUNTIME_ERROR,
                "anext(): asynchronous generator is already running",
            ));
        }
        if is_none(arg.as_ref()) {
            arg = a.sendval.clone();
        }
        a.state.set(ITER);
    }
    p.running_async.set(true);
    let r = unwrap(p, resume_core(&p.genp, arg, None, false));
    if r.is_err() {
        a.state.set(CLOSED);
    }
    r
}

fn asend_throw(o: ObjectRef<'_>, err: PyErr) -> PyResult<Object> {
    let a = o.payload::<AsendPayload>().expect("asend");
    let p = ag(&a.genp);
    if a.state.get() == CLOSED {
        return Err(PyErr::new(&RUNTIME_ERROR, "cannot reuse already awaited __anext__()/asend()"));
    }
    if a.state.get() == INIT {
        if p.running_async.get() {
            a.state.set(CLOSED);
            return Err(PyErr::new(
                &RUNTIME_ERROR,
                "anext(): asynchronous generator is already running",
            ));
        }
        a.state.set(ITER);
        p.running_async.set(true);
    }
    let r = unwrap(p, throw_into(&p.genp, err, false));
    if r.is_err() {
        a.state.set(CLOSED);
    }
    r
}

fn athrow_finish(t: &AthrowPayload, p: &AsyncGenPayload, r: PyResult<Object>) -> PyResult<Object> {
    p.running_async.set(false);
    t.state.set(CLOSED);
    match r {
        Err(e)
            if t.is_close && (e.matches(&STOP_ASYNC_ITERATION) || e.matches(&GENERATOR_EXIT)) =>
        {
            Err(new_err(&STOP_ITERATION))
        }
        r => r,
    }
}

fn ignored_exit(t: &AthrowPayload, p: &AsyncGenPayload) -> PyErr {
    p.running_async.set(false);
    t.state.set(CLOSED);
    PyErr::new(&RUNTIME_ERROR, "async generator ignored GeneratorExit")
}

/// The outcome of the generator in `aclose()` mode: yielding its own value means it ignored
/// GeneratorExit; a value from an inner `await` passes through.
fn close_mode(t: &AthrowPayload, p: &AsyncGenPayload, r: PyResult<Sent>) -> PyResult<Object> {
    match r {
        Ok(Sent::Yielded(v)) if v.payload::<WrappedPayload>().is_some() => Err(ignored_exit(t, p)),
        Ok(Sent::Yielded(v)) => Ok(v),
        Ok(Sent::Returned(_)) => athrow_finish(t, p, Err(new_err(&STOP_ASYNC_ITERATION))),
        Err(e) => athrow_finish(t, p, Err(e)),
    }
}

fn athrow_send(o: ObjectRef<'_>, arg: &Object) -> PyResult<Object> {
    let t = o.payload::<AthrowPayload>().expect("athrow");
    let p = ag(&t.genp);
    if t.state.get() == CLOSED {
        return Err(PyErr::new(&RUNTIME_ERROR, "cannot reuse already awaited aclose()/athrow()"));
    }
    if p.genp.is_finished() {
        t.state.set(CLOSED);
        return Err(new_err(&STOP_ITERATION));
    }
    if t.state.get() == INIT {
        if p.running_async.get() {
            t.state.set(CLOSED);
            let which = if t.is_close { "aclose" } else { "athrow" };
            return Err(PyErr::new(
                &RUNTIME_ERROR,
                format!("{which}(): asynchronous generator is already running"),
            ));
        }
        if p.closed.get() {
            t.state.set(CLOSED);
            return Err(new_err(&STOP_ASYNC_ITERATION));
        }
        if !is_none(arg.as_ref()) {
            return Err(PyErr::new(
                &RUNTIME_ERROR,
                "can't send non-None value to a just-started coroutine",
            ));
        }
        t.state.set(ITER);
        p.running_async.set(true);
        if t.is_close {
            p.closed.set(true);
            let exit = new_err(&GENERATOR_EXIT);
            return close_mode(t, p, throw_into(&p.genp, exit, false));
        }
        let exc = t.exc.borrow().clone().expect("athrow exception");
        let r = unwrap(p, throw_into(&p.genp, PyErr::from_instance(exc), false));
        return match r {
            Ok(v) => Ok(v),
            Err(e) => athrow_finish(t, p, Err(e)),
        };
    }
    let r = resume_core(&p.genp, arg.clone(), None, false);
    if t.is_close {
        return close_mode(t, p, r);
    }
    unwrap(p, r)
}

fn athrow_throw(o: ObjectRef<'_>, err: PyErr) -> PyResult<Object> {
    let t = o.payload::<AthrowPayload>().expect("athrow");
    let p = ag(&t.genp);
    if t.state.get() == CLOSED {
        return Err(PyErr::new(&RUNTIME_ERROR, "cannot reuse already awaited aclose()/athrow()"));
    }
    if t.state.get() == INIT {
        t.state.set(ITER);
        p.running_async.set(true);
    }
    let r = throw_into(&p.genp, err, true);
    if t.is_close {
        return close_mode(t, p, r);
    }
    let r = unwrap(p, r);
    if r.is_err() {
        p.running_async.set(false);
        t.state.set(CLOSED);
    }
    r
}

/// `SEND` to an `asend`/`athrow` awaitable.
pub(crate) fn native_send(receiver: ObjectRef<'_>, v: &Object) -> Option<PyResult<Object>> {
    if receiver.payload::<AsendPayload>().is_some() {
        return Some(asend_send(receiver, v));
    }
    if receiver.payload::<AthrowPayload>().is_some() {
        return Some(athrow_send(receiver, v));
    }
    None
}

/// `throw` into an `asend`/`athrow` awaitable.
pub(crate) fn native_throw(receiver: ObjectRef<'_>, err: PyErr) -> Option<PyResult<Object>> {
    if receiver.payload::<AsendPayload>().is_some() {
        return Some(asend_throw(receiver, err));
    }
    if receiver.payload::<AthrowPayload>().is_some() {
        return Some(athrow_throw(receiver, err));
    }
    None
}

fn new_asend(genp: ObjectRef<'_>, sendval: Object) -> Object {
    new_object(
        &ASEND_TYPE.0,
        AsendPayload { genp: genp.to_owned(), sendval, state: Cell::new(INIT) },
    )
}

/// `agen.__anext__()` (also `GET_ANEXT`).
pub fn anext(o: ObjectRef<'_>) -> PyResult<Object> {
    init_hooks(o)?;
    Ok(new_asend(o, none()))
}

fn me<'a>(s: Option<ObjectRef<'a>>) -> PyResult<ObjectRef<'a>> {
    s.filter(|o| as_async_generator(*o).is_some())
        .ok_or_else(|| PyErr::type_error("descriptor requires an 'async_generator' object"))
}

fn ag_anext(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(a, kw).count("__anext__", 0, 0)?;
    anext(me(s)?)
}

fn ag_aiter(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(a, kw).count("__aiter__", 0, 0)?;
    Ok(me(s)?.to_owned())
}

fn ag_asend(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let args = Args::new(a, kw);
    args.no_kw_at_all("asend")?;
    args.count("asend", 1, 1)?;
    let o = me(s)?;
    init_hooks(o)?;
    Ok(new_asend(o, a[0].clone()))
}

fn ag_athrow(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = me(s)?;
    let err = throw_args("athrow", a, kw)?;
    init_hooks(o)?;
    Ok(new_object(
        &ATHROW_TYPE.0,
        AthrowPayload {
            genp: o.to_owned(),
            exc: RefCell::new(Some(err.into_instance())),
            is_close: false,
            state: Cell::new(INIT),
        },
    ))
}

fn ag_aclose(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, kw).count("aclose", 0, 0)?;
    let o = me(s)?;
    init_hooks(o)?;
    Ok(new_object(
        &ATHROW_TYPE.0,
        AthrowPayload {
            genp: o.to_owned(),
            exc: RefCell::new(None),
            is_close: true,
            state: Cell::new(INIT),
        },
    ))
}

/// `finalize`: an async generator that dies unfinished goes to the finalizer hook it was
/// started under (the event loop schedules its `aclose()`), else it is closed here.
fn ag_finalize(o: ObjectRef<'_>) {
    let Some(p) = as_async_generator(o) else { return };
    let fin = p.finalizer.borrow().clone();
    if let Some(f) = fin
        && !p.closed.get()
    {
        if let Err(e) = crate::ops::call(f.as_ref(), &[o.to_owned()], None) {
            crate::gc::write_unraisable(e, "Exception ignored while finalizing generator", Some(o));
        }
        return;
    }
    crate::types::generator::gen_finalize(o);
}

fn ag_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if Str::new(name).and_then(|s| s.as_str()) == Some("ag_running") {
        let p = as_async_generator(o).expect("async generator");
        return Ok(crate::types::bool::py_bool(p.running_async.get()));
    }
    match common_getattr(o, name, "ag_") {
        Some(r) => r,
        None => crate::attr::generic_getattr(o, name),
    }
}

fn awaitable_self(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn awaitable_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match native_send(o, &none()).expect("awaitable") {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if e.matches(&STOP_ITERATION)
                && is_none(crate::types::generator::stop_iteration_value(&e).as_ref()) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn aw_send(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let args = Args::new(a, kw);
    args.no_kw_at_all("send")?;
    args.count("send", 1, 1)?;
    native_send(s.expect("self"), &a[0]).expect("awaitable")
}

fn aw_throw(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let err = throw_args("throw", a, kw)?;
    native_throw(s.expect("self"), err).expect("awaitable")
}

fn aw_close(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(a, kw).count("close", 0, 0)?;
    let o = s.expect("self");
    if let Some(t) = o.payload::<AthrowPayload>() {
        t.state.set(CLOSED);
        return Ok(none());
    }
    let r = native_throw(o, new_err(&GENERATOR_EXIT)).expect("awaitable");
    match r {
        Ok(_) => Err(PyErr::new(&RUNTIME_ERROR, "coroutine ignored GeneratorExit")),
        Err(e)
            if e.matches(&STOP_ITERATION)
                || e.matches(&STOP_ASYNC_ITERATION)
                || e.matches(&GENERATOR_EXIT) =>
        {
            Ok(none())
        }
        Err(e) => Err(e),
    }
}

fn aw_await(s: Option<ObjectRef<'_>>, a: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(a, kw).count("__await__", 0, 0)?;
    Ok(s.expect("self").to_owned())
}

fn ag_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    crate::types::generator::gen_traverse(o, visit);
    if let Some(p) = as_async_generator(o)
        && let Some(f) = p.finalizer.borrow().as_ref()
    {
        visit(f.as_ref());
    }
}

fn aw_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(a) = o.payload::<AsendPayload>() {
        visit(a.genp.as_ref());
        visit(a.sendval.as_ref());
    }
    if let Some(t) = o.payload::<AthrowPayload>() {
        visit(t.genp.as_ref());
        if let Some(e) = t.exc.borrow().as_ref() {
            visit(e.as_ref());
        }
    }
}

fn wrapped_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(w) = o.payload::<WrappedPayload>() {
        visit(w.value.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead async generator.
unsafe fn ag_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: async generators carry an `AsyncGenPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<AsyncGenPayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead `asend` awaitable.
unsafe fn asend_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `asend` awaitables carry an `AsendPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<AsendPayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead `athrow` awaitable.
unsafe fn athrow_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `athrow` awaitables carry an `AthrowPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<AthrowPayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead wrapped value.
unsafe fn wrapped_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: wrapped values carry a `WrappedPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<WrappedPayload>(obj) }
}

fn reg(ty: &'static PyType, methods: &[(&'static str, NativeFn)]) {
    for (n, f) in methods {
        let _ =
            crate::types::typelookup::register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
}

pub(crate) fn register_methods() {
    reg(
        &ASYNC_GENERATOR_TYPE.0,
        &[
            ("__aiter__", ag_aiter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
        ],
    );
    for ty in [&ASEND_TYPE.0, &ATHROW_TYPE.0] {
        reg(
            ty,
            &[("send", aw_send), ("throw", aw_throw), ("close", aw_close), ("__await__", aw_await)],
        );
    }
}

pub static ASYNC_GENERATOR_TYPE: StaticType = StaticType(PyType::new_static(
    "async_generator",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AsyncGenPayload>(),
    0,
    TypeFlags::HAVE_GC,
    644,
    ag_dealloc,
    Some(ag_traverse),
    Slots {
        repr: slot(crate::types::generator::generator_like_repr as UnaryFn),
        getattr: slot(ag_getattr as GetAttrFn),
        clear: slot(crate::types::generator::gen_clear as crate::types::typeobject::ClearFn),
        finalize: slot(ag_finalize as crate::types::typeobject::FinalizeFn),
        ..crate::types::object::object_slots()
    },
));

pub static ASEND_TYPE: StaticType = StaticType(PyType::new_static(
    "async_generator_asend",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AsendPayload>(),
    0,
    TypeFlags::HAVE_GC,
    645,
    asend_dealloc,
    Some(aw_traverse),
    Slots {
        iter: slot(awaitable_self as UnaryFn),
        iternext: slot(awaitable_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));

pub static ATHROW_TYPE: StaticType = StaticType(PyType::new_static(
    "async_generator_athrow",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AthrowPayload>(),
    0,
    TypeFlags::HAVE_GC,
    646,
    athrow_dealloc,
    Some(aw_traverse),
    Slots {
        iter: slot(awaitable_self as UnaryFn),
        iternext: slot(awaitable_next as IterNextFn),
        ..crate::types::object::object_slots()
    },
));

pub static WRAPPED_VALUE_TYPE: StaticType = StaticType(PyType::new_static(
    "async_generator_wrapped_value",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WrappedPayload>(),
    0,
    TypeFlags::HAVE_GC,
    647,
    wrapped_dealloc,
    Some(wrapped_traverse),
    Slots { ..crate::types::object::object_slots() },
));

/// `sys.get_asyncgen_hooks()`: `(firstiter, finalizer)` (a plain tuple: struct sequences are
/// not built yet).
pub(crate) fn sys_get_asyncgen_hooks(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, kw).count("get_asyncgen_hooks", 0, 0)?;
    let (f, g) = get_hooks();
    Ok(crate::types::tuple::new_tuple(vec![f, g]))
}

/// `sys.set_asyncgen_hooks([firstiter[, finalizer]])`: only the hooks passed change.
pub(crate) fn sys_set_asyncgen_hooks(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut args = Args::new(a, kw);
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "function takes at most 2 arguments ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let mut firstiter = args.pos.first().cloned();
    let mut finalizer = args.pos.get(1).cloned();
    if let Some(v) = args.take_kw("firstiter") {
        firstiter = Some(v.clone());
    }
    if let Some(v) = args.take_kw("finalizer") {
        finalizer = Some(v.clone());
    }
    args.no_kw("set_asyncgen_hooks")?;
    set_hooks(firstiter, finalizer)?;
    Ok(none())
}
