//! `generator`: a suspended Python frame. `RETURN_GENERATOR` moves the new frame out of the frame
//! stack into a generator; each `send`/`next` runs it in a fresh activation of the eval loop
//! until `YIELD_VALUE` moves it back out (`frame::SuspendedFrame`) or it returns.
//!
//! The machinery here (`GeneratorPayload`, `resume`, `throw_into`, `close_gen`) is shared with
//! coroutines (`types/coroutine.rs`) and async generators (`types/asyncgen.rs`), whose payloads
//! embed a `GeneratorPayload`; `core` finds it in any of the three.

use std::cell::{Cell, RefCell};

use taipan_bytecode::code::{CO_ASYNC_GENERATOR, CO_COROUTINE};
use taipan_bytecode::opcodes::{RETURN_GENERATOR, YIELD_VALUE};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::frame::SuspendedFrame;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::code::as_code;
use crate::types::exceptions::{
    ATTRIBUTE_ERROR, GENERATOR_EXIT, RUNTIME_ERROR, STOP_ASYNC_ITERATION, STOP_ITERATION,
    VALUE_ERROR, new_exception,
};
use crate::types::function::new_method_descriptor;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::{empty_tuple, new_tuple};
use crate::types::typeobject::{
    GetAttrFn, IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

/// Which of the three generator-like types a frame belongs to (from its code flags).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Generator,
    Coroutine,
    AsyncGen,
}

impl Kind {
    /// The noun CPython's messages use.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGen => "async generator",
        }
    }
}

pub struct GeneratorPayload {
    /// The suspended frame; `None` while running or once finished.
    frame: RefCell<Option<SuspendedFrame>>,
    running: Cell<bool>,
    pub(crate) code: Object,
    pub(crate) kind: Kind,
    /// The exception being handled inside the generator while it is suspended (a `Cell`: each
    /// resumption takes it out and each suspension puts it back, without a borrow flag).
    exc_state: Cell<Option<Object>>,
}

// SAFETY: generators are built only by `new_generator` with a `GeneratorPayload`.
unsafe impl PyPayload for GeneratorPayload {
    fn type_object() -> &'static PyType {
        &GENERATOR_TYPE.0
    }
}

