//! The `_signal` module (CPython's `Modules/signalmodule.c`) and the VM's signal delivery.
//!
//! A signal with a Python handler is caught by [`c_handler`], which only sets that signal's
//! atomic "tripped" flag, the global [`TRIPPED`] flag and writes the signal number to the
//! wake-up descriptor (all async-signal-safe). The eval loop's breaker (`eval_breaker`) and
//! every blocking call interrupted with `EINTR` call [`check_signals`], which runs the Python
//! handlers on the main thread; a handler's exception propagates from there (PEP 475: the
//! interrupted call is retried when the handlers return normally). The handler table itself
//! (Python objects) is only touched on the main thread: `signal()` and `set_wakeup_fd()`
//! refuse other threads, as in CPython.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::gil::GilCell;
use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::float::{float_value, new_float};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{INT_TYPE, int_value, new_int_i64};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;

type S<'a> = Option<ObjectRef<'a>>;

/// Linux's `_NSIG`: signal numbers run from 1 to `NSIG - 1`.
pub const NSIG: usize = 65;

/// Set by the C handler when any signal is pending; read (relaxed) by the eval breaker.
pub static TRIPPED: AtomicBool = AtomicBool::new(false);
static FLAGS: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// The descriptor `set_wakeup_fd` chose (-1: none).
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// `pthread_self()` of the thread that runs the program (0 until known).
static MAIN_THREAD: AtomicUsize = AtomicUsize::new(0);
/// Set when a `KeyboardInterrupt` escaped the program, which then ends by SIGINT.
static UNHANDLED_KI: AtomicBool = AtomicBool::new(false);

/// The Python-level handler of each signal (`SIG_DFL`/`SIG_IGN` as ints 0/1, a callable, or
/// None when the OS handler is not one Python set); empty until first needed.
static HANDLERS: GilCell<RefCell<Vec<Object>>> = GilCell::new(RefCell::new(Vec::new()));
static DEFAULT_INT_HANDLER: GilCell<RefCell<Option<Object>>> = GilCell::new(RefCell::new(None));
static ITIMER_ERROR: GilCell<RefCell<Option<Object>>> = GilCell::new(RefCell::new(None));

const DOC: &str = "This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.";

/// The signal numbers of Linux, by name.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGABRT", libc::SIGABRT),
    ("SIGALRM", libc::SIGALRM),
    ("SIGBUS", libc::SIGBUS),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGHUP", libc::SIGHUP),
    ("SIGILL", libc::SIGILL),
    ("SIGINT", libc::SIGINT),
    ("SIGIO", libc::SIGIO),
    ("SIGIOT", libc::SIGIOT),
    ("SIGKILL", libc::SIGKILL),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPROF", libc::SIGPROF),
    ("SIGPWR", libc::SIGPWR),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGSYS", libc::SIGSYS),
    ("SIGTERM", libc::SIGTERM),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
];

fn errno_location() -> *mut i32 {
    // SAFETY: `__errno_location` returns this thread's errno slot; it is async-signal-safe.
    unsafe { libc::__errno_location() }
}

/// The C-level handler: marks the signal pending and wakes the wake-up descriptor. Only
/// async-signal-safe work (atomic stores, `write`), keeping `errno` as it was.
extern "C" fn c_handler(sig: libc::c_int) {
    let loc = errno_location();
    // SAFETY: `loc` is this thread's errno slot (see `errno_location`).
    let saved = unsafe { *loc };
    if sig > 0 && (sig as usize) < NSIG {
        FLAGS[sig as usize].store(true, Ordering::SeqCst);
        TRIPPED.store(true, Ordering::SeqCst);
        let fd = WAKEUP_FD.load(Ordering::SeqCst);
        if fd >= 0 {
            let byte = sig as u8;
            // SAFETY: `byte` is a valid one-byte buffer; write(2) is async-signal-safe.
            unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
        }
    }
    // SAFETY: as above.
    unsafe { *loc = saved };
}

fn this_thread() -> usize {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as usize }
}

/// Whether the calling thread runs the program (the first thread that asked, if nobody said).
pub fn is_main_thread() -> bool {
    let me = this_thread();
    match MAIN_THREAD.compare_exchange(0, me, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => true,
        Err(main) => main == me,
    }
}

