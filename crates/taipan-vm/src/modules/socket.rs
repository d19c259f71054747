//! The `_socket` module (CPython's `Modules/socketmodule.c`), what `socket.py` is built on:
//! the module object, its errors (`error` is OSError, `timeout` is TimeoutError, `herror` and
//! `gaierror` are OSError subclasses), the default timeout, and the module functions
//! (`socketpair`, `dup`, `close`, byte-order conversions, `inet_*`, host and service lookups
//! through the C library's resolver). The rest lives by topic:
//!
//! - [`super::socket_type`]: the `socket` type and its methods.
//! - [`super::socket_addr`]: Python addresses to C `sockaddr`s and back.
//! - [`super::socket_msg`]: `sendmsg`/`recvmsg`, `CMSG_LEN`/`CMSG_SPACE`.
//! - [`super::socket_consts`]: the integer constants (generated).

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::gil::GilCell;
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::{as_dict, new_dict};
use crate::types::float::float_value;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};

use super::socket_addr::{SockAddr, host_bytes, make_address, resolve};
use super::socket_type::{SOCKET_TYPE, timeout_object, wrap_fd};

type S<'a> = Option<ObjectRef<'a>>;

unsafe extern "C" {
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

/// The timeout new sockets get, in nanoseconds; negative for None (blocking).
static DEFAULT_TIMEOUT: GilCell<Cell<i64>> = GilCell::new(Cell::new(-1));
/// `herror` and `gaierror`, made once per interpreter.
static ERRORS: GilCell<RefCell<Option<(Object, Object)>>> = GilCell::new(RefCell::new(None));

/// The default timeout new sockets get (nanoseconds; negative: blocking).
pub(crate) fn default_timeout() -> i64 {
    DEFAULT_TIMEOUT.with(Cell::get)
}

// ---- errors ----

/// The current `errno`.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The `OSError` subclass for `errno`, with the C library's message.
pub(crate) fn os_error(errno: i32) -> PyErr {
    crate::modules::io::os_error(errno, None)
}

/// `OSError(msg)`.
pub(crate) fn os_error_msg(msg: &str) -> PyErr {
    instance_of(&crate::types::exceptions::OS_ERROR, msg)
}

/// An OSError-family exception made by calling its class, so that its attributes (`errno`,
/// `strerror`, ...) are set as CPython's constructor sets them.
fn instance_of(ty: &'static crate::types::typeobject::StaticType, msg: &str) -> PyErr {
    match crate::ops::call(ty.0.as_object(), &[new_str(msg)], None) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// `TimeoutError('timed out')`.
pub(crate) fn timeout_error() -> PyErr {
    instance_of(&crate::types::exceptions::TIMEOUT_ERROR, "timed out")
}

fn make_error_class(name: &str) -> PyResult<Object> {
    let ns = new_dict();
    as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("socket"))?;
    let bases = new_tuple(vec![crate::types::exceptions::OS_ERROR.0.as_object().to_owned()]);
    crate::ops::call(
        crate::types::typeobject::TYPE_TYPE.0.as_object(),
        &[new_str(name), bases, ns],
        None,
    )
}

/// `(herror, gaierror)` of this interpreter.
fn error_classes() -> PyResult<(Object, Object)> {
    if let Some(e) = ERRORS.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let e = (make_error_class("herror")?, make_error_class("gaierror")?);
    ERRORS.with(|c| *c.borrow_mut() = Some(e.clone()));
    Ok(e)
}

fn raise_class(cls: PyResult<Object>, code: i32, msg: &str) -> PyErr {
    let r = cls.and_then(|c| {
        crate::ops::call(c.as_ref(), &[new_int_i64(code as i64), new_str(msg)], None)
    });
    match r {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// The error for a `getaddrinfo`/`getnameinfo` failure code: `gaierror(code, message)`, or the
/// OSError of `errno` for `EAI_SYSTEM`.
pub(crate) fn gai_error(code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_error(errno());
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    raise_class(error_classes().map(|e| e.1), code, &msg)
}

fn herror(code: i32, msg: &str) -> PyErr {
    raise_class(error_classes().map(|e| e.0), code, msg)
}

// ---- timeouts ----

/// A timeout argument in nanoseconds (None: -1), with CPython's checks.
pub(crate) fn timeout_arg(o: ObjectRef<'_>) -> PyResult<i64> {
    if is_none(o) {
        return Ok(-1);
    }
    let ns: f64 = if let Some(f) = float_value(o) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        (f * 1e9).ceil()
    } else if int_value(o).is_some() || crate::ops::index_via_slot(o)?.is_some() {
        let v = match int_value(o) {
            Some(v) => v.to_ibig().into_owned(),
            None => int_value(crate::ops::index_via_slot(o)?.expect("int").as_ref())
                .expect("int")
                .to_ibig()
                .into_owned(),
        };
        let v: f64 = v.to_f64().value();
        v * 1e9
    } else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            o.type_().name()
        )));
    };
    if ns.abs() >= 9.2e18 {
        return Err(PyErr::overflow_error("timestamp out of range for C PyTime_t"));
    }
    if ns < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(ns as i64)
}

