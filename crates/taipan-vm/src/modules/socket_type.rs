//! `_socket.socket`, the socket object (CPython's `PySocketSockObject`): a descriptor with its
//! family, type, protocol and timeout, and the methods that talk to the kernel (`bind`,
//! `listen`, `_accept`, `connect`, `send*`, `recv*`, options, names, `shutdown`, `close`).
//! `socket.socket` is a Python subclass of it (`typecall::register_subclass_new`).
//!
//! Timeouts follow CPython: a socket is blocking (timeout None), non-blocking (0) or has a
//! timeout, in which case the descriptor is non-blocking and each call first waits with
//! `poll(2)` for the descriptor to be ready, raising `TimeoutError('timed out')` when the time
//! is up. Calls interrupted by a signal are retried.

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::float::new_float;
use crate::types::function::{NativeFn, new_bound_builtin, new_method_descriptor};
use crate::types::getset::{GetSetImpl, GetterFn, new_member};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{InitFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

use super::socket::{default_timeout, errno, os_error, timeout_arg, timeout_error};
use super::socket_addr::{SockAddr, make_address, parse_address};

/// The state of a socket object. `timeout` is in nanoseconds, negative for "blocking".
pub struct SocketPayload {
    fd: Cell<i32>,
    family: Cell<i32>,
    type_: Cell<i32>,
    proto: Cell<i32>,
    timeout: Cell<i64>,
}

// SAFETY: `_socket.socket` objects (and instances of its Python subclasses, made by
// `new_blank`) are built only with a `SocketPayload`.
unsafe impl PyPayload for SocketPayload {
    fn type_object() -> &'static PyType {
        &SOCKET_TYPE.0
    }
}

type S<'a> = Option<ObjectRef<'a>>;

fn this<'a>(s: S<'a>) -> PyResult<&'a SocketPayload> {
    s.and_then(|s| s.payload::<SocketPayload>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_socket.socket' object"))
}

fn new_blank(ty: &PyType) -> Object {
    new_object(
        ty,
        SocketPayload {
            fd: Cell::new(-1),
            family: Cell::new(libc::AF_INET),
            type_: Cell::new(libc::SOCK_STREAM),
            proto: Cell::new(0),
            timeout: Cell::new(-1),
        },
    )
}

/// Sets or clears `O_NONBLOCK` on `fd`.
fn set_nonblocking(fd: i32, nonblocking: bool) -> PyResult<()> {
    // SAFETY: fcntl on a descriptor has no memory-safety preconditions.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_error(errno()));
    }
    let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    // SAFETY: as above.
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(())
}

