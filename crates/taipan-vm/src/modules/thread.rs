//! The `_thread` module, as much as single-threaded programs and the standard library's
//! module-level code need: `get_ident`, `allocate_lock`/`LockType` and `RLock` (with no other
//! thread able to run, a contended acquire fails at once, or after its timeout, and an untimed
//! blocking one raises RuntimeError instead of waiting for ever), `error`,
//! `TIMEOUT_MAX`; and, in Python (`py/thread.py`), `_ThreadHandle`, `start_joinable_thread`,
//! `start_new_thread` (the thread runs to completion inside the call, under its own
//! `get_ident`), `_shutdown`, `stack_size`.

use std::cell::Cell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::typeobject::{PyType, StaticType, TypeFlags, UnaryFn, slot};

/// A lock: how many times it is held (0 or 1 for a plain lock).
pub struct LockPayload {
    count: Cell<usize>,
}

// SAFETY: objects of the two lock types are made only by `new_lock` with this payload.
unsafe impl PyPayload for LockPayload {
    fn type_object() -> &'static PyType {
        &LOCK_BASE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead lock.
unsafe fn lock_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: the lock types carry a `LockPayload`.
    unsafe { dealloc_payload::<LockPayload>(obj) }
}

fn lock_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let n = payload(o).count.get();
    let state = if n > 0 { "locked" } else { "unlocked" };
    Ok(new_str(&if is_rlock(o) {
        format!(
            "<{state} _thread.RLock object owner={} count={n} at {:#x}>",
            if n > 0 { ident() } else { 0 },
            o.id()
        )
    } else {
        format!("<{state} _thread.lock object at {:#x}>", o.id())
    }))
}

/// A hidden common base of the two lock types, so that one payload check covers both.
pub static LOCK_BASE: StaticType = StaticType(PyType::new_static(
    "_thread._lock_base",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<LockPayload>(),
    0,
    TypeFlags(0),
    1062,
    lock_dealloc,
    None,
    crate::types::object::object_slots(),
));

pub static LOCK_TYPE: StaticType = StaticType(PyType::new_static(
    "_thread.lock",
    Some(&LOCK_BASE.0),
    std::mem::size_of::<LockPayload>(),
    0,
    TypeFlags(0),
    1060,
    lock_dealloc,
    None,
    crate::types::typeobject::Slots {
        repr: slot(lock_repr as UnaryFn),
        ..crate::types::object::object_slots()
    },
));

pub static RLOCK_TYPE: StaticType = StaticType(PyType::new_static(
    "_thread.RLock",
    Some(&LOCK_BASE.0),
    std::mem::size_of::<LockPayload>(),
    0,
    TypeFlags(0),
    1061,
    lock_dealloc,
    None,
    crate::types::typeobject::Slots {
        repr: slot(lock_repr as UnaryFn),
        ..crate::types::object::object_slots()
    },
));

fn is_rlock(o: ObjectRef<'_>) -> bool {
    std::ptr::eq(o.type_(), &RLOCK_TYPE.0)
}

fn payload(o: ObjectRef<'_>) -> &LockPayload {
    o.payload::<LockPayload>().expect("lock")
}

fn ident() -> u64 {
    thread_local! { static ID: u8 = const { 0 }; }
    ID.with(|v| v as *const u8 as u64)
}

/// `_thread.TIMEOUT_MAX`, as CPython's on 64-bit Linux.
const TIMEOUT_MAX_SECS: f64 = 9223372036.0;