impl GeneratorPayload {
    pub(crate) fn new(frame: SuspendedFrame, kind: Kind) -> GeneratorPayload {
        let code = frame.frame().code.clone();
        GeneratorPayload {
            frame: RefCell::new(Some(frame)),
            running: Cell::new(false),
            code,
            kind,
            exc_state: Cell::new(None),
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.get()
    }

    /// The frame has returned, raised or been closed.
    pub fn is_finished(&self) -> bool {
        !self.running.get() && self.frame.borrow().is_none()
    }

    /// Not started yet (right after `RETURN_GENERATOR`).
    pub fn is_fresh(&self) -> bool {
        self.frame.borrow().as_ref().is_some_and(is_fresh)
    }

    /// Suspended at a `yield` (started and not finished).
    pub fn is_suspended(&self) -> bool {
        self.frame.borrow().as_ref().is_some_and(|f| !is_fresh(f))
    }

    /// The iterator this frame is delegating to (`yield from`, `await`), when suspended in one:
    /// a `YIELD_VALUE` with oparg 1 leaves the receiver on top of the stack.
    pub fn yield_from(&self) -> Option<Object> {
        let f = self.frame.borrow();
        let f = f.as_ref()?;
        let code = as_code(f.frame().code.as_ref())?;
        let u = code.units.get(f.frame().lasti)?;
        if u.op == YIELD_VALUE && u.arg == 1 { f.values().last().cloned().flatten() } else { None }
    }

    /// A snapshot of the frame (`gi_frame`, `cr_frame`, `ag_frame`): `None` once finished.
    pub fn frame_object(&self) -> Object {
        match self.frame.borrow().as_ref() {
            Some(f) => crate::types::traceback_obj::new_frame_snapshot(
                f.frame().code.clone(),
                f.frame().lasti as u32,
                Some(f.frame().globals.clone()),
            ),
            None => none(),
        }
    }

    /// Drops the frame (closing an unstarted generator, or a finished close).
    pub(crate) fn clear(&self) {
        let old = self.frame.borrow_mut().take();
        drop(old);
    }
}

/// Makes the generator, coroutine or async generator that `RETURN_GENERATOR` returns, chosen by
/// the code's flags.
pub fn new_generator(frame: SuspendedFrame) -> Object {
    let flags = as_code(frame.frame().code.as_ref()).map_or(0, |c| c.flags());
    if flags & CO_COROUTINE != 0 {
        let p = GeneratorPayload::new(frame, Kind::Coroutine);
        return crate::types::coroutine::new_coroutine(p);
    }
    if flags & CO_ASYNC_GENERATOR != 0 {
        let p = GeneratorPayload::new(frame, Kind::AsyncGen);
        return crate::types::asyncgen::new_async_generator(p);
    }
    new_object(&GENERATOR_TYPE.0, GeneratorPayload::new(frame, Kind::Generator))
}

pub fn as_generator(o: ObjectRef<'_>) -> Option<&GeneratorPayload> {
    o.payload::<GeneratorPayload>()
}

/// The generator machinery of a generator, coroutine or async generator.
pub fn core(o: ObjectRef<'_>) -> Option<&GeneratorPayload> {
    if let Some(p) = as_generator(o) {
        return Some(p);
    }
    if let Some(p) = crate::types::coroutine::as_coroutine(o) {
        return Some(p);
    }
    crate::types::asyncgen::as_async_generator(o).map(|a| &a.genp)
}

/// How a resumed generator (or `SEND`'s receiver) gave control back.
pub enum Sent {
    Yielded(Object),
    Returned(Object),
}

/// Runs the generator until it yields or returns; `throw` raises an exception at the yield.
pub fn resume(generator: ObjectRef<'_>, value: Object, throw: Option<PyErr>) -> PyResult<Sent> {
    let p = core(generator).expect("generator");
    resume_core(p, value, throw, false)
}

/// `resume` on the payload; `closing` (from `close`) keeps an exhausted coroutine silent.
pub(crate) fn resume_core(
    p: &GeneratorPayload,
    value: Object,
    throw: Option<PyErr>,
    closing: bool,
) -> PyResult<Sent> {
    if p.running.get() {
        return Err(PyErr::new(&VALUE_ERROR, format!("{} already executing", p.kind.noun())));
    }
    if throw.is_none() && !is_none(value.as_ref()) && p.is_fresh() {
        return Err(PyErr::type_error(format!(
            "can't send non-None value to a just-started {}",
            p.kind.noun()
        )));
    }
    let Some(susp) = p.frame.borrow_mut().take() else {
        if p.kind == Kind::Coroutine && !closing {
            return Err(PyErr::new(&RUNTIME_ERROR, "cannot reuse already awaited coroutine"));
        }
        return match throw {
            Some(e) => Err(e),
            None => Ok(Sent::Returned(none())),
        };
    };
    if let Err(e) = crate::eval::enter_frame() {
        *p.frame.borrow_mut() = Some(susp);
        return Err(e);
    }
    // The generator's own stack (its frame at the bottom) runs as the activation.
    let mut stack = susp.stack;
    match throw {
        Some(e) => stack.throw = Some(e),
        None => stack.values.push(Some(value)),
    }
    p.running.set(true);
    // The generator's own handled exception (`gi_exc_state`) is current while it runs; the
    // caller's comes back when it yields or ends.
    // (The caller's reference moves out of the slot and back: no clone in the usual case.)
    let caller_exc = match p.exc_state.take() {
        Some(own) => crate::eval::set_current_exception(Some(own)),
        None => crate::eval::current_exception(),
    };
    let r = crate::eval::run::run(&mut stack);
    let now = crate::eval::restore_exception(caller_exc);
    let yielded = std::mem::replace(&mut stack.yielded, false);
    if yielded && now.is_some() {
        drop(p.exc_state.replace(now));
    } else {
        drop(now);
    }
    p.running.set(false);
    if yielded {
        *p.frame.borrow_mut() = Some(SuspendedFrame { stack });
    } else {
        // Returned or raised: the frame is gone and the stack is empty.
        stack.give_back();
    }
    match r {
        Ok(v) if yielded => Ok(Sent::Yielded(v)),
        Ok(v) => Ok(Sent::Returned(v)),
        Err(e) => Err(e),
    }
}

/// `StopIteration(v)` (no arguments for `None`), as a finished `send` raises it.
pub fn stop_iteration(v: Object) -> PyErr {
    let args = if is_none(v.as_ref()) { empty_tuple() } else { new_tuple(vec![v]) };
    PyErr::from_instance(new_exception(&STOP_ITERATION.0, args))
}

/// The `value` of a StopIteration.
pub fn stop_iteration_value(e: &PyErr) -> Object {
    crate::attr::getattr(e.instance(), crate::types::str::intern("value").as_ref())
        .unwrap_or_else(|_| none())
}

/// `SEND`: delegate to a generator or coroutine, to the awaitables of this crate, or to any
/// iterator (`send` of `None` is `next`).
pub fn send_to(receiver: ObjectRef<'_>, v: Object) -> PyResult<Sent> {
    if let Some(p) = core(receiver)
        && p.kind != Kind::AsyncGen
    {
        return resume_core(p, v, None, false);
    }
    if let Some(r) = crate::types::coroutine::native_send(receiver, &v) {
        return match r {
            Ok(x) => Ok(Sent::Yielded(x)),
            Err(e) if e.matches(&STOP_ITERATION) => Ok(Sent::Returned(stop_iteration_value(&e))),
            Err(e) => Err(e),
        };
    }
    if is_none(v.as_ref()) && receiver.type_().slots.iternext.get().is_some() {
        return Ok(match crate::ops::next(receiver)? {
            Some(x) => Sent::Yielded(x),
            None => Sent::Returned(none()),
        });
    }
    match crate::types::instance::call_dunder(receiver, "send", &[v]) {
        Ok(Some(x)) => Ok(Sent::Yielded(x)),
        Ok(None) => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute 'send'", receiver.type_().name()),
        )),
        Err(e) if e.matches(&STOP_ITERATION) => Ok(Sent::Returned(stop_iteration_value(&e))),
        Err(e) => Err(e),
    }
}