/// Gives the socket state its family/type/protocol and the default timeout (CPython's
/// `init_sockobject`); `SOCK_NONBLOCK` in `type_` makes it non-blocking.
fn init_state(p: &SocketPayload, fd: i32, family: i32, type_: i32, proto: i32) -> PyResult<()> {
    p.fd.set(fd);
    p.family.set(family);
    p.type_.set(type_ & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    p.proto.set(proto);
    if type_ & libc::SOCK_NONBLOCK != 0 {
        p.timeout.set(0);
    } else {
        let t = default_timeout();
        p.timeout.set(t);
        if t >= 0 {
            set_nonblocking(fd, true)?;
        }
    }
    Ok(())
}

/// A new socket object of type `_socket.socket` for a descriptor just made (`socketpair`).
pub(crate) fn wrap_fd(fd: i32, family: i32, type_: i32, proto: i32) -> PyResult<Object> {
    let o = new_blank(&SOCKET_TYPE.0);
    let p = o.payload::<SocketPayload>().expect("socket");
    init_state(p, fd, family, type_, proto)?;
    Ok(o)
}

fn int_of(o: &Object) -> PyResult<i64> {
    crate::modules::posix::int_arg(o.as_ref())
}

fn c_int(o: &Object) -> PyResult<i32> {
    let v = int_of(o)?;
    i32::try_from(v).map_err(|_| {
        PyErr::overflow_error(if v < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`.
fn socket_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let p = o.payload::<SocketPayload>().expect("_socket.socket");
    let a = Args::new(args, kw).bind("socket", &["family", "type", "proto", "fileno"], 0)?;
    let mut family = match a[0] {
        Some(v) => c_int(v)?,
        None => -1,
    };
    let mut type_ = match a[1] {
        Some(v) => c_int(v)?,
        None => -1,
    };
    let mut proto = match a[2] {
        Some(v) => c_int(v)?,
        None => -1,
    };
    let fd = match a[3].filter(|v| !is_none(v.as_ref())) {
        Some(v) => {
            if crate::types::float::float_value(v.as_ref()).is_some() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_().name()
                )));
            }
            let fd = int_of(v)?;
            if fd < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let fd = i32::try_from(fd)
                .map_err(|_| PyErr::overflow_error("file descriptor out of range"))?;
            let getopt = |opt: i32| -> PyResult<i32> {
                let mut v: libc::c_int = 0;
                let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
                // SAFETY: `v` is valid for `len` bytes.
                let r = unsafe {
                    libc::getsockopt(
                        fd,
                        libc::SOL_SOCKET,
                        opt,
                        (&mut v as *mut i32).cast(),
                        &mut len,
                    )
                };
                if r < 0 { Err(os_error(errno())) } else { Ok(v) }
            };
            if family == -1 {
                let mut addr = SockAddr::empty();
                // SAFETY: `addr` is valid for `addr.len` bytes.
                if unsafe { libc::getsockname(fd, addr.as_mut_ptr(), &mut addr.len) } < 0 {
                    return Err(os_error(errno()));
                }
                family = addr.family();
            }
            if type_ == -1 {
                type_ = getopt(libc::SO_TYPE)?;
            }
            if proto == -1 {
                proto = getopt(libc::SO_PROTOCOL)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if type_ == -1 {
                type_ = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket(2) has no memory-safety preconditions.
            let fd = unsafe { libc::socket(family, type_ | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_error(errno()));
            }
            fd
        }
    };
    init_state(p, fd, family, type_, proto)
}

fn socket_ctor(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = new_blank(&SOCKET_TYPE.0);
    socket_init(o.as_ref(), args, kw)?;
    Ok(o)
}

fn socket_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<SocketPayload>().expect("_socket.socket");
    Ok(new_str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        p.fd.get(),
        p.family.get(),
        p.type_.get(),
        p.proto.get()
    )))
}

// ---- waiting ----

/// Waits until `fd` is ready for reading (or writing) or `deadline` passes; false on timeout.
fn wait_ready(fd: i32, writing: bool, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        let ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                // Round up so a short wait is not a busy loop.
                let ms = left.as_nanos().div_ceil(1_000_000);
                ms.min(i32::MAX as u128) as i32
            }
        };
        let mut pfd = libc::pollfd {
            fd,
            events: if writing { libc::POLLOUT } else { libc::POLLIN },
            revents: 0,
        };
        // The errno is read inside the closure: taking the GIL back may change it.
        let (r, e) = crate::gil::allow_threads(|| {
            // SAFETY: `pfd` is one valid pollfd.
            let r = unsafe { libc::poll(&mut pfd, 1, ms) };
            (r, if r < 0 { errno() } else { 0 })
        });
        if r > 0 {
            return Ok(true);
        }
        if r == 0 {
            return Ok(false);
        }
        if e != libc::EINTR {
            return Err(os_error(e));
        }
        crate::eval::helpers::eval_breaker()?;
    }
}

fn deadline_of(timeout_ns: i64) -> Option<Instant> {
    (timeout_ns > 0).then(|| Instant::now() + Duration::from_nanos(timeout_ns as u64))
}

/// Runs the system call `f` on the socket the way CPython's `sock_call` does: with a
/// timeout, wait for readiness first and retry while the call would block; retry on EINTR.
/// `f` returns the call's result or the errno.
fn sock_call<T: Send>(
    p: &SocketPayload,
    writing: bool,
    deadline: Option<Instant>,
    mut f: impl FnMut(i32) -> Result<T, i32> + Send,
) -> PyResult<T> {
    let fd = p.fd.get();
    let timed = p.timeout.get() > 0;
    loop {
        if timed && !wait_ready(fd, writing, deadline)? {
            return Err(timeout_error());
        }
        // The call itself may block (a blocking socket): other threads run meanwhile.
        match crate::gil::allow_threads(|| f(fd)) {
            Ok(v) => return Ok(v),
            Err(libc::EINTR) => crate::eval::helpers::eval_breaker()?,
            Err(e) if timed && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => {}
            Err(e) => return Err(os_error(e)),
        }
    }
}

fn call_deadline(p: &SocketPayload) -> Option<Instant> {
    deadline_of(p.timeout.get())
}

/// The result of a libc call returning -1 on failure, as `Result<_, errno>`.
fn check(r: isize) -> Result<usize, i32> {
    if r < 0 { Err(errno()) } else { Ok(r as usize) }
}

// ---- methods ----

fn fileno(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "fileno", 0, 0)?;
    Ok(new_int_i64(this(s)?.fd.get() as i64))
}

fn detach(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "detach", 0, 0)?;
    let p = this(s)?;
    Ok(new_int_i64(p.fd.replace(-1) as i64))
}

fn close(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "close", 0, 0)?;
    let fd = this(s)?.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing a descriptor this object owned.
        if unsafe { libc::close(fd) } < 0 {
            let e = errno();
            // A connection reset by the peer is not an error at close (bpo-30319).
            if e != libc::ECONNRESET {
                return Err(os_error(e));
            }
        }
    }
    Ok(none())
}

fn bind(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "bind", 1, 1)?;
    let p = this(s)?;
    let a = parse_address(p.family.get(), args[0].as_ref(), "bind")?;
    // SAFETY: `a` holds `a.len` valid bytes of address.
    if unsafe { libc::bind(p.fd.get(), a.as_ptr(), a.len) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(none())
}

fn listen(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "listen", 0, 1)?;
    let p = this(s)?;
    let backlog = match args.first() {
        Some(b) => c_int(b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: listen(2) has no memory-safety preconditions.
    if unsafe { libc::listen(p.fd.get(), backlog) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(none())
}

/// `_accept()` -> (new descriptor, peer address); `socket.accept` wraps the descriptor.
fn accept(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "_accept", 0, 0)?;
    let p = this(s)?;
    let mut addr = SockAddr::empty();
    let fd = sock_call(p, false, call_deadline(p), |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as _;
        // SAFETY: `addr` is valid for `addr.len` bytes.
        let r = unsafe { libc::accept4(fd, addr.as_mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) };
        check(r as isize)
    })?;
    Ok(new_tuple(vec![new_int_i64(fd as i64), make_address(&addr)]))
}

/// The SO_ERROR of a socket after a non-blocking connect finished.
fn pending_error(fd: i32) -> PyResult<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` is valid for `len` bytes.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_ERROR,
            (&mut v as *mut i32).cast(),
            &mut len,
        )
    };
    if r < 0 { Err(os_error(errno())) } else { Ok(v) }
}

/// connect(2) with CPython's timeout handling; the errno on failure (0 on success), or a
/// raised error for what `connect_ex` also raises (a timeout, a failed wait).
fn do_connect(p: &SocketPayload, a: &SockAddr) -> PyResult<i32> {
    let fd = p.fd.get();
    let (r, e) = crate::gil::allow_threads(|| {
        // SAFETY: `a` holds `a.len` valid bytes of address.
        let r = unsafe { libc::connect(fd, a.as_ptr(), a.len) };
        (r, if r < 0 { errno() } else { 0 })
    });
    if r == 0 {
        return Ok(0);
    }
    let timeout = p.timeout.get();
    let wait = (e == libc::EINTR && timeout != 0) || (e == libc::EINPROGRESS && timeout > 0);
    if !wait {
        return Ok(e);
    }
    if e == libc::EINTR {
        crate::eval::helpers::eval_breaker()?;
    }
    if !wait_ready(fd, true, deadline_of(timeout))? {
        return Err(timeout_error());
    }
    pending_error(fd)
}

fn connect(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "connect", 1, 1)?;
    let p = this(s)?;
    let a = parse_address(p.family.get(), args[0].as_ref(), "connect")?;
    match do_connect(p, &a)? {
        0 => Ok(none()),
        e => Err(os_error(e)),
    }
}

fn connect_ex(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "connect_ex", 1, 1)?;
    let p = this(s)?;
    let a = parse_address(p.family.get(), args[0].as_ref(), "connect_ex")?;
    match do_connect(p, &a) {
        Ok(e) => Ok(new_int_i64(e as i64)),
        Err(e) if e.matches(&crate::types::exceptions::TIMEOUT_ERROR) => {
            Ok(new_int_i64(libc::EWOULDBLOCK as i64))
        }
        Err(e) => Err(e),
    }
}