fn acquire(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("self");
    let mut a = Args::new(args, kw);
    let blocking_kw = a.take_kw("blocking").cloned();
    let timeout_kw = a.take_kw("timeout").cloned();
    a.no_kw("acquire")?;
    let blocking = match a.pos.first().cloned().or(blocking_kw) {
        Some(b) => crate::ops::is_true(b.as_ref())?,
        None => true,
    };
    let mut timeout = -1.0;
    if let Some(t) = a.pos.get(1).cloned().or(timeout_kw) {
        let t = crate::types::float::float_value(t.as_ref())
            .or_else(|| crate::ops::index_value(t.as_ref()).ok().flatten().map(|i| i as f64))
            .unwrap_or(-1.0);
        if !blocking && t != -1.0 {
            return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
        }
        if t < 0.0 && t != -1.0 {
            return Err(PyErr::value_error("timeout value must be a non-negative number"));
        }
        timeout = t;
    }
    let p = payload(s);
    if p.count.get() == 0 || is_rlock(s) {
        p.count.set(p.count.get() + 1);
        return Ok(py_bool(true));
    }
    // Held, and no other thread can run to release it (threads run one at a time, to
    // completion): a non-blocking or timed acquire fails (after its timeout, as it would with
    // nobody releasing); an untimed one would wait for ever, so it raises instead of hanging.
    if !blocking || timeout == 0.0 {
        return Ok(py_bool(false));
    }
    if timeout > 0.0 && timeout.is_finite() {
        std::thread::sleep(std::time::Duration::from_secs_f64(timeout.min(TIMEOUT_MAX_SECS)));
        return Ok(py_bool(false));
    }
    Err(PyErr::new(
        &crate::types::exceptions::RUNTIME_ERROR,
        "deadlock: the lock is held and no other thread can run to release it \
         (Taipan runs each thread to completion when it starts)",
    ))
}

fn release(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("self");
    Args::new(args, kw).count("release", 0, 0)?;
    let p = payload(s);
    if p.count.get() == 0 {
        let msg =
            if is_rlock(s) { "cannot release un-acquired lock" } else { "release unlocked lock" };
        return Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, msg));
    }
    p.count.set(p.count.get() - 1);
    Ok(none())
}

fn exit(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    release(s, &[], None)
}

fn locked(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(payload(s.expect("self")).count.get() > 0))
}

fn is_owned(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(payload(s.expect("self")).count.get() > 0))
}

fn at_fork_reinit(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    payload(s.expect("self")).count.set(0);
    Ok(none())
}

fn new_lock(ty: &'static StaticType) -> Object {
    new_object(&ty.0, LockPayload { count: Cell::new(0) })
}

fn allocate_lock(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("allocate_lock", 0, 0)?;
    Ok(new_lock(&LOCK_TYPE))
}

fn rlock_new(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_lock(&RLOCK_TYPE))
}

fn get_ident(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64((ident() & 0x3fff_ffff_ffff_ffff) as i64))
}

fn get_native_id(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_int_i64(std::process::id() as i64))
}

fn one(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(1))
}

fn zero(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(0))
}

fn yes(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(true))
}

fn register_methods(ty: &'static StaticType, rlock: bool) {
    let mut methods: Vec<(&'static str, NativeFn)> = vec![
        ("acquire", acquire),
        ("release", release),
        ("__enter__", acquire),
        ("__exit__", exit),
        ("locked", locked),
        ("_at_fork_reinit", at_fork_reinit),
    ];
    if rlock {
        methods.push(("_is_owned", is_owned));
    } else {
        methods.extend([
            ("acquire_lock", acquire as NativeFn),
            ("release_lock", release),
            ("locked_lock", locked),
        ]);
    }
    for (n, f) in methods {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            n,
            new_method_descriptor(&ty.0, n, f),
        );
    }
}

/// Makes the `_thread` module.
pub fn make_module() -> PyResult<Object> {
    register_methods(&LOCK_TYPE, false);
    register_methods(&RLOCK_TYPE, true);
    register_constructor(&RLOCK_TYPE.0, rlock_new);
    register_constructor(&LOCK_TYPE.0, allocate_lock);
    let m = new_module("_thread");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 8] = [
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", zero),
        ("_get_main_thread_ident", get_ident),
        ("_is_main_interpreter", yes),
        ("daemon_threads_allowed", yes),
    ];
    for (n, f) in fns {
        d.set_str(n, new_builtin_function(n, f))?;
    }
    let _ = one;
    d.set_str("LockType", LOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("lock", LOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("RLock", RLOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("error", crate::types::exceptions::RUNTIME_ERROR.0.as_object().to_owned())?;
    d.set_str("TIMEOUT_MAX", crate::types::float::new_float(TIMEOUT_MAX_SECS))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _thread>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

/// Thread handles and starting (`py/thread.py`): a started thread runs to completion at once.
const SOURCE: &str = include_str!("py/thread.py");
