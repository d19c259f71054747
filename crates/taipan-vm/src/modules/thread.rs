//! The `_thread` module: real OS threads taking turns on the GIL (`crate::gil`). Natively:
//! the lock types (`allocate_lock`/`LockType` and `RLock`, whose waits block with the GIL
//! released), starting an OS thread (`_spawn`, the new thread takes the GIL, runs the callable
//! with its own frame stack and thread state, and releases its done-lock when it ends),
//! `get_ident`/`get_native_id`, `_count`, `stack_size`, `error`, `TIMEOUT_MAX`; and
//! `sys.setswitchinterval`/`getswitchinterval`. In Python (`py/thread.py`): `_ThreadHandle`,
//! `start_joinable_thread`, `start_new_thread`, `_shutdown`, `_local`, `_excepthook`.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::gil::SendUnderGil;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::exceptions::RUNTIME_ERROR;
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::typeobject::{PyType, StaticType, TypeFlags, UnaryFn, slot};

/// A lock's state, guarded by its own mutex (not the GIL: a waiter sleeps on the condition
/// variable with the GIL released).
struct LockState {
    /// How many times the lock is held (0 or 1 for a plain lock).
    count: usize,
    /// The holder's ident (RLock; 0 when free).
    owner: u64,
}

/// A lock object's payload.
pub struct LockPayload {
    state: Mutex<LockState>,
    /// Signalled when the lock becomes free.
    freed: Condvar,
}

// SAFETY: objects of the two lock types are made only by `new_lock` with this payload.
unsafe impl PyPayload for LockPayload {
    fn type_object() -> &'static PyType {
        &LOCK_BASE.0
    }
}

impl LockPayload {
    fn state(&self) -> MutexGuard<'_, LockState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the lock if it is free (or, for an RLock, held by `me`).
    fn try_take(st: &mut LockState, rlock: bool, me: u64) -> bool {
        if st.count == 0 {
            st.count = 1;
            st.owner = me;
            true
        } else if rlock && st.owner == me {
            st.count += 1;
            true
        } else {
            false
        }
    }

    /// Takes the lock, waiting up to `timeout` (None: for ever) with the GIL released.
    fn acquire(&self, rlock: bool, timeout: Option<Duration>) -> bool {
        let me = ident();
        if Self::try_take(&mut self.state(), rlock, me) {
            return true;
        }
        if timeout == Some(Duration::ZERO) {
            return false;
        }
        crate::gil::allow_threads(|| {
            let deadline = timeout.map(|t| Instant::now().checked_add(t));
            let mut st = self.state();
            loop {
                if Self::try_take(&mut st, rlock, me) {
                    return true;
                }
                st = match deadline {
                    None | Some(None) => self.freed.wait(st).unwrap_or_else(|e| e.into_inner()),
                    Some(Some(d)) => {
                        let now = Instant::now();
                        if now >= d {
                            return false;
                        }
                        self.freed.wait_timeout(st, d - now).unwrap_or_else(|e| e.into_inner()).0
                    }
                };
            }
        })
    }

    /// Releases one hold; false if the lock was not held (by `me`, for an RLock).
    fn release(&self, rlock: bool) -> bool {
        let mut st = self.state();
        if st.count == 0 || (rlock && st.owner != ident()) {
            return false;
        }
        st.count -= 1;
        if st.count == 0 {
            st.owner = 0;
            drop(st);
            self.freed.notify_one();
        }
        true
    }
}

/// # Safety
/// Called only by the deallocation path on a dead lock.
unsafe fn lock_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: the lock types carry a `LockPayload`.
    unsafe { dealloc_payload::<LockPayload>(obj) }
}