fn flags_arg(o: Option<&Object>) -> PyResult<i32> {
    match o {
        Some(v) => c_int(v),
        None => Ok(0),
    }
}

fn send(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "send", 1, 2)?;
    let p = this(s)?;
    let data = crate::modules::io::bytes_arg(args[0].as_ref())?;
    let flags = flags_arg(args.get(1))?;
    let n = sock_call(p, true, call_deadline(p), |fd| {
        // SAFETY: `data` is valid for reads of its length.
        check(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) })
    })?;
    Ok(new_int_i64(n as i64))
}

fn sendall(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "sendall", 1, 2)?;
    let p = this(s)?;
    let data = crate::modules::io::bytes_arg(args[0].as_ref())?;
    let flags = flags_arg(args.get(1))?;
    let deadline = call_deadline(p);
    let mut off = 0;
    loop {
        let rest = &data[off..];
        let n = sock_call(p, true, deadline, |fd| {
            // SAFETY: `rest` is valid for reads of its length.
            check(unsafe { libc::send(fd, rest.as_ptr().cast(), rest.len(), flags) })
        })?;
        off += n;
        if off >= data.len() {
            return Ok(none());
        }
        crate::eval::helpers::eval_breaker()?;
    }
}

fn sendto(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("sendto")?;
    let (data, flags, addr) = match args.len() {
        2 => (&args[0], 0, &args[1]),
        3 => (&args[0], c_int(&args[1])?, &args[2]),
        n => {
            return Err(PyErr::type_error(format!("sendto() takes 2 or 3 arguments ({n} given)")));
        }
    };
    let p = this(s)?;
    let data = crate::modules::io::bytes_arg(data.as_ref())?;
    let a = parse_address(p.family.get(), addr.as_ref(), "sendto")?;
    let n = sock_call(p, true, call_deadline(p), |fd| {
        // SAFETY: `data` and `a` are valid for reads of their lengths.
        check(unsafe {
            libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, a.as_ptr(), a.len)
        })
    })?;
    Ok(new_int_i64(n as i64))
}