fn getdefaulttimeout(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("", "getdefaulttimeout", 0, 0).map_err(|_| {
        PyErr::type_error(format!("getdefaulttimeout() takes no arguments ({} given)", args.len()))
    })?;
    Ok(timeout_object(default_timeout()))
}

fn setdefaulttimeout(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "setdefaulttimeout")?;
    let t = timeout_arg(args[0].as_ref())?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(none())
}

// ---- small helpers ----

fn one(args: &[Object], kw: Option<ObjectRef<'_>>, fname: &str) -> PyResult<()> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn int_of(o: &Object) -> PyResult<i64> {
    crate::modules::posix::int_arg(o.as_ref())
}

fn c_string(b: &[u8]) -> PyResult<CString> {
    CString::new(b.to_vec()).map_err(|_| PyErr::value_error("embedded null character"))
}

fn str_arg(o: &Object, fname: &str, n: usize) -> PyResult<String> {
    match Str::new(o.as_ref()) {
        Some(s) => Ok(s.to_string_lossy()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument {}must be str, not {}",
            if n == 0 { String::new() } else { format!("{n} ") },
            o.type_().name()
        ))),
    }
}

// ---- descriptors ----

fn socketpair(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("socketpair")?;
    a.count("socketpair", 0, 3)?;
    let family = match args.first() {
        Some(v) => int_of(v)? as i32,
        None => libc::AF_UNIX,
    };
    let type_ = match args.get(1) {
        Some(v) => int_of(v)? as i32,
        None => libc::SOCK_STREAM,
    };
    let proto = match args.get(2) {
        Some(v) => int_of(v)? as i32,
        None => 0,
    };
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::socketpair(family, type_ | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0
    {
        return Err(os_error(errno()));
    }
    let a = wrap_fd(fds[0], family, type_, proto);
    let b = wrap_fd(fds[1], family, type_, proto);
    Ok(new_tuple(vec![a?, b?]))
}

fn dup(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "dup")?;
    let fd = int_of(&args[0])? as i32;
    // SAFETY: fcntl on a descriptor has no memory-safety preconditions.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(os_error(errno()));
    }
    Ok(new_int_i64(r as i64))
}

fn close(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "close")?;
    let fd = int_of(&args[0])? as i32;
    // SAFETY: closing a descriptor the caller names.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_error(errno()));
    }
    Ok(none())
}

// ---- byte order ----

fn unsigned_arg(o: &Object, bits: u32) -> PyResult<u64> {
    let Some(v) = int_value(o.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    };
    if v.is_negative() {
        return Err(PyErr::value_error("Cannot convert negative int"));
    }
    let big = v.to_ibig();
    match u64::try_from(big.as_ref()) {
        Ok(n) if bits == 64 || n < (1u64 << bits) => Ok(n),
        _ => Err(PyErr::overflow_error(format!("Python int too large for C uint{bits}_t"))),
    }
}

fn htons(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "htons")?;
    Ok(new_int_i64((unsigned_arg(&args[0], 16)? as u16).to_be() as i64))
}

fn ntohs(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "ntohs")?;
    Ok(new_int_i64(u16::from_be(unsigned_arg(&args[0], 16)? as u16) as i64))
}