fn lock_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let (n, owner) = {
        let st = payload(o).state();
        (st.count, st.owner)
    };
    let state = if n > 0 { "locked" } else { "unlocked" };
    Ok(new_str(&if is_rlock(o) {
        format!("<{state} _thread.RLock object owner={owner} count={n} at {:#x}>", o.id())
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

/// The calling thread's ident (`get_ident`): its pthread handle, as CPython's.
pub fn ident() -> u64 {
    // SAFETY: `pthread_self` has no preconditions and touches no memory of ours.
    (unsafe { libc::pthread_self() }) as u64
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
        crate::modules::time::check_seconds(t)?;
        if !blocking && t != -1.0 {
            return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
        }
        if t < 0.0 && t != -1.0 {
            return Err(PyErr::value_error("timeout value must be a non-negative number"));
        }
        if t > TIMEOUT_MAX_SECS {
            return Err(PyErr::overflow_error("timeout value is too large"));
        }
        timeout = t;
    }
    let wait = if !blocking {
        Some(Duration::ZERO)
    } else if timeout < 0.0 {
        None
    } else {
        Some(Duration::from_secs_f64(timeout))
    };
    Ok(py_bool(payload(s).acquire(is_rlock(s), wait)))
}

fn release(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("self");
    Args::new(args, kw).count("release", 0, 0)?;
    if !payload(s).release(is_rlock(s)) {
        let msg =
            if is_rlock(s) { "cannot release un-acquired lock" } else { "release unlocked lock" };
        return Err(PyErr::new(&RUNTIME_ERROR, msg));
    }
    Ok(none())
}

fn exit(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    release(s, &[], None)
}

fn locked(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(payload(s.expect("self")).state().count > 0))
}

fn is_owned(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let st = payload(s.expect("self")).state();
    Ok(py_bool(st.count > 0 && st.owner == ident()))
}

fn recursion_count(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let st = payload(s.expect("self")).state();
    Ok(new_int_i64(if st.owner == ident() { st.count as i64 } else { 0 }))
}

/// `RLock._release_save()`: releases every hold, returning `(count, owner)`.
fn release_save(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = payload(s.expect("self"));
    let mut st = p.state();
    if st.count == 0 || st.owner != ident() {
        return Err(PyErr::new(&RUNTIME_ERROR, "cannot release un-acquired lock"));
    }
    let saved = (st.count, st.owner);
    st.count = 0;
    st.owner = 0;
    drop(st);
    p.freed.notify_one();
    Ok(crate::types::tuple::new_tuple(vec![
        new_int_i64(saved.0 as i64),
        new_int_i64(saved.1 as i64),
    ]))
}

/// `RLock._acquire_restore((count, owner))`: takes the lock, then restores the holds.
fn acquire_restore(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = s.expect("self");
    Args::new(args, kw).count("_acquire_restore", 1, 1)?;
    let items = crate::types::tuple::tuple_items(args[0].as_ref())
        .filter(|t| t.len() == 2)
        .ok_or_else(|| PyErr::type_error("_acquire_restore() argument 1 must be tuple"))?;
    let count = crate::ops::index_value(items[0].as_ref())?.unwrap_or(1).max(1) as usize;
    let owner = crate::ops::index_value(items[1].as_ref())?.unwrap_or(0) as u64;
    let p = payload(s);
    p.acquire(true, None);
    let mut st = p.state();
    st.count = count;
    st.owner = owner;
    Ok(none())
}

fn at_fork_reinit(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut st = payload(s.expect("self")).state();
    st.count = 0;
    st.owner = 0;
    Ok(none())
}

fn new_lock(ty: &'static StaticType) -> Object {
    new_object(
        &ty.0,
        LockPayload { state: Mutex::new(LockState { count: 0, owner: 0 }), freed: Condvar::new() },
    )
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
    Ok(new_int_i64(ident() as i64))
}

fn get_native_id(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // SAFETY: `gettid` has no preconditions.
    Ok(new_int_i64(unsafe { libc::gettid() } as i64))
}

/// The ident of the thread that started the interpreter (`_get_main_thread_ident`).
static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);

/// Records the calling thread as the main thread (the first to ask, when `_thread` is made).
fn main_ident() -> u64 {
    let _ = MAIN_IDENT.compare_exchange(0, ident(), Ordering::Relaxed, Ordering::Relaxed);
    MAIN_IDENT.load(Ordering::Relaxed)
}