/// Sets an OS disposition (`SIG_DFL`, `SIG_IGN` or [`c_handler`]); `restart` adds `SA_RESTART`.
/// Returns false (errno set) when the kernel refuses.
fn set_os_handler(sig: i32, handler: libc::sighandler_t, restart: bool) -> bool {
    // SAFETY: a zeroed sigaction is a valid value; the fields are set before use.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = handler;
    act.sa_flags = libc::SA_ONSTACK | if restart { libc::SA_RESTART } else { 0 };
    // SAFETY: `act.sa_mask` is a valid sigset to initialise; `act` is valid for reads.
    unsafe {
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(sig, &act, std::ptr::null_mut()) == 0
    }
}

fn os_handler(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: a zeroed sigaction is valid for sigaction to overwrite.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only reads the current one into `old`.
    if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } != 0 {
        return None;
    }
    Some(old.sa_sigaction)
}

fn c_handler_addr() -> libc::sighandler_t {
    c_handler as extern "C" fn(libc::c_int) as libc::sighandler_t
}

fn with_handlers<R>(f: impl FnOnce(&mut Vec<Object>) -> R) -> R {
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_empty() {
            h.push(none());
            for sig in 1..NSIG as i32 {
                h.push(match os_handler(sig) {
                    Some(libc::SIG_DFL) => new_int_i64(0),
                    Some(libc::SIG_IGN) => new_int_i64(1),
                    _ => none(),
                });
            }
        }
        f(&mut h)
    })
}

fn default_int_handler_obj() -> Object {
    DEFAULT_INT_HANDLER.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| new_builtin_function("default_int_handler", default_int_handler))
            .clone()
    })
}

/// What CPython does at start-up for the main program: this thread becomes the main thread,
/// SIGXFSZ is ignored (SIGPIPE already is, by Rust's runtime) and SIGINT, if at its default,
/// raises `KeyboardInterrupt` through `default_int_handler`.
pub fn install_startup_handlers() {
    MAIN_THREAD.store(this_thread(), Ordering::SeqCst);
    set_os_handler(libc::SIGXFSZ, libc::SIG_IGN, false);
    if os_handler(libc::SIGINT) == Some(libc::SIG_DFL)
        && set_os_handler(libc::SIGINT, c_handler_addr(), false)
    {
        let h = default_int_handler_obj();
        with_handlers(|t| t[libc::SIGINT as usize] = h);
    }
}

/// Blocks every signal in the calling thread (the launcher thread waiting for the program's
/// thread), so the kernel delivers process signals to the program's thread, whose blocking
/// calls then see `EINTR`.
pub fn block_all_in_this_thread() {
    // SAFETY: `set` is initialised by sigfillset before use.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Records that a `KeyboardInterrupt` ended the program (`run.rs`).
pub fn note_unhandled_keyboard_interrupt() {
    UNHANDLED_KI.store(true, Ordering::SeqCst);
}

/// After an unhandled `KeyboardInterrupt` (and the program's clean-up), ends the process by
/// SIGINT with its default action, as CPython does, so the parent sees a death by SIGINT.
pub fn exit_if_interrupted() {
    if !UNHANDLED_KI.load(Ordering::SeqCst) {
        return;
    }
    set_os_handler(libc::SIGINT, libc::SIG_DFL, false);
    // SAFETY: `set` is initialised by sigemptyset before use; raise targets this thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
    }
}

/// Runs the Python handlers of the pending signals, on the main thread (elsewhere: nothing).
/// The first handler that raises stops the run; the rest stay pending.
#[inline]
pub fn check_signals() -> PyResult<()> {
    if !TRIPPED.load(Ordering::Relaxed) {
        return Ok(());
    }
    run_pending()
}