fn bufsize_arg(o: &Object, what: &str) -> PyResult<usize> {
    let n = int_of(o)?;
    if n < 0 {
        return Err(PyErr::value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

/// recv(2) of up to `n` bytes into a new vector.
fn recv_bytes(p: &SocketPayload, n: usize, flags: i32) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let got = sock_call(p, false, call_deadline(p), |fd| {
        // SAFETY: `buf` is valid for writes of `n` bytes.
        check(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), n, flags) })
    })?;
    buf.truncate(got);
    Ok(buf)
}

/// recvfrom(2) of up to `n` bytes: the data and the sender's address.
fn recvfrom_bytes(p: &SocketPayload, n: usize, flags: i32) -> PyResult<(Vec<u8>, SockAddr)> {
    let mut buf = vec![0u8; n];
    let mut addr = SockAddr::empty();
    let got = sock_call(p, false, call_deadline(p), |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as _;
        // SAFETY: `buf` is valid for `n` bytes, `addr` for `addr.len` bytes.
        check(unsafe {
            libc::recvfrom(fd, buf.as_mut_ptr().cast(), n, flags, addr.as_mut_ptr(), &mut addr.len)
        })
    })?;
    buf.truncate(got);
    Ok((buf, addr))
}

fn recv(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "recv", 1, 2)?;
    let p = this(s)?;
    let n = bufsize_arg(&args[0], "recv")?;
    let flags = flags_arg(args.get(1))?;
    Ok(new_bytes(&recv_bytes(p, n, flags)?))
}