/// `throw(exc)` on a generator-like frame (CPython's `_gen_throw`): a frame suspended in
/// `yield from`/`await` passes the exception to the iterator it delegates to first (closing it
/// instead for GeneratorExit when `close_on_genexit`); whatever that raises is thrown here.
pub(crate) fn throw_into(
    p: &GeneratorPayload,
    err: PyErr,
    close_on_genexit: bool,
) -> PyResult<Sent> {
    if let Some(yf) = p.yield_from() {
        if err.matches(&GENERATOR_EXIT) && close_on_genexit {
            p.running.set(true);
            let r = close_iter(yf.as_ref());
            p.running.set(false);
            let err = match r {
                Ok(()) => err,
                Err(e) => e,
            };
            return resume_core(p, none(), Some(err), false);
        }
        let ret: PyResult<Sent> = if let Some(inner) = core(yf.as_ref())
            && inner.kind != Kind::AsyncGen
        {
            p.running.set(true);
            let r = throw_into(inner, err, close_on_genexit);
            p.running.set(false);
            match r {
                Ok(Sent::Returned(v)) => Err(stop_iteration(v)),
                r => r,
            }
        } else if let Some(r) = crate::types::coroutine::native_throw(yf.as_ref(), &err) {
            r.map(Sent::Yielded)
        } else {
            let key = crate::types::str::intern("throw");
            match crate::attr::getattr(yf.as_ref(), key.as_ref()) {
                Err(e) if e.matches(&ATTRIBUTE_ERROR) => {
                    return resume_core(p, none(), Some(err), false);
                }
                Err(e) => Err(e),
                Ok(m) => {
                    crate::ops::call(m.as_ref(), &[err.into_instance()], None).map(Sent::Yielded)
                }
            }
        };
        return match ret {
            Ok(Sent::Yielded(v)) => Ok(Sent::Yielded(v)),
            Ok(Sent::Returned(v)) => Ok(Sent::Yielded(v)),
            Err(e) => resume_core(p, none(), Some(e), false),
        };
    }
    resume_core(p, none(), Some(err), false)
}