fn get_main_thread_ident(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_int_i64(main_ident() as i64))
}

/// Threads started by `_spawn` and still running.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

fn count(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(RUNNING.load(Ordering::Relaxed) as i64))
}

/// A number no other thread of the process ever had (idents are reused once a thread ends):
/// what `_local` keys its per-thread dicts by.
fn serial(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static MINE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let mut n = MINE.get();
    if n == 0 {
        n = NEXT.fetch_add(1, Ordering::Relaxed);
        MINE.set(n);
    }
    Ok(new_int_i64(n as i64))
}

fn yes(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(true))
}

/// `stack_size()` as set (0: the default).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// The stack of a started thread when `stack_size` was not set (address space only; pages are
/// committed as they are used).
const DEFAULT_THREAD_STACK: usize = 32 << 20;

fn stack_size(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("stack_size")?;
    a.count("stack_size", 0, 1)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(o) = args.first() {
        let n = crate::ops::index_value(o.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.type_().name()
            ))
        })?;
        if n != 0 && !(32768..=(1isize << 40)).contains(&n) {
            return Err(PyErr::value_error(format!("size not valid: {n} bytes")));
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(new_int_i64(old as i64))
}

/// `_spawn(function, args, kwargs, done_lock)`: starts an OS thread running
/// `function(*args, **kwargs)` and returns its ident; when the call ends the thread releases
/// `done_lock` (held by the caller; or None), which is what joining it waits for.
fn spawn(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("_spawn", 4, 4)?;
    let mut call_args = crate::types::tuple::tuple_items(args[1].as_ref())
        .ok_or_else(|| PyErr::type_error("_spawn() argument 2 must be a tuple"))?
        .to_vec();
    let mut kwnames = None;
    if let Some(d) = as_dict(args[2].as_ref()) {
        let mut names = Vec::new();
        for (k, v) in d.items() {
            names.push(k);
            call_args.push(v);
        }
        if !names.is_empty() {
            kwnames = Some(crate::types::tuple::new_tuple(names));
        }
    }
    let done = if is_none(args[3].as_ref()) { None } else { Some(args[3].clone()) };
    let parcel = SendUnderGil::new(Parcel { function: args[0].clone(), call_args, kwnames, done });
    let size = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_THREAD_STACK,
        n => n.max(256 << 10),
    };
    RUNNING.fetch_add(1, Ordering::Relaxed);
    let started = std::thread::Builder::new().stack_size(size).spawn(move || {
        crate::gil::acquire();
        // Releases the GIL even if the thread unwinds, so the others are not stuck.
        struct Release;
        impl Drop for Release {
            fn drop(&mut self) {
                crate::gil::release();
            }
        }
        let _release = Release;
        run_thread(parcel, size);
    });
    match started {
        Ok(handle) => {
            use std::os::unix::thread::JoinHandleExt;
            Ok(new_int_i64(handle.into_pthread_t() as i64))
        }
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
            Err(PyErr::new(&RUNTIME_ERROR, "can't start new thread"))
        }
    }
}

/// What a started thread runs: the callable, its arguments (keyword values last, named by
/// `kwnames`), and the lock to release when it is done.
struct Parcel {
    function: Object,
    call_args: Vec<Object>,
    kwnames: Option<Object>,
    done: Option<Object>,
}