fn recvfrom(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "recvfrom", 1, 2)?;
    let p = this(s)?;
    let n = bufsize_arg(&args[0], "recvfrom")?;
    let flags = flags_arg(args.get(1))?;
    let (data, addr) = recvfrom_bytes(p, n, flags)?;
    Ok(new_tuple(vec![new_bytes(&data), make_address(&addr)]))
}

/// The (buffer, nbytes, flags) arguments of `recv_into`/`recvfrom_into`, checked against the
/// buffer's writable length.
fn into_args(
    fname: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<(Object, usize, i32)> {
    let a = Args::new(args, kw).bind(fname, &["buffer", "nbytes", "flags"], 1)?;
    let buf = a[0].expect("buffer").clone();
    if crate::types::bytes::bytes_data(buf.as_ref()).is_some()
        || crate::types::str::Str::new(buf.as_ref()).is_some()
        || crate::modules::io::buffer_bytes(buf.as_ref()).is_none()
    {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be read-write bytes-like object, not {}",
            buf.type_().name()
        )));
    }
    let len = crate::ops::len(buf.as_ref())?;
    let n = match a[1] {
        Some(v) => int_of(v)?,
        None => 0,
    };
    if n < 0 {
        return Err(PyErr::value_error(format!("negative buffersize in {fname}")));
    }
    let n = n as usize;
    if n > len {
        return Err(PyErr::value_error(if fname == "recv_into" {
            "buffer too small for requested bytes"
        } else {
            "nbytes is greater than the length of the buffer"
        }));
    }
    let flags = flags_arg(a[2])?;
    Ok((buf, if n == 0 { len } else { n }, flags))
}

fn recv_into(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = this(s)?;
    let (buf, n, flags) = into_args("recv_into", args, kw)?;
    let data = recv_bytes(p, n, flags)?;
    crate::modules::io::fill_buffer(buf.as_ref(), &data)?;
    Ok(new_int_i64(data.len() as i64))
}

fn recvfrom_into(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = this(s)?;
    let (buf, n, flags) = into_args("recvfrom_into", args, kw)?;
    let (data, addr) = recvfrom_bytes(p, n, flags)?;
    crate::modules::io::fill_buffer(buf.as_ref(), &data)?;
    Ok(new_tuple(vec![new_int_i64(data.len() as i64), make_address(&addr)]))
}

fn setblocking(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "setblocking", 1, 1)?;
    let p = this(s)?;
    let block = crate::ops::is_true(args[0].as_ref())?;
    p.timeout.set(if block { -1 } else { 0 });
    set_nonblocking(p.fd.get(), !block)?;
    Ok(none())
}

fn getblocking(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "getblocking", 0, 0)?;
    Ok(py_bool(this(s)?.timeout.get() != 0))
}

fn settimeout(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "settimeout", 1, 1)?;
    let p = this(s)?;
    let t = timeout_arg(args[0].as_ref())?;
    p.timeout.set(t);
    set_nonblocking(p.fd.get(), t >= 0)?;
    Ok(none())
}