#[cold]
fn run_pending() -> PyResult<()> {
    if !is_main_thread() {
        return Ok(());
    }
    TRIPPED.store(false, Ordering::SeqCst);
    for sig in 1..NSIG {
        if !FLAGS[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let func = with_handlers(|h| h[sig].clone());
        if crate::types::singletons::is_none(func.as_ref())
            || std::ptr::eq(func.type_(), &INT_TYPE.0)
        {
            let err = PyErr::new(
                &crate::types::exceptions::OS_ERROR,
                format!("Python signal handler for signal {sig} is not callable"),
            );
            crate::gc::write_unraisable(
                err,
                "Exception ignored while calling",
                Some(none().as_ref()),
            );
            continue;
        }
        let chain = crate::frame::frames_of_thread(usize::MAX);
        let frame = if chain.is_empty() {
            none()
        } else {
            crate::types::traceback_obj::new_running_frame(std::rc::Rc::new(chain), 0)
        };
        if let Err(e) = crate::ops::call(func.as_ref(), &[new_int_i64(sig as i64), frame], None) {
            TRIPPED.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

// ---- argument helpers ----

fn exact<'a>(fname: &str, args: &'a [Object], kw: S<'a>, n: usize) -> PyResult<&'a [Object]> {
    let a = Args::new(args, kw);
    if a.kw.is_empty() && a.pos.len() == n {
        return Ok(a.pos);
    }
    // Argument clinic names a function of at most one parameter with its module.
    let q = if n <= 1 { format!("_signal.{fname}") } else { fname.to_string() };
    a.no_kw_at_all(&q)?;
    a.count(&q, n, n)?;
    Ok(a.pos)
}

fn c_int(o: &Object) -> PyResult<i64> {
    let v = crate::modules::posix::int_arg(o.as_ref())?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    Ok(v)
}

fn signum_arg(o: &Object) -> PyResult<i32> {
    let v = c_int(o)?;
    if v < 1 || v >= NSIG as i64 {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(v as i32)
}

fn os_err() -> PyErr {
    crate::modules::posix::last_error()
}

fn sigset_to_set(set: &libc::sigset_t) -> PyResult<Object> {
    let mut items = Vec::new();
    for sig in 1..NSIG as i32 {
        // SAFETY: `set` is an initialised sigset.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            items.push(new_int_i64(sig as i64));
        }
    }
    crate::types::set::new_set(items)
}

fn sigset_arg(o: &Object) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises `set`.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigemptyset(&mut set) };
    let it = crate::ops::iter(o.as_ref())?;
    while let Some(item) = crate::ops::next(it.as_ref())? {
        let v = match int_value(item.as_ref()) {
            Some(v) => i64::try_from(v.to_ibig().as_ref()).ok(),
            None => Some(crate::modules::posix::int_arg(item.as_ref())?),
        };
        match v {
            Some(s) if s >= 1 && s < NSIG as i64 => {
                // SAFETY: `set` is initialised; an invalid number only fails with EINVAL.
                unsafe { libc::sigaddset(&mut set, s as i32) };
            }
            _ => {
                let shown = crate::ops::str_string(item.as_ref())?;
                return Err(PyErr::value_error(format!(
                    "signal number {shown} out of range [1; {}]",
                    NSIG - 1
                )));
            }
        }
    }
    Ok(set)
}

// ---- the functions ----

fn signal(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("signal", args, kw, 2)?;
    let sig = signum_arg(&a[0])?;
    let handler = &a[1];
    if !is_main_thread() {
        return Err(PyErr::value_error("signal only works in main thread of the main interpreter"));
    }
    let is_int = std::ptr::eq(handler.type_(), &INT_TYPE.0);
    let os = if is_int
        && int_value(handler.as_ref())
            .is_some_and(|v| matches!(v, crate::types::int::IntVal::Small(1)))
    {
        libc::SIG_IGN
    } else if is_int && int_value(handler.as_ref()).is_some_and(|v| v.is_zero()) {
        libc::SIG_DFL
    } else if handler.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    } else {
        c_handler_addr()
    };
    check_signals()?;
    if !set_os_handler(sig, os, false) {
        return Err(os_err());
    }
    let old = with_handlers(|h| std::mem::replace(&mut h[sig as usize], handler.clone()));
    Ok(old)
}

fn getsignal(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("getsignal", args, kw, 1)?;
    let sig = signum_arg(&a[0])?;
    Ok(with_handlers(|h| h[sig as usize].clone()))
}

fn default_int_handler(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    exact("default_int_handler", args, kw, 2)?;
    Err(PyErr::from_instance(crate::types::exceptions::new_exception(
        &crate::types::exceptions::KEYBOARD_INTERRUPT.0,
        new_tuple(vec![]),
    )))
}

fn raise_signal(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("raise_signal", args, kw, 1)?;
    let sig = c_int(&a[0])? as i32;
    // SAFETY: raise has no memory preconditions.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_err());
    }
    check_signals()?;
    Ok(none())
}

