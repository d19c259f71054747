//! `posix`'s functions on file descriptors: `open`, `read`, `write`, `close`, `closerange`,
//! `lseek`, `dup`, `dup2`, `pipe`, `pipe2`, `isatty`, `fsync`, `fdatasync`, `ftruncate`,
//! `get_inheritable`/`set_inheritable`, `get_blocking`/`set_blocking`, `device_encoding`,
//! `pread`/`pwrite`.

use super::{bind, dir_fd_arg, errno, fd_value, int_arg, last_error, path_arg, py_bool, retry};
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::function::NativeFn;
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::tuple::new_tuple;

type S<'a> = Option<ObjectRef<'a>>;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("read", read),
    ("write", write),
    ("pread", pread),
    ("pwrite", pwrite),
    ("close", close),
    ("closerange", closerange),
    ("lseek", lseek),
    ("dup", dup),
    ("dup2", dup2),
    ("pipe", pipe),
    ("openpty", openpty),
    ("pipe2", pipe2),
    ("isatty", isatty),
    ("fsync", fsync),
    ("fdatasync", fdatasync),
    ("ftruncate", ftruncate),
    ("get_inheritable", get_inheritable),
    ("set_inheritable", set_inheritable),
    ("get_blocking", get_blocking),
    ("set_blocking", set_blocking),
    ("device_encoding", device_encoding),
];

fn one_fd(fname: &str, args: &[Object], kw: S<'_>) -> PyResult<i32> {
    let (a, _) = bind(fname, args, kw, &["fd"], 1, &[])?;
    fd_value(a[0].expect("fd").as_ref())
}

fn check(r: i32) -> PyResult<Object> {
    if r < 0 { Err(last_error()) } else { Ok(none()) }
}

fn open(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("open", args, kw, &["path", "flags", "mode"], 2, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "open", false, false)?;
    let flags = int_arg(a[1].expect("flags").as_ref())? as i32 | libc::O_CLOEXEC;
    let mode = match a[2] {
        Some(m) => int_arg(m.as_ref())?,
        None => 0o777,
    };
    let dfd = dir_fd_arg(k[0])?;
    let c = p.cstr();
    // SAFETY: a NUL-terminated path.
    match retry(|| unsafe { libc::openat(dfd, c.as_ptr(), flags, mode as libc::c_uint) }) {
        Ok(fd) => Ok(new_int_i64(fd as i64)),
        Err(e) => Err(super::os_error2(e, Some(p.obj.clone()), None)),
    }
}

fn length_arg(o: ObjectRef<'_>) -> PyResult<i64> {
    match int_arg(o) {
        Err(e) if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) => {
            Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"))
        }
        r => r,
    }
}