/// A timeout in nanoseconds as Python sees it: None or seconds.
pub(crate) fn timeout_object(ns: i64) -> Object {
    if ns < 0 { none() } else { new_float(ns as f64 / 1e9) }
}

fn gettimeout(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "gettimeout", 0, 0)?;
    Ok(timeout_object(this(s)?.timeout.get()))
}

fn setsockopt(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "setsockopt", 3, 4)?;
    let p = this(s)?;
    let level = c_int(&args[0])?;
    let opt = c_int(&args[1])?;
    let fd = p.fd.get();
    let r = if args.len() == 4 {
        if !is_none(args[2].as_ref()) {
            return Err(PyErr::type_error(
                "setsockopt() takes 3 arguments, or 4 with None as the third",
            ));
        }
        let len = int_of(&args[3])?;
        // SAFETY: a NULL value with a length is what this form of setsockopt passes.
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), len as libc::socklen_t) }
    } else if crate::types::int::int_value(args[2].as_ref()).is_some()
        || crate::ops::index_via_slot(args[2].as_ref())?.is_some()
    {
        let v: libc::c_int = c_int(&args[2])?;
        let len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: `v` is valid for `len` bytes.
        unsafe { libc::setsockopt(fd, level, opt, (&v as *const i32).cast(), len) }
    } else {
        let data = crate::modules::io::buffer_bytes(args[2].as_ref()).ok_or_else(|| {
            PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                args[2].type_().name()
            ))
        })?;
        // SAFETY: `data` is valid for its length.
        unsafe { libc::setsockopt(fd, level, opt, data.as_ptr().cast(), data.len() as _) }
    };
    if r < 0 {
        return Err(os_error(errno()));
    }
    Ok(none())
}

fn getsockopt(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "getsockopt", 2, 3)?;
    let p = this(s)?;
    let level = c_int(&args[0])?;
    let opt = c_int(&args[1])?;
    let buflen = match args.get(2) {
        Some(v) => c_int(v)?,
        None => 0,
    };
    let fd = p.fd.get();
    if buflen == 0 {
        let mut v: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: `v` is valid for `len` bytes.
        if unsafe { libc::getsockopt(fd, level, opt, (&mut v as *mut i32).cast(), &mut len) } < 0 {
            return Err(os_error(errno()));
        }
        return Ok(new_int_i64(v as i64));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(super::socket::os_error_msg("getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is valid for `len` bytes.
    if unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) } < 0 {
        return Err(os_error(errno()));
    }
    buf.truncate(len as usize);
    Ok(new_bytes(&buf))
}

fn getsockname(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "getsockname", 0, 0)?;
    let p = this(s)?;
    let mut a = SockAddr::empty();
    // SAFETY: `a` is valid for `a.len` bytes.
    if unsafe { libc::getsockname(p.fd.get(), a.as_mut_ptr(), &mut a.len) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(make_address(&a))
}

fn getpeername(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "getpeername", 0, 0)?;
    let p = this(s)?;
    let mut a = SockAddr::empty();
    // SAFETY: `a` is valid for `a.len` bytes.
    if unsafe { libc::getpeername(p.fd.get(), a.as_mut_ptr(), &mut a.len) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(make_address(&a))
}

fn shutdown(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "shutdown", 1, 1)?;
    let p = this(s)?;
    let how = c_int(&args[0])?;
    // SAFETY: shutdown(2) has no memory-safety preconditions.
    if unsafe { libc::shutdown(p.fd.get(), how) } < 0 {
        return Err(os_error(errno()));
    }
    Ok(none())
}

/// `__del__`: closes a descriptor still open (CPython also warns with ResourceWarning, which
/// is ignored by default).
fn del(s: S<'_>, _args: &[Object], _kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let fd = this(s)?.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing a descriptor this object owned.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

fn get_family(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(this(Some(o))?.family.get() as i64))
}