/// The body of a started thread, with the GIL held: runs the call (an uncaught exception other
/// than SystemExit is reported as unraisable, as CPython's), then ends the thread's Python
/// state (its handled exception, asyncgen hooks) and releases its done-lock, so that nothing
/// holding an object outlives the GIL on this thread.
fn run_thread(parcel: SendUnderGil<Parcel>, stack: usize) {
    let Parcel { function, call_args, kwnames, done } = parcel.into_inner();
    crate::ops::set_stack_budget(stack.saturating_sub(1 << 20) * 3 / 4);
    let r = crate::ops::call(function.as_ref(), &call_args, kwnames.as_ref().map(|k| k.as_ref()));
    if let Err(e) = r
        && !e.matches(&crate::types::exceptions::SYSTEM_EXIT)
    {
        crate::gc::write_unraisable(
            e,
            "Exception ignored in thread started by",
            Some(function.as_ref()),
        );
    }
    drop((call_args, kwnames, function));
    crate::eval::set_current_exception(None);
    crate::types::asyncgen::clear_thread_hooks();
    crate::trace::clear_thread();
    crate::modules::contextvars::clear_thread_context();
    RUNNING.fetch_sub(1, Ordering::Relaxed);
    if let Some(p) = done.as_ref().and_then(|l| l.as_ref().payload::<LockPayload>()) {
        let mut st = p.state();
        st.count = 0;
        st.owner = 0;
        drop(st);
        p.freed.notify_all();
    }
}

/// `sys.setswitchinterval(interval)`.
pub fn sys_setswitchinterval(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setswitchinterval")?;
    a.count("setswitchinterval", 1, 1)?;
    let o = &args[0];
    let v = match crate::types::float::float_value(o.as_ref()) {
        Some(v) => v,
        None => match crate::ops::index_value(o.as_ref()) {
            Ok(Some(i)) => i as f64,
            _ => {
                return Err(PyErr::type_error(format!(
                    "must be real number, not {}",
                    o.type_().name()
                )));
            }
        },
    };
    if v <= 0.0 {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    crate::gil::set_switch_interval(v);
    Ok(none())
}

/// `sys.getswitchinterval()`.
pub fn sys_getswitchinterval(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("getswitchinterval", 0, 0)?;
    Ok(crate::types::float::new_float(crate::gil::switch_interval()))
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
        methods.extend([
            ("_is_owned", is_owned as NativeFn),
            ("_recursion_count", recursion_count),
            ("_release_save", release_save),
            ("_acquire_restore", acquire_restore),
        ]);
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
    main_ident();
    register_methods(&LOCK_TYPE, false);
    register_methods(&RLOCK_TYPE, true);
    register_constructor(&RLOCK_TYPE.0, rlock_new);
    register_constructor(&LOCK_TYPE.0, allocate_lock);
    let m = new_module("_thread");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 11] = [
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("_get_main_thread_ident", get_main_thread_ident),
        ("_is_main_interpreter", yes),
        ("daemon_threads_allowed", yes),
        ("stack_size", stack_size),
        ("_spawn", spawn),
        ("_serial", serial),
    ];
    for (n, f) in fns {
        d.set_str(n, new_builtin_function(n, f))?;
    }
    d.set_str("LockType", LOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("lock", LOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("RLock", RLOCK_TYPE.0.as_object().to_owned())?;
    d.set_str("error", RUNTIME_ERROR.0.as_object().to_owned())?;
    d.set_str("TIMEOUT_MAX", crate::types::float::new_float(TIMEOUT_MAX_SECS))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _thread>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

/// At exit: waits for the non-daemon threads (`threading._shutdown()`, when `threading` was
/// imported), as CPython's finalisation does before the atexit callbacks.
pub fn wait_for_shutdown() {
    let Some(modules) = crate::import::sys_attr("modules") else { return };
    let Some(threading) =
        as_dict(modules.as_ref()).and_then(|d| d.get_str("threading").ok().flatten())
    else {
        return;
    };
    let r = crate::import::getattr_opt(threading.as_ref(), "_shutdown").and_then(|f| match f {
        Some(f) => crate::ops::call(f.as_ref(), &[], None).map(drop),
        None => Ok(()),
    });
    if let Err(e) = r {
        crate::gc::write_unraisable(e, "Exception ignored on threading shutdown", None);
    }
}

/// Thread handles and starting, `_local`, `_excepthook` (`py/thread.py`).
const SOURCE: &str = include_str!("py/thread.py");
