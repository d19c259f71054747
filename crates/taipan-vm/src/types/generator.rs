//! `generator`: a suspended Python frame. `RETURN_GENERATOR` moves the new frame out of the frame
//! stack into a generator; each `send`/`next` runs it in a fresh activation of the eval loop
//! until `YIELD_VALUE` moves it back out (`frame::SuspendedFrame`) or it returns.

use std::cell::{Cell, RefCell};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::frame::{Frame, FrameStack, SuspendedFrame};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::code::as_code;
use crate::types::exceptions::{
    GENERATOR_EXIT, RUNTIME_ERROR, STOP_ITERATION, VALUE_ERROR, new_exception,
};
use crate::types::function::new_method_descriptor;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::{empty_tuple, new_tuple};
use crate::types::typeobject::{
    GetAttrFn, IterNextFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

pub struct GeneratorPayload {
    /// The suspended frame; `None` while running or once finished.
    frame: RefCell<Option<SuspendedFrame>>,
    running: Cell<bool>,
    code: Object,
}

// SAFETY: generators are built only by `new_generator` with a `GeneratorPayload`.
unsafe impl PyPayload for GeneratorPayload {
    fn type_object() -> &'static PyType {
        &GENERATOR_TYPE.0
    }
}

pub fn new_generator(frame: Frame, values: Vec<Option<Object>>) -> Object {
    let code = frame.code.clone();
    new_object(
        &GENERATOR_TYPE.0,
        GeneratorPayload {
            frame: RefCell::new(Some(SuspendedFrame { frame, values })),
            running: Cell::new(false),
            code,
        },
    )
}

pub fn as_generator(o: ObjectRef<'_>) -> Option<&GeneratorPayload> {
    o.payload::<GeneratorPayload>()
}

/// How a resumed generator (or `SEND`'s receiver) gave control back.
pub enum Sent {
    Yielded(Object),
    Returned(Object),
}

/// Runs the generator until it yields or returns; `throw` raises an exception at the yield.
pub fn resume(generator: ObjectRef<'_>, value: Object, throw: Option<PyErr>) -> PyResult<Sent> {
    let p = as_generator(generator).expect("generator");
    if p.running.get() {
        return Err(PyErr::new(&VALUE_ERROR, "generator already executing"));
    }
    let Some(susp) = p.frame.borrow_mut().take() else {
        return match throw {
            Some(e) => Err(e),
            None => Ok(Sent::Returned(none())),
        };
    };
    if let Err(e) = crate::eval::enter_frame() {
        *p.frame.borrow_mut() = Some(susp);
        return Err(e);
    }
    let mut stack = FrameStack::take();
    stack.values.extend(susp.values);
    stack.frames.push(susp.frame);
    match throw {
        Some(e) => stack.throw = Some(e),
        None => stack.values.push(Some(value)),
    }
    p.running.set(true);
    let r = crate::eval::run::run(&mut stack);
    p.running.set(false);
    let suspended = stack.suspended.take();
    stack.give_back();
    match (r, suspended) {
        (Ok(v), Some(s)) => {
            *p.frame.borrow_mut() = Some(s);
            Ok(Sent::Yielded(v))
        }
        (Ok(v), None) => Ok(Sent::Returned(v)),
        (Err(e), _) => Err(e),
    }
}

fn stop_iteration(v: Object) -> PyErr {
    let args = if is_none(v.as_ref()) { empty_tuple() } else { new_tuple(vec![v]) };
    PyErr::from_instance(new_exception(&STOP_ITERATION.0, args))
}

/// `SEND`: delegate to a generator, or to any iterator (`send` of `None` is `next`).
pub fn send_to(receiver: ObjectRef<'_>, v: Object) -> PyResult<Sent> {
    if as_generator(receiver).is_some() {
        return resume(receiver, v, None);
    }
    if is_none(v.as_ref()) {
        return Ok(match crate::ops::next(receiver)? {
            Some(x) => Sent::Yielded(x),
            None => Sent::Returned(none()),
        });
    }
    match crate::types::instance::call_dunder(receiver, "send", &[v]) {
        Ok(Some(x)) => Ok(Sent::Yielded(x)),
        Ok(None) => Err(PyErr::type_error(format!(
            "'{}' object has no attribute 'send'",
            receiver.type_().name()
        ))),
        Err(e) if e.matches(&STOP_ITERATION) => {
            let args =
                crate::attr::getattr(e.instance(), crate::types::str::intern("args").as_ref())?;
            let value = crate::types::tuple::tuple_items(args.as_ref())
                .and_then(|a| a.first().cloned())
                .unwrap_or_else(none);
            Ok(Sent::Returned(value))
        }
        Err(e) => Err(e),
    }
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

fn gen_send(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("send", 1, 1)?;
    let me = s.expect("self");
    let p = as_generator(me).expect("generator");
    let fresh = p.frame.borrow().as_ref().is_some_and(is_fresh);
    if fresh && !is_none(args[0].as_ref()) {
        return Err(PyErr::type_error("can't send non-None value to a just-started generator"));
    }
    match resume(me, args[0].clone(), None)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(stop_iteration(v)),
    }
}