fn htonl(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "htonl")?;
    Ok(new_int_i64((unsigned_arg(&args[0], 32)? as u32).to_be() as i64))
}

fn ntohl(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "ntohl")?;
    Ok(new_int_i64(u32::from_be(unsigned_arg(&args[0], 32)? as u32) as i64))
}

// ---- textual addresses ----

fn inet_aton_fn(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "inet_aton")?;
    let text = str_arg(&args[0], "inet_aton", 0)?;
    let c = c_string(text.as_bytes())?;
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: `c` is NUL-terminated and `addr` is writable.
    if unsafe { inet_aton(c.as_ptr(), &mut addr) } == 0 {
        return Err(os_error_msg("illegal IP address string passed to inet_aton"));
    }
    Ok(new_bytes(&addr.s_addr.to_ne_bytes()))
}

fn inet_ntoa(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "inet_ntoa")?;
    let data = crate::modules::io::bytes_arg(args[0].as_ref())?;
    let Ok(b) = <[u8; 4]>::try_from(data.as_slice()) else {
        return Err(os_error_msg("packed IP wrong length for inet_ntoa"));
    };
    Ok(new_str(&std::net::Ipv4Addr::from(b).to_string()))
}

fn inet_pton_fn(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("inet_pton")?;
    a.count("inet_pton", 2, 2)?;
    let af = int_of(&args[0])? as i32;
    let text = str_arg(&args[1], "inet_pton", 2)?;
    let c = c_string(text.as_bytes())?;
    let mut buf = [0u8; 16];
    // SAFETY: `c` is NUL-terminated; `buf` has room for an IPv6 address.
    let r = unsafe { inet_pton(af, c.as_ptr(), buf.as_mut_ptr().cast()) };
    match r {
        1 => Ok(new_bytes(if af == libc::AF_INET { &buf[..4] } else { &buf[..] })),
        0 => Err(os_error_msg("illegal IP address string passed to inet_pton")),
        _ => Err(os_error(errno())),
    }
}

fn inet_ntop_fn(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("inet_ntop")?;
    a.count("inet_ntop", 2, 2)?;
    let af = int_of(&args[0])? as i32;
    let data = crate::modules::io::bytes_arg(args[1].as_ref())?;
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(PyErr::value_error("unknown address family")),
    };
    if data.len() != want {
        return Err(PyErr::value_error("invalid length of packed IP address string"));
    }
    let mut out = [0 as libc::c_char; 64];
    // SAFETY: `data` holds a whole address of the family; `out` is writable for its length.
    let r = unsafe { inet_ntop(af, data.as_ptr().cast(), out.as_mut_ptr(), out.len() as _) };
    if r.is_null() {
        return Err(os_error(errno()));
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string into `out`.
    Ok(new_str(&unsafe { CStr::from_ptr(out.as_ptr()) }.to_string_lossy()))
}

// ---- names ----

fn gethostname(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("gethostname", 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: `buf` is writable for its length minus the NUL kept at the end.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(os_error(errno()));
    }
    // SAFETY: the last byte is NUL, so the string is terminated.
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(crate::modules::posix::fs_decode(name.to_bytes()))
}

/// The numeric host of an address.
fn address_host(a: &SockAddr) -> Object {
    let t = make_address(a);
    match tuple_items(t.as_ref()) {
        Some(items) if !items.is_empty() => items[0].clone(),
        _ => none(),
    }
}

fn gethostbyname(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "gethostbyname")?;
    let host = host_bytes(args[0].as_ref())?;
    let a = resolve(&host, libc::AF_INET)?;
    Ok(address_host(&a))
}

