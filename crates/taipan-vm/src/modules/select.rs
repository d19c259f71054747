//! The `select` module (CPython's `Modules/selectmodule.c`): `select()`, `poll` and `epoll`.
//! The system calls are native (`_select`, `_poll`, `_epoll_*`: they release the GIL while
//! they wait, and on `EINTR` run the signal handlers and retry with the time left, PEP 475);
//! the argument handling and the `poll`/`epoll` objects are Python (`py/select.py`).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::float::float_value;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, tuple_items};

type S<'a> = Option<ObjectRef<'a>>;

const SOURCE: &str = include_str!("py/select.py");

fn int_of(o: &Object) -> PyResult<i64> {
    crate::modules::posix::int_arg(o.as_ref())
}

fn ints(o: &Object) -> PyResult<Vec<i64>> {
    let items = crate::ops::sequence_to_vec(o.as_ref())?;
    items.iter().map(int_of).collect()
}

fn now_ns() -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is valid for writes.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// A wait of `timeout` (None: for ever) as a deadline, and the time left of it.
struct Deadline(Option<i128>);

impl Deadline {
    fn new(timeout_ns: Option<i128>) -> Self {
        Deadline(timeout_ns.map(|t| now_ns() + t))
    }

    fn left_ns(&self) -> Option<i128> {
        self.0.map(|d| (d - now_ns()).max(0))
    }

    /// The time left in milliseconds, rounded up (-1: for ever).
    fn left_ms(&self) -> i32 {
        match self.left_ns() {
            None => -1,
            Some(ns) => ((ns + 999_999) / 1_000_000).min(i32::MAX as i128) as i32,
        }
    }
}

/// `_select(rfds, wfds, xfds, timeout_ns_or_None)`: the indices of the ready descriptors of
/// each list.
fn select_fds(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_select", 4, 4)?;
    let lists = [ints(&a.pos[0])?, ints(&a.pos[1])?, ints(&a.pos[2])?];
    for l in &lists {
        if l.iter().any(|&fd| !(0..libc::FD_SETSIZE as i64).contains(&fd)) {
            return Err(PyErr::value_error("filedescriptor out of range in select()"));
        }
    }
    let timeout = if is_none(a.pos[3].as_ref()) { None } else { Some(int_of(&a.pos[3])? as i128) };
    let deadline = Deadline::new(timeout);
    loop {
        let left = deadline.left_ns();
        let lists_c = lists.clone();
        let (r, e, ready) = crate::gil::allow_threads(move || {
            // SAFETY: zeroed fd_sets are cleared by FD_ZERO before use; every descriptor was
            // checked to be below FD_SETSIZE.
            unsafe {
                let mut sets: [libc::fd_set; 3] = std::mem::zeroed();
                let mut maxfd = -1;
                for (set, l) in sets.iter_mut().zip(&lists_c) {
                    libc::FD_ZERO(set);
                    for &fd in l {
                        libc::FD_SET(fd as i32, set);
                        maxfd = maxfd.max(fd as i32);
                    }
                }
                let mut tv = left.map(|ns| libc::timeval {
                    tv_sec: (ns / 1_000_000_000) as libc::time_t,
                    tv_usec: ((ns % 1_000_000_000) / 1000) as libc::suseconds_t,
                });
                let tvp = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
                let [s0, s1, s2] = &mut sets;
                let r = libc::select(maxfd + 1, s0, s1, s2, tvp);
                let e = crate::modules::posix::errno();
                let mut ready: [Vec<usize>; 3] = Default::default();
                if r > 0 {
                    for k in 0..3 {
                        for (i, &fd) in lists_c[k].iter().enumerate() {
                            if libc::FD_ISSET(fd as i32, &sets[k]) {
                                ready[k].push(i);
                            }
                        }
                    }
                }
                (r, e, ready)
            }
        });
        if r >= 0 {
            let out: Vec<Object> = ready
                .iter()
                .map(|l| new_list(l.iter().map(|&i| new_int_i64(i as i64)).collect()))
                .collect();
            return Ok(new_tuple(out));
        }
        if e != libc::EINTR {
            return Err(crate::modules::posix::os_error2(e, None, None));
        }
        crate::modules::signal::check_signals()?;
    }
}

/// `_poll(pairs, timeout_ms)`: `pairs` a list of `(fd, events)`; the `(fd, revents)` of the
/// descriptors with events, in order. `timeout_ms` negative waits for ever.
fn poll_fds(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_poll", 2, 2)?;
    let mut fds = Vec::new();
    for p in crate::ops::sequence_to_vec(a.pos[0].as_ref())? {
        let t = tuple_items(p.as_ref()).unwrap_or(&[]);
        if t.len() != 2 {
            return Err(PyErr::type_error("_poll expects (fd, events) pairs"));
        }
        fds.push(libc::pollfd {
            fd: int_of(&t[0])? as i32,
            events: int_of(&t[1])? as i16,
            revents: 0,
        });
    }
    let ms = int_of(&a.pos[1])?;
    let deadline = Deadline::new(if ms < 0 { None } else { Some(ms as i128 * 1_000_000) });
    loop {
        let mut work = fds.clone();
        let left = deadline.left_ms();
        let (r, e, work) = crate::gil::allow_threads(move || {
            // SAFETY: `work` is a valid array of `work.len()` pollfds.
            let r = unsafe { libc::poll(work.as_mut_ptr(), work.len() as libc::nfds_t, left) };
            (r, crate::modules::posix::errno(), work)
        });
        if r >= 0 {
            let out = work
                .iter()
                .filter(|p| p.revents != 0)
                .map(|p| {
                    new_tuple(vec![new_int_i64(p.fd as i64), new_int_i64(p.revents as u16 as i64)])
                })
                .collect();
            return Ok(new_list(out));
        }
        if e != libc::EINTR {
            return Err(crate::modules::posix::os_error2(e, None, None));
        }
        crate::modules::signal::check_signals()?;
    }
}