/// A generator that has not run yet sits right after its `RETURN_GENERATOR`.
fn is_fresh(f: &SuspendedFrame) -> bool {
    let code = as_code(f.frame.code.as_ref()).expect("code");
    code.units
        .get(f.frame.lasti)
        .is_some_and(|u| u.op == taipan_bytecode::opcodes::RETURN_GENERATOR)
}

/// The exception `throw(typ[, val])` raises.
fn make_exception(typ: &Object, val: Option<&Object>) -> PyResult<PyErr> {
    if typ.payload::<crate::types::exceptions::ExcPayload>().is_some() {
        return Ok(PyErr::from_instance(typ.clone()));
    }
    if let Some(t) = as_type(typ.as_ref())
        && t.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0)
    {
        let args: Vec<Object> = val.filter(|v| !is_none(v.as_ref())).cloned().into_iter().collect();
        let inst = crate::ops::call(typ.as_ref(), &args, None)?;
        return Ok(PyErr::from_instance(inst));
    }
    Err(PyErr::type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        typ.type_().name()
    )))
}

fn gen_throw(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("throw", 1, 3)?;
    let err = make_exception(&args[0], args.get(1))?;
    match resume(s.expect("self"), none(), Some(err))? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_close(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let me = s.expect("self");
    let p = as_generator(me).expect("generator");
    let fresh = match p.frame.borrow().as_ref() {
        None => return Ok(none()),
        Some(f) => is_fresh(f),
    };
    if fresh {
        let old = p.frame.borrow_mut().take();
        drop(old);
        return Ok(none());
    }
    let exit = PyErr::from_instance(new_exception(&GENERATOR_EXIT.0, empty_tuple()));
    match resume(me, none(), Some(exit)) {
        Ok(Sent::Yielded(_)) => Err(PyErr::new(&RUNTIME_ERROR, "generator ignored GeneratorExit")),
        Ok(Sent::Returned(v)) => Ok(v),
        Err(e) if e.matches(&GENERATOR_EXIT) || e.matches(&STOP_ITERATION) => Ok(none()),
        Err(e) => Err(e),
    }
}

fn gen_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = as_generator(o).expect("generator");
    let q = &as_code(p.code.as_ref()).expect("code").qualname;
    Ok(new_str(&format!(
        "<generator object {} at {:#x}>",
        Str::new(q.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default(),
        o.id()
    )))
}

fn gen_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = as_generator(o).expect("generator");
    let c = as_code(p.code.as_ref()).expect("code");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(c.name.clone()),
        Some("__qualname__") => Ok(c.qualname.clone()),
        Some("gi_code") => Ok(p.code.clone()),
        Some("gi_running") => Ok(crate::types::bool::py_bool(p.running.get())),
        Some("gi_frame") => Ok(none()),
        Some("gi_suspended") => {
            Ok(crate::types::bool::py_bool(p.frame.borrow().as_ref().is_some_and(|f| !is_fresh(f))))
        }
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn gen_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = as_generator(o).expect("generator");
    visit(p.code.as_ref());
    if let Some(f) = p.frame.borrow().as_ref() {
        for v in f.values.iter().flatten() {
            visit(v.as_ref());
        }
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
        ("close", gen_close),
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            &GENERATOR_TYPE.0,
            n,
            new_method_descriptor(&GENERATOR_TYPE.0, n, f),
        );
    }
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
        repr: slot(gen_repr as UnaryFn),
        iter: slot(gen_iter as UnaryFn),
        iternext: slot(gen_next as IterNextFn),
        getattr: slot(gen_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));