/// The addresses `getaddrinfo` gives for `host` (one per distinct address) and the canonical
/// name.
fn host_addresses(host: &[u8], family: i32) -> PyResult<(String, Vec<Object>)> {
    let c = c_string(host)?;
    // SAFETY: zero is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = libc::SOCK_STREAM;
    hints.ai_flags = libc::AI_CANONNAME;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated host, hints and result pointer; freed below.
    let rc = unsafe { libc::getaddrinfo(c.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if rc != 0 {
        return Err(herror(1, "Unknown host"));
    }
    let mut canon = String::from_utf8_lossy(host).into_owned();
    let mut addrs: Vec<Object> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned.
        let ai = unsafe { &*p };
        if !ai.ai_canonname.is_null() && p == res {
            // SAFETY: a NUL-terminated string owned by the list.
            canon = unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned();
        }
        let a = copy_addr(ai);
        let h = address_host(&a);
        let text = Str::new(h.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
        if !seen.contains(&text) {
            seen.push(text);
            addrs.push(h);
        }
        p = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo.
    unsafe { libc::freeaddrinfo(res) };
    Ok((canon, addrs))
}

fn copy_addr(ai: &libc::addrinfo) -> SockAddr {
    let mut a = SockAddr::empty();
    let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
    if !ai.ai_addr.is_null() {
        // SAFETY: `ai_addr` holds `ai_addrlen` bytes; `a` has room for `n`.
        unsafe {
            std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), a.as_mut_ptr().cast::<u8>(), n)
        };
    }
    a.len = n as _;
    a
}

fn gethostbyname_ex(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "gethostbyname_ex")?;
    let host = host_bytes(args[0].as_ref())?;
    let (canon, addrs) = host_addresses(&host, libc::AF_INET)?;
    Ok(new_tuple(vec![new_str(&canon), new_list(Vec::new()), new_list(addrs)]))
}

fn gethostbyaddr(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "gethostbyaddr")?;
    let host = host_bytes(args[0].as_ref())?;
    let a = resolve(&host, libc::AF_UNSPEC)?;
    let mut name = [0 as libc::c_char; 1025];
    // SAFETY: `a` holds `a.len` bytes; `name` is writable for its length.
    let rc = unsafe {
        libc::getnameinfo(
            a.as_ptr(),
            a.len,
            name.as_mut_ptr(),
            name.len() as _,
            std::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        )
    };
    if rc != 0 {
        return Err(herror(1, "Unknown host"));
    }
    // SAFETY: getnameinfo wrote a NUL-terminated name.
    let n = unsafe { CStr::from_ptr(name.as_ptr()) }.to_string_lossy().into_owned();
    Ok(new_tuple(vec![new_str(&n), new_list(Vec::new()), new_list(vec![address_host(&a)])]))
}