fn strsignal(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("strsignal", args, kw, 1)?;
    let sig = signum_arg(&a[0])?;
    // SAFETY: strsignal returns a NUL-terminated string valid until the next call on this
    // thread; it is copied at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(none());
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        return Ok(none());
    }
    Ok(new_str(&text))
}

fn valid_signals(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    exact("valid_signals", args, kw, 0)?;
    // SAFETY: sigfillset initialises `set`.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigfillset(&mut set) };
    sigset_to_set(&set)
}

fn pthread_sigmask(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("pthread_sigmask", args, kw, 2)?;
    let how = c_int(&a[0])? as i32;
    let set = sigset_arg(&a[1])?;
    // SAFETY: zeroed is a valid sigset for pthread_sigmask to fill.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: both sigsets are valid.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(crate::modules::posix::os_error2(r, None, None));
    }
    check_signals()?;
    sigset_to_set(&old)
}

fn pthread_kill(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("pthread_kill", args, kw, 2)?;
    let tid = match int_value(a[0].as_ref()) {
        Some(v) => u64::try_from(v.to_ibig().as_ref()).map_err(|_| {
            PyErr::overflow_error("Python int too large to convert to C unsigned long")
        })?,
        None => crate::modules::posix::int_arg(a[0].as_ref())? as u64,
    };
    let sig = c_int(&a[1])? as i32;
    // SAFETY: pthread_kill validates the thread id itself (ESRCH) on glibc for live ids.
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(crate::modules::posix::os_error2(r, None, None));
    }
    check_signals()?;
    Ok(none())
}

fn sigpending(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    exact("sigpending", args, kw, 0)?;
    // SAFETY: zeroed is a valid sigset for sigpending to fill.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is valid for writes.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(os_err());
    }
    sigset_to_set(&set)
}

fn sigwait(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("sigwait", args, kw, 1)?;
    let set = sigset_arg(&a[0])?;
    let mut sig: libc::c_int = 0;
    // SAFETY: `set` and `sig` are valid.
    let r = unsafe { libc::sigwait(&set, &mut sig) };
    if r != 0 {
        return Err(crate::modules::posix::os_error2(r, None, None));
    }
    Ok(new_int_i64(sig as i64))
}

fn alarm(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("alarm", args, kw, 1)?;
    let secs = c_int(&a[0])?;
    // SAFETY: alarm has no preconditions.
    Ok(new_int_i64(unsafe { libc::alarm(secs as u32) } as i64))
}

fn pause(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    exact("pause", args, kw, 0)?;
    // SAFETY: pause has no preconditions; it returns when a handler ran.
    unsafe { libc::pause() };
    check_signals()?;
    Ok(none())
}

fn itimer_error_class() -> PyResult<Object> {
    if let Some(c) = ITIMER_ERROR.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let ns = new_dict();
    as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("signal"))?;
    let base = crate::types::exceptions::OS_ERROR.0.as_object().to_owned();
    let cls = crate::types::instance::new_class("ItimerError", &[base], ns.as_ref())?;
    ITIMER_ERROR.with(|c| *c.borrow_mut() = Some(cls.clone()));
    Ok(cls)
}

fn itimer_error() -> PyErr {
    let e = crate::modules::posix::errno();
    let args = [new_int_i64(e as i64), new_str(&crate::modules::posix::strerror_text(e))];
    match itimer_error_class().and_then(|c| crate::ops::call(c.as_ref(), &args, None)) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

fn seconds_arg(o: &Object) -> PyResult<f64> {
    if let Some(f) = float_value(o.as_ref()) {
        crate::modules::time::check_seconds(f)?;
        return Ok(f);
    }
    if let Some(v) = int_value(o.as_ref()) {
        return crate::types::int::int_to_f64(v);
    }
    match crate::ops::index_via_slot(o.as_ref())? {
        Some(v) => match int_value(v.as_ref()) {
            Some(i) => crate::types::int::int_to_f64(i),
            None => Ok(0.0),
        },
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            o.type_().name()
        ))),
    }
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.floor();
    let mut usec = ((secs - whole) * 1e6).round() as i64;
    let mut s = whole as i64;
    if usec >= 1_000_000 {
        s += 1;
        usec -= 1_000_000;
    }
    // CPython rounds a positive value smaller than a microsecond up to one, so the timer runs.
    if s == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: s as libc::time_t, tv_usec: usec as libc::suseconds_t }
}