/// Closes the iterator a frame delegates to: `close()` of a generator or coroutine, or its
/// `close` method if it has one.
fn close_iter(yf: ObjectRef<'_>) -> PyResult<()> {
    if let Some(inner) = core(yf)
        && inner.kind != Kind::AsyncGen
    {
        return close_gen(inner).map(drop);
    }
    let key = crate::types::str::intern("close");
    match crate::attr::getattr(yf, key.as_ref()) {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(()),
        Err(e) => Err(e),
        Ok(m) => crate::ops::call(m.as_ref(), &[], None).map(drop),
    }
}

/// `close()` (CPython's `gen_close`): throws GeneratorExit in; a value returned while closing is
/// the result.
pub(crate) fn close_gen(p: &GeneratorPayload) -> PyResult<Object> {
    if p.running.get() {
        return Err(PyErr::new(&VALUE_ERROR, format!("{} already executing", p.kind.noun())));
    }
    let state = p.frame.borrow().as_ref().map(is_fresh);
    match state {
        None => return Ok(none()),
        Some(true) => {}
        Some(false) => {
            let mut err = None;
            if let Some(yf) = p.yield_from() {
                p.running.set(true);
                let r = close_iter(yf.as_ref());
                p.running.set(false);
                err = r.err();
            }
            let exit = err.unwrap_or_else(|| {
                PyErr::from_instance(new_exception(&GENERATOR_EXIT.0, empty_tuple()))
            });
            return match resume_core(p, none(), Some(exit), true) {
                Ok(Sent::Yielded(_)) => {
                    let msg = match p.kind {
                        Kind::AsyncGen => "async generator ignored GeneratorExit".to_string(),
                        k => format!("{} ignored GeneratorExit", k.noun()),
                    };
                    Err(PyErr::new(&RUNTIME_ERROR, msg))
                }
                Ok(Sent::Returned(v)) => Ok(v),
                Err(e) if e.matches(&GENERATOR_EXIT) => Ok(none()),
                Err(e) if e.matches(&STOP_ITERATION) => Ok(stop_iteration_value(&e)),
                Err(e) => Err(e),
            };
        }
    }
    p.clear();
    Ok(none())
}

fn gen_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn gen_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match resume(o, none(), None)? {
        Sent::Yielded(v) => Ok(Some(v)),
        Sent::Returned(_) => Ok(None),
    }
}

/// `next()` of a generator (what `FOR_ITER` calls without going through the type's slot).
#[inline]
pub(crate) fn next_of(p: &GeneratorPayload) -> PyResult<Option<Object>> {
    match resume_core(p, none(), None, false)? {
        Sent::Yielded(v) => Ok(Some(v)),
        Sent::Returned(_) => Ok(None),
    }
}

fn core_of<'a>(s: Option<ObjectRef<'a>>) -> PyResult<&'a GeneratorPayload> {
    s.and_then(core).ok_or_else(|| PyErr::type_error("descriptor requires a generator"))
}

/// `send(value)` of generators and coroutines.
pub(crate) fn gen_send(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = core_of(s)?;
    if kw.is_some() || args.len() != 1 {
        let name = format!("{}.send", p.kind.noun());
        let a = Args::new(args, kw);
        a.no_kw_at_all(&name)?;
        a.count(&name, 1, 1)?;
    }
    match resume_core(p, args[0].clone(), None, false)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(stop_iteration(v)),
    }
}

/// A generator that has not run yet sits right after its `RETURN_GENERATOR`.
fn is_fresh(f: &SuspendedFrame) -> bool {
    let code = as_code(f.frame().code.as_ref()).expect("code");
    code.units.get(f.frame().lasti).is_some_and(|u| u.op == RETURN_GENERATOR)
}