fn getaddrinfo(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw).bind(
        "getaddrinfo",
        &["host", "port", "family", "type", "proto", "flags"],
        2,
    )?;
    let host = a[0].expect("host");
    let port = a[1].expect("port");
    let host: Option<Vec<u8>> = if is_none(host.as_ref()) {
        None
    } else if let Some(s) = Str::new(host.as_ref()) {
        Some(match s.as_str() {
            Some(t) if t.is_ascii() => t.as_bytes().to_vec(),
            _ => crate::builtins::codecs::encode_str(s, "idna", "strict")?,
        })
    } else if let Some(b) = bytes_data(host.as_ref()) {
        Some(b.to_vec())
    } else {
        return Err(PyErr::type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port: Option<Vec<u8>> = if is_none(port.as_ref()) {
        None
    } else if let Some(v) = int_value(port.as_ref()) {
        Some(v.to_ibig().to_string().into_bytes())
    } else if let Some(s) = Str::new(port.as_ref()) {
        Some(s.to_string_lossy().into_bytes())
    } else if let Some(b) = bytes_data(port.as_ref()) {
        Some(b.to_vec())
    } else {
        return Err(os_error_msg("Int or String expected"));
    };
    let num = |o: Option<&Object>| -> PyResult<i32> {
        match o {
            Some(v) => Ok(int_of(v)? as i32),
            None => Ok(0),
        }
    };
    let family = num(a[2])?;
    let socktype = num(a[3])?;
    let proto = num(a[4])?;
    let flags = num(a[5])?;
    let chost = host.as_deref().map(c_string).transpose()?;
    let cport = port.as_deref().map(c_string).transpose()?;
    // SAFETY: zero is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings or NULL, valid hints and result pointer; freed below.
    let rc = unsafe {
        libc::getaddrinfo(
            chost.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            cport.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned.
        let ai = unsafe { &*p };
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        out.push(new_tuple(vec![
            new_int_i64(ai.ai_family as i64),
            new_int_i64(ai.ai_socktype as i64),
            new_int_i64(ai.ai_protocol as i64),
            new_str(&canon),
            make_address(&copy_addr(ai)),
        ]));
        p = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo.
    unsafe { libc::freeaddrinfo(res) };
    Ok(new_list(out))
}

fn getnameinfo(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getnameinfo")?;
    a.count("getnameinfo", 2, 2)?;
    let Some(items) = tuple_items(args[0].as_ref()) else {
        return Err(PyErr::type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let flags = int_of(&args[1])? as i32;
    if !(2..=4).contains(&items.len()) {
        return Err(PyErr::type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = host_bytes(items[0].as_ref())
        .map_err(|_| PyErr::type_error("getnameinfo(): illegal sockaddr argument"))?;
    let port = int_of(&items[1])?;
    let flowinfo = match items.get(2) {
        Some(v) => int_of(v)?,
        None => 0,
    };
    let scope_id = match items.get(3) {
        Some(v) => int_of(v)?,
        None => 0,
    };
    if !(0..=0xfffff).contains(&flowinfo) {
        return Err(PyErr::overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let chost = c_string(&host)?;
    let cport = c_string(port.to_string().as_bytes())?;
    // SAFETY: zero is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = libc::AF_UNSPEC;
    hints.ai_socktype = libc::SOCK_DGRAM;
    hints.ai_flags = libc::AI_NUMERICHOST;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings, valid hints and result pointer; freed below.
    let rc = unsafe { libc::getaddrinfo(chost.as_ptr(), cport.as_ptr(), &hints, &mut res) };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    // SAFETY: on success the list has at least one entry.
    let (mut addr, multiple) = unsafe { (copy_addr(&*res), !(*res).ai_next.is_null()) };
    // SAFETY: `res` came from getaddrinfo.
    unsafe { libc::freeaddrinfo(res) };
    if multiple {
        return Err(os_error_msg("sockaddr resolved to multiple addresses"));
    }
    match addr.family() {
        libc::AF_INET => {
            if items.len() != 2 {
                return Err(os_error_msg("IPv4 sockaddr must be 2 tuple"));
            }
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a `sockaddr_in6` (its family says so).
            let sin6 = unsafe { &mut *(addr.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_flowinfo = (flowinfo as u32).to_be();
            sin6.sin6_scope_id = scope_id as u32;
        }
        _ => {}
    }
    let mut hbuf = [0 as libc::c_char; 1025];
    let mut sbuf = [0 as libc::c_char; 32];
    // SAFETY: `addr` holds `addr.len` bytes; both buffers are writable for their lengths.
    let rc = unsafe {
        libc::getnameinfo(
            addr.as_ptr(),
            addr.len,
            hbuf.as_mut_ptr(),
            hbuf.len() as _,
            sbuf.as_mut_ptr(),
            sbuf.len() as _,
            flags,
        )
    };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let (h, s) = unsafe {
        (
            CStr::from_ptr(hbuf.as_ptr()).to_string_lossy().into_owned(),
            CStr::from_ptr(sbuf.as_ptr()).to_string_lossy().into_owned(),
        )
    };
    Ok(new_tuple(vec![new_str(&h), new_str(&s)]))
}

fn getservbyname(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw).bind("getservbyname", &["servicename", "protocolname"], 1)?;
    let name = c_string(str_arg(a[0].expect("name"), "getservbyname", 1)?.as_bytes())?;
    let proto = a[1].map(|p| str_arg(p, "getservbyname", 2)).transpose()?;
    let cproto = proto.as_deref().map(|p| c_string(p.as_bytes())).transpose()?;
    // SAFETY: NUL-terminated strings (or NULL); the result is read before the next call.
    let sp = unsafe {
        libc::getservbyname(name.as_ptr(), cproto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()))
    };
    if sp.is_null() {
        return Err(os_error_msg("service/proto not found"));
    }
    // SAFETY: a valid servent.
    let port = unsafe { (*sp).s_port };
    Ok(new_int_i64(u16::from_be(port as u16) as i64))
}

fn getservbyport(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw).bind("getservbyport", &["port", "protocolname"], 1)?;
    let port = int_of(a[0].expect("port"))?;
    if !(0..=0xffff).contains(&port) {
        return Err(PyErr::overflow_error("getservbyport: port must be 0-65535."));
    }
    let proto = a[1].map(|p| str_arg(p, "getservbyport", 2)).transpose()?;
    let cproto = proto.as_deref().map(|p| c_string(p.as_bytes())).transpose()?;
    // SAFETY: a NUL-terminated string (or NULL); the result is read before the next call.
    let sp = unsafe {
        libc::getservbyport(
            (port as u16).to_be() as i32,
            cproto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if sp.is_null() {
        return Err(os_error_msg("port/proto not found"));
    }
    // SAFETY: a valid servent with a NUL-terminated name.
    let name = unsafe { CStr::from_ptr((*sp).s_name) }.to_string_lossy().into_owned();
    Ok(new_str(&name))
}

fn getprotobyname(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "getprotobyname")?;
    let name = c_string(str_arg(&args[0], "getprotobyname", 1)?.as_bytes())?;
    // SAFETY: a NUL-terminated string; the result is read before the next call.
    let pp = unsafe { libc::getprotobyname(name.as_ptr()) };
    if pp.is_null() {
        return Err(os_error_msg("protocol not found"));
    }
    // SAFETY: a valid protoent.
    Ok(new_int_i64(unsafe { (*pp).p_proto } as i64))
}

fn if_nametoindex(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    one(args, kw, "if_nametoindex")?;
    let name = match Str::new(args[0].as_ref()) {
        Some(s) => crate::modules::posix::fs_encode(s)?,
        None => crate::modules::io::bytes_arg(args[0].as_ref())?,
    };
    let c = c_string(&name)?;
    // SAFETY: a NUL-terminated name.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        return Err(os_error_msg("no interface with this name"));
    }
    Ok(new_int_i64(i as i64))
}

/// Makes the `_socket` module.
pub fn make_module() -> PyResult<Object> {
    static REGISTERED: GilCell<Cell<bool>> = GilCell::new(Cell::new(false));
    if !REGISTERED.with(|r| r.replace(true)) {
        super::socket_type::register();
    }
    let m = new_module("_socket");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let sock = SOCKET_TYPE.0.as_object().to_owned();
    d.set_str("socket", sock.clone())?;
    d.set_str("SocketType", sock)?;
    d.set_str("error", crate::types::exceptions::OS_ERROR.0.as_object().to_owned())?;
    d.set_str("timeout", crate::types::exceptions::TIMEOUT_ERROR.0.as_object().to_owned())?;
    let (herror, gaierror) = error_classes()?;
    d.set_str("herror", herror)?;
    d.set_str("gaierror", gaierror)?;
    d.set_str("has_ipv6", crate::types::bool::py_bool(true))?;
    d.set_str("BDADDR_ANY", new_str("00:00:00:00:00:00"))?;
    d.set_str("BDADDR_LOCAL", new_str("00:00:00:FF:FF:FF"))?;
    for &(name, v) in super::socket_consts::CONSTANTS {
        d.set_str(name, new_int_i64(v))?;
    }
    let functions: &[(&'static str, NativeFn)] = &[
        ("socketpair", socketpair),
        ("dup", dup),
        ("close", close),
        ("getdefaulttimeout", getdefaulttimeout),
        ("setdefaulttimeout", setdefaulttimeout),
        ("htons", htons),
        ("ntohs", ntohs),
        ("htonl", htonl),
        ("ntohl", ntohl),
        ("inet_aton", inet_aton_fn),
        ("inet_ntoa", inet_ntoa),
        ("inet_pton", inet_pton_fn),
        ("inet_ntop", inet_ntop_fn),
        ("gethostname", gethostname),
        ("gethostbyname", gethostbyname),
        ("gethostbyname_ex", gethostbyname_ex),
        ("gethostbyaddr", gethostbyaddr),
        ("getaddrinfo", getaddrinfo),
        ("getnameinfo", getnameinfo),
        ("getservbyname", getservbyname),
        ("getservbyport", getservbyport),
        ("getprotobyname", getprotobyname),
        ("if_nametoindex", if_nametoindex),
        ("CMSG_LEN", super::socket_msg::cmsg_len),
        ("CMSG_SPACE", super::socket_msg::cmsg_space),
    ];
    for &(name, f) in functions {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    Ok(m)
}