fn read_into(fd: i32, n: i64, offset: Option<i64>) -> PyResult<Object> {
    if n < 0 {
        return Err(super::os_error2(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    // With the GIL released: other threads run while this one waits for input.
    // SAFETY: `buf` is valid for `n` bytes of writes.
    let r = retry(|| {
        crate::gil::allow_threads(|| unsafe {
            match offset {
                Some(off) => libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), off),
                None => libc::read(fd, buf.as_mut_ptr().cast(), buf.len()),
            }
        })
    });
    match r {
        Ok(k) => {
            buf.truncate(k as usize);
            Ok(new_bytes(&buf))
        }
        Err(e) => Err(super::os_error2(e, None, None)),
    }
}

fn read(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("read", args, kw, 2, 2)?;
    let fd = fd_value(a[0].as_ref())?;
    let n = length_arg(a[1].as_ref())?;
    read_into(fd, n, None)
}

fn pread(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("pread", args, kw, 3, 3)?;
    let fd = fd_value(a[0].as_ref())?;
    let n = length_arg(a[1].as_ref())?;
    let off = int_arg(a[2].as_ref())?;
    read_into(fd, n, Some(off))
}

fn write_from(fd: i32, data: &Object, offset: Option<i64>) -> PyResult<Object> {
    let data = crate::modules::io::bytes_arg(data.as_ref())?;
    // With the GIL released (`data` is this call's own copy).
    // SAFETY: `data` is valid for `len` bytes of reads.
    let r = retry(|| {
        crate::gil::allow_threads(|| unsafe {
            match offset {
                Some(off) => libc::pwrite(fd, data.as_ptr().cast(), data.len(), off),
                None => libc::write(fd, data.as_ptr().cast(), data.len()),
            }
        })
    });
    match r {
        Ok(k) => Ok(new_int_i64(k as i64)),
        Err(e) => Err(super::os_error2(e, None, None)),
    }
}

fn write(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("write", args, kw, 2, 2)?;
    let fd = fd_value(a[0].as_ref())?;
    write_from(fd, &a[1], None)
}

fn pwrite(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("pwrite", args, kw, 3, 3)?;
    let fd = fd_value(a[0].as_ref())?;
    let off = int_arg(a[2].as_ref())?;
    write_from(fd, &a[1], Some(off))
}

fn close(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let fd = one_fd("close", args, kw)?;
    // SAFETY: closing a descriptor has no memory preconditions.
    let r = unsafe { libc::close(fd) };
    if r < 0 && errno() != libc::EINTR {
        return Err(last_error());
    }
    Ok(none())
}

fn closerange(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("closerange", args, kw, 2, 2)?;
    let lo = fd_value(a[0].as_ref())?.max(0);
    let hi = fd_value(a[1].as_ref())?;
    for fd in lo..hi {
        // SAFETY: closing a descriptor has no memory preconditions; errors are ignored.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

fn lseek(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("lseek", args, kw, 3, 3)?;
    let fd = fd_value(a[0].as_ref())?;
    let pos = int_arg(a[1].as_ref())?;
    let how = int_arg(a[2].as_ref())? as i32;
    // SAFETY: lseek has no memory preconditions.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(new_int_i64(r))
}

fn dup(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("dup", args, kw, 1, 1)?;
    let fd = fd_value(a[0].as_ref())?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) has no memory preconditions.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(new_int_i64(r as i64))
}

fn dup2(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("dup2", args, kw, &["fd", "fd2", "inheritable"], 2, &[])?;
    let fd = fd_value(a[0].expect("fd").as_ref())?;
    let fd2 = fd_value(a[1].expect("fd2").as_ref())?;
    let inheritable = super::bool_kw(a[2], true)?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: dup3/dup2 have no memory preconditions.
    let r = unsafe { if fd == fd2 { libc::dup2(fd, fd2) } else { libc::dup3(fd, fd2, flags) } };
    if r < 0 {
        return Err(last_error());
    }
    Ok(new_int_i64(r as i64))
}

fn make_pipe(flags: i32) -> PyResult<Object> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } != 0 {
        return Err(last_error());
    }
    Ok(new_tuple(vec![new_int_i64(fds[0] as i64), new_int_i64(fds[1] as i64)]))
}

/// `openpty()`: a new pseudo-terminal pair (master, slave), both non-inheritable; made with
/// `posix_openpt`/`grantpt`/`unlockpt`/`ptsname_r`, which need no extra library.
fn openpty(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("openpty", args, kw)?;
    // SAFETY: plain flags; the result is checked.
    let master = unsafe { libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) };
    if master < 0 {
        return Err(last_error());
    }
    let mut name = [0 as libc::c_char; 128];
    // SAFETY: `master` is an open pseudo-terminal master; `name` has room for the path and
    // `ptsname_r` writes a NUL-terminated string within its length.
    let ok = unsafe {
        libc::grantpt(master) == 0
            && libc::unlockpt(master) == 0
            && libc::ptsname_r(master, name.as_mut_ptr(), name.len()) == 0
    };
    if !ok {
        let e = last_error();
        // SAFETY: closing the descriptor opened above.
        unsafe { libc::close(master) };
        return Err(e);
    }
    // SAFETY: `name` holds the NUL-terminated slave path.
    let slave =
        unsafe { libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) };
    if slave < 0 {
        let e = last_error();
        // SAFETY: closing the descriptor opened above.
        unsafe { libc::close(master) };
        return Err(e);
    }
    Ok(new_tuple(vec![new_int_i64(master as i64), new_int_i64(slave as i64)]))
}