fn itimer_tuple(v: &libc::itimerval) -> Object {
    let f = |t: &libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    new_tuple(vec![new_float(f(&v.it_value)), new_float(f(&v.it_interval))])
}

fn setitimer(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setitimer")?;
    a.count("setitimer", 2, 3)?;
    let which = c_int(&a.pos[0])? as i32;
    let value = seconds_arg(&a.pos[1])?;
    let interval = match a.pos.get(2) {
        Some(o) => seconds_arg(o)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_value: timeval(value), it_interval: timeval(interval) };
    let mut old = libc::itimerval {
        it_value: libc::timeval { tv_sec: 0, tv_usec: 0 },
        it_interval: libc::timeval { tv_sec: 0, tv_usec: 0 },
    };
    // SAFETY: both itimervals are valid.
    if unsafe { libc::setitimer(which as _, &new, &mut old) } != 0 {
        return Err(itimer_error());
    }
    Ok(itimer_tuple(&old))
}

fn getitimer(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("getitimer", args, kw, 1)?;
    let which = c_int(&a[0])? as i32;
    let mut old = libc::itimerval {
        it_value: libc::timeval { tv_sec: 0, tv_usec: 0 },
        it_interval: libc::timeval { tv_sec: 0, tv_usec: 0 },
    };
    // SAFETY: `old` is valid for writes.
    if unsafe { libc::getitimer(which as _, &mut old) } != 0 {
        return Err(itimer_error());
    }
    Ok(itimer_tuple(&old))
}

fn siginterrupt(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = exact("siginterrupt", args, kw, 2)?;
    let sig = signum_arg(&a[0])?;
    let flag = c_int(&a[1])? != 0;
    // SAFETY: a zeroed sigaction is valid for sigaction to overwrite.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: reads the current action into `act`, then writes it back changed.
    unsafe {
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return Err(os_err());
        }
        if flag {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(os_err());
        }
    }
    Ok(none())
}

fn set_wakeup_fd(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let _warn = a.take_kw("warn_on_full_buffer");
    let b = a.bind("set_wakeup_fd", &["fd"], 1)?;
    let fd = crate::modules::posix::fd_value(b[0].expect("fd").as_ref())?;
    if !is_main_thread() {
        return Err(PyErr::value_error(
            "set_wakeup_fd only works in main thread of the main interpreter",
        ));
    }
    if fd != -1 {
        // SAFETY: zeroed is a valid stat buffer for fstat to fill.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is valid for writes.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(os_err());
        }
        // SAFETY: F_GETFL has no memory arguments.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            return Err(os_err());
        }
        if fl & libc::O_NONBLOCK == 0 {
            return Err(PyErr::value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let old = WAKEUP_FD.swap(fd, Ordering::SeqCst);
    Ok(new_int_i64(old as i64))
}

/// Makes the `_signal` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_signal");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str(DOC))?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("signal", signal),
        ("getsignal", getsignal),
        ("raise_signal", raise_signal),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("pthread_sigmask", pthread_sigmask),
        ("pthread_kill", pthread_kill),
        ("sigpending", sigpending),
        ("sigwait", sigwait),
        ("alarm", alarm),
        ("pause", pause),
        ("setitimer", setitimer),
        ("getitimer", getitimer),
        ("siginterrupt", siginterrupt),
        ("set_wakeup_fd", set_wakeup_fd),
    ];
    for &(name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("default_int_handler", default_int_handler_obj())?;
    for &(name, v) in SIGNALS {
        d.set_str(name, new_int_i64(v as i64))?;
    }
    for (name, v) in [
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", NSIG as i64),
        ("SIGRTMIN", libc::SIGRTMIN() as i64),
        ("SIGRTMAX", libc::SIGRTMAX() as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
    ] {
        d.set_str(name, new_int_i64(v))?;
    }
    d.set_str("ItimerError", itimer_error_class()?)?;
    Ok(m)
}