/// The exception `throw(typ[, val[, tb]])` raises.
pub(crate) fn make_exception(typ: &Object, val: Option<&Object>) -> PyResult<PyErr> {
    if typ.payload::<crate::types::exceptions::ExcPayload>().is_some() {
        if let Some(v) = val
            && !is_none(v.as_ref())
        {
            return Err(PyErr::type_error("instance exception may not have a separate value"));
        }
        return Ok(PyErr::from_instance(typ.clone()));
    }
    if let Some(t) = as_type(typ.as_ref())
        && t.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0)
    {
        if let Some(v) = val
            && v.type_().is_subtype(t)
        {
            return Ok(PyErr::from_instance(v.clone()));
        }
        let args: Vec<Object> = match val {
            Some(v) if is_none(v.as_ref()) => Vec::new(),
            Some(v) => match crate::types::tuple::tuple_items(v.as_ref()) {
                Some(items) => items.to_vec(),
                None => vec![v.clone()],
            },
            None => Vec::new(),
        };
        // Failing to make the instance is not an argument error: as CPython normalises the
        // exception, that failure is what gets thrown into the generator.
        let inst = match crate::ops::call(typ.as_ref(), &args, None) {
            Ok(inst) => inst,
            Err(e) => return Ok(e),
        };
        if inst.payload::<crate::types::exceptions::ExcPayload>().is_none() {
            // A `__new__` that returns something else (CPython's wording).
            return Ok(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::ops::repr_string(typ.as_ref())?,
                inst.type_().name()
            )));
        }
        return Ok(PyErr::from_instance(inst));
    }
    Err(PyErr::type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        typ.type_().name()
    )))
}

/// Parses `throw`'s arguments into the exception to throw.
pub(crate) fn throw_args(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<PyErr> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 3)?;
    if let Some(tb) = args.get(2)
        && !is_none(tb.as_ref())
        && tb.payload::<crate::types::traceback_obj::TracebackPayload>().is_none()
    {
        return Err(PyErr::type_error("throw() third argument must be a traceback object"));
    }
    make_exception(&args[0], args.get(1))
}

/// `throw(...)` of generators and coroutines.
pub(crate) fn gen_throw(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = core_of(s)?;
    let err = throw_args("throw", args, kw)?;
    match throw_into(p, err, true)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(if p.kind == Kind::AsyncGen && is_none(v.as_ref()) {
            PyErr::from_instance(new_exception(&STOP_ASYNC_ITERATION.0, empty_tuple()))
        } else {
            stop_iteration(v)
        }),
    }
}

/// `close()` of generators and coroutines.
pub(crate) fn gen_close_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("close")?;
    a.count("close", 0, 0)?;
    close_gen(core_of(s)?)
}

pub(crate) fn generator_like_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = core(o).expect("generator");
    let q = &as_code(p.code.as_ref()).expect("code").qualname;
    Ok(new_str(&format!(
        "<{} object {} at {:#x}>",
        o.type_().name(),
        Str::new(q.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default(),
        o.id()
    )))
}

/// The attributes shared by the three kinds, under their prefix (`gi_`, `cr_`, `ag_`).
pub(crate) fn common_getattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    prefix: &str,
) -> Option<PyResult<Object>> {
    let p = core(o)?;
    let c = as_code(p.code.as_ref()).expect("code");
    let n = Str::new(name).and_then(|s| s.as_str())?;
    if n == "__name__" {
        return Some(Ok(c.name.clone()));
    }
    if n == "__qualname__" {
        return Some(Ok(c.qualname.clone()));
    }
    let rest = n.strip_prefix(prefix)?;
    Some(Ok(match rest {
        "code" => p.code.clone(),
        "running" if p.kind != Kind::AsyncGen => crate::types::bool::py_bool(p.running.get()),
        "frame" => p.frame_object(),
        "suspended" => crate::types::bool::py_bool(p.is_suspended()),
        "await" | "yieldfrom" if (rest == "await") == (p.kind != Kind::Generator) => {
            p.yield_from().unwrap_or_else(none)
        }
        _ => return None,
    }))
}