fn pipe(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("pipe", args, kw)?;
    make_pipe(libc::O_CLOEXEC)
}

fn pipe2(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("pipe2", args, kw, 1, 1)?;
    make_pipe(int_arg(a[0].as_ref())? as i32)
}

fn isatty(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("isatty", args, kw, 1, 1)?;
    let fd = fd_value(a[0].as_ref())?;
    // SAFETY: isatty has no memory preconditions.
    Ok(py_bool(unsafe { libc::isatty(fd) } == 1))
}

/// A descriptor or an object with `fileno()` (`fsync(f)`).
fn fileno_arg(o: &Object) -> PyResult<i32> {
    if crate::types::int::int_value(o.as_ref()).is_some() {
        return fd_value(o.as_ref());
    }
    match crate::attr::getattr(o.as_ref(), crate::types::str::intern("fileno").as_ref()) {
        Ok(f) => {
            let r = crate::ops::call(f.as_ref(), &[], None)?;
            fd_value(r.as_ref())
        }
        Err(_) => Err(PyErr::type_error("argument must be an int, or have a fileno() method.")),
    }
}

fn fsync(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("fsync", args, kw, &["fd"], 1, &[])?;
    let fd = fileno_arg(a[0].expect("fd"))?;
    // SAFETY: fsync has no memory preconditions.
    check(unsafe { libc::fsync(fd) })
}

fn fdatasync(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("fdatasync", args, kw, &["fd"], 1, &[])?;
    let fd = fileno_arg(a[0].expect("fd"))?;
    // SAFETY: fdatasync has no memory preconditions.
    check(unsafe { libc::fdatasync(fd) })
}

fn ftruncate(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("ftruncate", args, kw, 2, 2)?;
    let fd = fd_value(a[0].as_ref())?;
    let len = int_arg(a[1].as_ref())?;
    // SAFETY: ftruncate has no memory preconditions.
    match retry(|| unsafe { libc::ftruncate(fd, len) }) {
        Ok(_) => Ok(none()),
        Err(e) => Err(super::os_error2(e, None, None)),
    }
}

fn fd_flags(fd: i32, get: i32) -> PyResult<i32> {
    // SAFETY: fcntl(F_GETFD/F_GETFL) has no memory preconditions.
    let r = unsafe { libc::fcntl(fd, get) };
    if r < 0 { Err(last_error()) } else { Ok(r) }
}

fn get_inheritable(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("get_inheritable", args, kw, 1, 1)?;
    let fd = fd_value(a[0].as_ref())?;
    Ok(py_bool(fd_flags(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("set_inheritable", args, kw, 2, 2)?;
    let fd = fd_value(a[0].as_ref())?;
    let on = crate::ops::is_true(a[1].as_ref())?;
    let f = fd_flags(fd, libc::F_GETFD)?;
    let nf = if on { f & !libc::FD_CLOEXEC } else { f | libc::FD_CLOEXEC };
    // SAFETY: fcntl(F_SETFD) has no memory preconditions.
    check(unsafe { libc::fcntl(fd, libc::F_SETFD, nf) })
}

fn get_blocking(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("get_blocking", args, kw, 1, 1)?;
    let fd = fd_value(a[0].as_ref())?;
    Ok(py_bool(fd_flags(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0))
}

fn set_blocking(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = super::positional("set_blocking", args, kw, 2, 2)?;
    let fd = fd_value(a[0].as_ref())?;
    let on = crate::ops::is_true(a[1].as_ref())?;
    let f = fd_flags(fd, libc::F_GETFL)?;
    let nf = if on { f & !libc::O_NONBLOCK } else { f | libc::O_NONBLOCK };
    // SAFETY: fcntl(F_SETFL) has no memory preconditions.
    check(unsafe { libc::fcntl(fd, libc::F_SETFL, nf) })
}

fn device_encoding(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("device_encoding", args, kw, &["fd"], 1, &[])?;
    let fd = fd_value(a[0].expect("fd").as_ref())?;
    // SAFETY: isatty has no memory preconditions.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(crate::types::str::new_str("UTF-8"));
    }
    Ok(none())
}