fn get_type(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(this(Some(o))?.type_.get() as i64))
}

fn get_proto(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(this(Some(o))?.proto.get() as i64))
}

fn get_timeout(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(timeout_object(this(Some(o))?.timeout.get()))
}

/// # Safety
/// Called only by the deallocation path on a dead socket.
unsafe fn socket_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: sockets carry a `SocketPayload` (vm.md, "Object layout"); its `Drop` closes a
    // descriptor still open.
    unsafe { dealloc_payload::<SocketPayload>(obj) }
}

impl Drop for SocketPayload {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: closing a descriptor the dead socket owned.
            unsafe { libc::close(fd) };
        }
    }
}

pub static SOCKET_TYPE: StaticType = StaticType(PyType::new_static(
    "_socket.socket",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SocketPayload>(),
    0,
    TypeFlags::BASETYPE,
    1130,
    socket_dealloc,
    None,
    Slots {
        init: slot(socket_init as InitFn),
        repr: slot(socket_repr as UnaryFn),
        ..crate::types::object::object_slots()
    },
));

/// Puts the methods and attributes on `_socket.socket` (once per interpreter).
pub(crate) fn register() {
    use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
    use crate::types::typelookup::register_static_attr;
    let t = &SOCKET_TYPE.0;
    let _ = register_static_attr(
        t,
        "__new__",
        new_bound_builtin(
            "__new__",
            crate::types::surface::tp_new_wrapper,
            t.as_object().to_owned(),
        ),
    );
    for name in ["__init__", "__repr__"] {
        let _ = register_static_attr(t, name, new_slot_wrapper(t, name, WrapperImpl::Slot));
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__del__", del),
        ("_accept", accept),
        ("bind", bind),
        ("close", close),
        ("connect", connect),
        ("connect_ex", connect_ex),
        ("detach", detach),
        ("fileno", fileno),
        ("getpeername", getpeername),
        ("getsockname", getsockname),
        ("getsockopt", getsockopt),
        ("listen", listen),
        ("recv", recv),
        ("recv_into", recv_into),
        ("recvfrom", recvfrom),
        ("recvfrom_into", recvfrom_into),
        ("send", send),
        ("sendall", sendall),
        ("sendto", sendto),
        ("setblocking", setblocking),
        ("getblocking", getblocking),
        ("settimeout", settimeout),
        ("gettimeout", gettimeout),
        ("setsockopt", setsockopt),
        ("shutdown", shutdown),
        ("recvmsg", super::socket_msg::recvmsg),
        ("sendmsg", super::socket_msg::sendmsg),
    ];
    for &(name, f) in methods {
        let _ = register_static_attr(t, name, new_method_descriptor(t, name, f));
    }
    let members: &[(&'static str, GetterFn)] = &[
        ("family", get_family),
        ("type", get_type),
        ("proto", get_proto),
        ("timeout", get_timeout),
    ];
    for &(name, g) in members {
        let _ = register_static_attr(t, name, new_member(t, name, GetSetImpl::Native(g, None)));
    }
    crate::eval::typecall::register_constructor(t, socket_ctor);
    crate::eval::typecall::register_subclass_new(t, new_blank);
}

/// The payload of a socket object, for `socket_msg`.
pub(crate) fn payload_of<'a>(s: S<'a>) -> PyResult<&'a SocketPayload> {
    this(s)
}

impl SocketPayload {
    pub(crate) fn family(&self) -> i32 {
        self.family.get()
    }
}

/// `sock_call` for `socket_msg`.
pub(crate) fn call_io<T: Send>(
    p: &SocketPayload,
    writing: bool,
    f: impl FnMut(i32) -> Result<T, i32> + Send,
) -> PyResult<T> {
    sock_call(p, writing, call_deadline(p), f)
}

/// `check` for `socket_msg`.
pub(crate) fn check_r(r: isize) -> Result<usize, i32> {
    check(r)
}