/// Whether attribute lookup on objects of type `ty` finds `name` by the generic lookup: true
/// for generators (whose `getattr` answers only `__name__`, `__qualname__` and the `gi_` names
/// before the generic lookup) and other names, so that `LOAD_ATTR`'s cache may serve
/// `g.send`/`g.throw`/`g.close` as methods of the type.
pub(crate) fn getattr_is_generic(ty: &PyType, name: ObjectRef<'_>) -> bool {
    ty.slots.getattr.get().is_some_and(|f| std::ptr::fn_addr_eq(f, gen_getattr as GetAttrFn))
        && Str::new(name)
            .and_then(|s| s.as_str())
            .is_some_and(|n| n != "__name__" && n != "__qualname__" && !n.starts_with("gi_"))
}

fn gen_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match common_getattr(o, name, "gi_") {
        Some(r) => r,
        None => crate::attr::generic_getattr(o, name),
    }
}

pub(crate) fn gen_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let Some(p) = core(o) else { return };
    visit(p.code.as_ref());
    let exc = p.exc_state.take();
    if let Some(e) = &exc {
        visit(e.as_ref());
    }
    p.exc_state.set(exc);
    if let Some(f) = p.frame.borrow().as_ref() {
        // What the suspended frame's record owns (its function, locals; code, globals and
        // builtins unless it borrows them from the function).
        f.frame().visit_owned(visit);
        for v in f.values().iter().flatten() {
            visit(v.as_ref());
        }
    }
}

/// `finalize`: a suspended generator that dies is closed (its `finally` blocks run), printing
/// what the close raises, as CPython does.
pub(crate) fn gen_finalize(o: ObjectRef<'_>) {
    let Some(p) = core(o) else { return };
    // A coroutine never started was never awaited: CPython warns instead of closing it.
    if p.kind == Kind::Coroutine
        && as_code(p.code.as_ref())
            .is_some_and(|c| c.flags() & taipan_bytecode::code::CO_COROUTINE != 0)
        && p.is_fresh()
    {
        let qualname = crate::attr::getattr(o, crate::types::str::intern("__qualname__").as_ref())
            .ok()
            .and_then(|q| crate::types::str::str_to_string(q.as_ref()))
            .unwrap_or_default();
        let saved = crate::eval::current_exception();
        crate::modules::warnings::warn_unawaited_coroutine(o, &qualname);
        drop(crate::eval::set_current_exception(saved));
        return;
    }
    if !p.is_suspended() || p.is_running() {
        return;
    }
    let saved = crate::eval::current_exception();
    let r = close_gen(p);
    drop(crate::eval::set_current_exception(saved));
    if let Err(e) = r {
        crate::gc::write_unraisable(e, "Exception ignored while closing generator", Some(o));
    }
}

/// `clear` of generators, coroutines and async generators: drops the suspended frame (the
/// collector breaking a cycle).
pub(crate) fn gen_clear(o: ObjectRef<'_>) {
    if let Some(p) = core(o)
        && !p.is_running()
    {
        p.clear();
    }
}

/// # Safety
/// Called only by the deallocation path on a dead generator.
unsafe fn gen_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: generators carry a `GeneratorPayload`.
    unsafe { dealloc_payload::<GeneratorPayload>(obj) }
}

/// Registers `send`, `throw` and `close`.
pub(crate) fn register_methods() {
    for (n, f) in [
        ("send", gen_send as crate::types::function::NativeFn),
        ("throw", gen_throw),
        ("close", gen_close_method),
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            &GENERATOR_TYPE.0,
            n,
            new_method_descriptor(&GENERATOR_TYPE.0, n, f),
        );
    }
    crate::types::coroutine::register_methods();
    crate::types::asyncgen::register_methods();
}

pub static GENERATOR_TYPE: StaticType = StaticType(PyType::new_static(
    "generator",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<GeneratorPayload>(),
    0,
    TypeFlags::HAVE_GC,
    217,
    gen_dealloc,
    Some(gen_traverse),
    Slots {
        repr: slot(generator_like_repr as UnaryFn),
        iter: slot(gen_iter as UnaryFn),
        iternext: slot(gen_next as IterNextFn),
        getattr: slot(gen_getattr as GetAttrFn),
        finalize: slot(gen_finalize as crate::types::typeobject::FinalizeFn),
        clear: slot(gen_clear as crate::types::typeobject::ClearFn),
        ..crate::types::object::object_slots()
    },
));