fn epoll_create(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    Args::new(args, kw).count("_epoll_create", 0, 0)?;
    // SAFETY: epoll_create1 has no memory arguments.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(crate::modules::posix::last_error());
    }
    Ok(new_int_i64(fd as i64))
}

/// `_epoll_ctl(epfd, op, fd, events)`.
fn epoll_ctl(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_epoll_ctl", 4, 4)?;
    let epfd = int_of(&a.pos[0])? as i32;
    let op = int_of(&a.pos[1])? as i32;
    let fd = int_of(&a.pos[2])? as i32;
    let events = int_of(&a.pos[3])? as u32;
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: `ev` is a valid event (ignored for EPOLL_CTL_DEL).
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } != 0 {
        return Err(crate::modules::posix::last_error());
    }
    Ok(none())
}

/// `_epoll_wait(epfd, timeout_ms, maxevents)`: a list of `(fd, events)`.
fn epoll_wait(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_epoll_wait", 3, 3)?;
    let epfd = int_of(&a.pos[0])? as i32;
    let ms = int_of(&a.pos[1])?;
    let maxevents = int_of(&a.pos[2])?.clamp(1, 1 << 20) as usize;
    let deadline = Deadline::new(if ms < 0 { None } else { Some(ms as i128 * 1_000_000) });
    loop {
        let left = deadline.left_ms();
        let (r, e, evs) = crate::gil::allow_threads(move || {
            let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents];
            // SAFETY: `evs` holds `maxevents` events for the kernel to fill.
            let r = unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), maxevents as i32, left) };
            (r, crate::modules::posix::errno(), evs)
        });
        if r >= 0 {
            let out = evs[..r as usize]
                .iter()
                .map(|ev| {
                    let (data, events) = (ev.u64, ev.events);
                    new_tuple(vec![
                        new_int_i64(data as u32 as i32 as i64),
                        new_int_i64(events as i64),
                    ])
                })
                .collect();
            return Ok(new_list(out));
        }
        if e != libc::EINTR {
            return Err(crate::modules::posix::os_error2(e, None, None));
        }
        crate::modules::signal::check_signals()?;
    }
}

/// A timeout object as nanoseconds, rounded up (`_PyTime_FromSecondsObject` with
/// `ROUND_TIMEOUT`); `None` when it is not a number.
fn timeout_ns(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_timeout_ns", 2, 2)?;
    let o = &a.pos[0];
    let scale = int_of(&a.pos[1])? as f64;
    let ns = if let Some(f) = float_value(o.as_ref()) {
        crate::modules::time::check_seconds(f)?;
        (f * scale).ceil() as i64
    } else if let Some(v) = int_value(o.as_ref()) {
        let v = i64::try_from(v.to_ibig().as_ref()).ok().and_then(|v| v.checked_mul(scale as i64));
        match v {
            Some(v) => v,
            None => {
                return Err(PyErr::overflow_error(crate::modules::time::PYTIME_OVERFLOW));
            }
        }
    } else if let Some(v) = crate::ops::index_via_slot(o.as_ref())? {
        int_of(&v)?.saturating_mul(scale as i64)
    } else {
        return Ok(none());
    };
    Ok(new_int_i64(ns))
}

/// The module's namespace, for the native shims to find the Python parts.
static NAMESPACE: crate::gil::GilCell<std::cell::RefCell<Option<Object>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

fn call_py(name: &str, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let ns = NAMESPACE.with(|n| n.borrow().clone()).expect("select namespace");
    let f = as_dict(ns.as_ref()).and_then(|d| d.get_str(name).ok().flatten()).ok_or_else(|| {
        PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, format!("select.{name}"))
    })?;
    crate::ops::call(f.as_ref(), args, kw)
}

/// `select(rlist, wlist, xlist, timeout=None)`.
fn select(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("select")?;
    call_py("_py_select", args, None)
}

/// `poll()`: a new polling object.
fn poll(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("select.poll")?;
    a.count("select.poll", 0, 0)?;
    call_py("_Poll", &[], None)
}

/// Makes the `select` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("select");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module supports asynchronous I/O on multiple file descriptors.\n\n*** \
             IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file \
             descriptors.",
        ),
    )?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("select", select),
        ("poll", poll),
        ("_select", select_fds),
        ("_poll", poll_fds),
        ("_epoll_create", epoll_create),
        ("_epoll_ctl", epoll_ctl),
        ("_epoll_wait", epoll_wait),
        ("_timeout_ns", timeout_ns),
    ];
    for &(name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    for (name, v) in [
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLLWAKEUP", libc::EPOLLWAKEUP as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
    ] {
        d.set_str(name, new_int_i64(v))?;
    }
    NAMESPACE.with(|n| *n.borrow_mut() = Some(module_dict(m.as_ref()).expect("dict").to_owned()));
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen select>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
