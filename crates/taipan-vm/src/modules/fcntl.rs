//! The `fcntl` module (CPython's `Modules/fcntlmodule.c`): `fcntl`, `ioctl`, `flock`, `lockf`
//! and Linux's constants; and [`as_file_descriptor`], CPython's `PyObject_AsFileDescriptor`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int_i64};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};

type S<'a> = Option<ObjectRef<'a>>;

/// The constants, as Linux (x86-64) defines them.
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_ATTRIB", 32),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2147483648),
    ("DN_RENAME", 16),
    ("FASYNC", 8192),
    ("FD_CLOEXEC", 1),
    ("FICLONE", 1074041865),
    ("FICLONERANGE", 1075876877),
    ("F_ADD_SEALS", 1033),
    ("F_DUPFD", 0),
    ("F_DUPFD_CLOEXEC", 1030),
    ("F_DUPFD_QUERY", 1027),
    ("F_EXLCK", 4),
    ("F_GETFD", 1),
    ("F_GETFL", 3),
    ("F_GETLEASE", 1025),
    ("F_GETLK", 5),
    ("F_GETLK64", 5),
    ("F_GETOWN", 9),
    ("F_GETOWN_EX", 16),
    ("F_GETPIPE_SZ", 1032),
    ("F_GETSIG", 11),
    ("F_GET_FILE_RW_HINT", 1037),
    ("F_GET_RW_HINT", 1035),
    ("F_GET_SEALS", 1034),
    ("F_NOTIFY", 1026),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_OWNER_PGRP", 2),
    ("F_OWNER_PID", 1),
    ("F_OWNER_TID", 0),
    ("F_RDLCK", 0),
    ("F_SEAL_FUTURE_WRITE", 16),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_WRITE", 8),
    ("F_SETFD", 2),
    ("F_SETFL", 4),
    ("F_SETLEASE", 1024),
    ("F_SETLK", 6),
    ("F_SETLK64", 6),
    ("F_SETLKW", 7),
    ("F_SETLKW64", 7),
    ("F_SETOWN", 8),
    ("F_SETOWN_EX", 15),
    ("F_SETPIPE_SZ", 1031),
    ("F_SETSIG", 10),
    ("F_SET_FILE_RW_HINT", 1038),
    ("F_SET_RW_HINT", 1036),
    ("F_SHLCK", 8),
    ("F_UNLCK", 2),
    ("F_WRLCK", 1),
    ("LOCK_EX", 2),
    ("LOCK_MAND", 32),
    ("LOCK_NB", 4),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", 1),
    ("LOCK_UN", 8),
    ("LOCK_WRITE", 128),
    ("RWH_WRITE_LIFE_EXTREME", 5),
    ("RWH_WRITE_LIFE_LONG", 4),
    ("RWH_WRITE_LIFE_MEDIUM", 3),
    ("RWH_WRITE_LIFE_NONE", 1),
    ("RWH_WRITE_LIFE_NOT_SET", 0),
    ("RWH_WRITE_LIFE_SHORT", 2),
];

/// A descriptor from an int or an object's `fileno()` (CPython's `PyObject_AsFileDescriptor`).
pub(crate) fn as_file_descriptor(o: ObjectRef<'_>) -> PyResult<i32> {
    let v = if int_value(o).is_some() {
        o.to_owned()
    } else {
        let meth =
            crate::attr::getattr(o, crate::types::str::intern("fileno").as_ref()).map_err(|e| {
                if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) {
                    PyErr::type_error("argument must be an int, or have a fileno() method.")
                } else {
                    e
                }
            })?;
        let r = crate::ops::call(meth.as_ref(), &[], None)?;
        if int_value(r.as_ref()).is_none() {
            return Err(PyErr::type_error("fileno() returned a non-integer"));
        }
        r
    };
    let fd = match int_value(v.as_ref()).and_then(|i| i64::try_from(i.to_ibig().as_ref()).ok()) {
        Some(fd) if (i32::MIN as i64..=i32::MAX as i64).contains(&fd) => fd as i32,
        _ => return Err(PyErr::overflow_error("Python int too large to convert to C int")),
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

fn c_int(o: &Object) -> PyResult<i64> {
    let v = crate::modules::posix::int_arg(o.as_ref())?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    Ok(v)
}

/// Retries `f` while it fails with EINTR (running the signal handlers in between).
fn retry(mut f: impl FnMut() -> libc::c_long) -> PyResult<libc::c_long> {
    loop {
        let r = f();
        if r >= 0 {
            return Ok(r);
        }
        let e = crate::modules::posix::errno();
        if e != libc::EINTR {
            return Err(crate::modules::posix::os_error2(e, None, None));
        }
        crate::modules::signal::check_signals()?;
    }
}

/// The buffer form of a third argument (bytes-like or str), or None for an int.
fn buffer_arg(fname: &str, o: &Object) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = bytes_data(o.as_ref()) {
        return Ok(Some(b.to_vec()));
    }
    if let Some(s) = Str::new(o.as_ref()) {
        return Ok(Some(s.to_string_lossy().into_bytes()));
    }
    if let Some(b) = crate::types::bytearray::bytearray_data(o.as_ref()) {
        return Ok(Some(b));
    }
    if int_value(o.as_ref()).is_some() || crate::ops::index_via_slot(o.as_ref())?.is_some() {
        return Ok(None);
    }
    Err(PyErr::type_error(format!(
        "{fname}() argument 3 must be an integer, a bytes-like object, or a string, not {}",
        o.type_().name()
    )))
}

const BUF: usize = 1024;

fn fcntl(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("fcntl")?;
    a.count("fcntl", 2, 3)?;
    let fd = as_file_descriptor(a.pos[0].as_ref())?;
    let cmd = c_int(&a.pos[1])? as i32;
    let arg = a.pos.get(2);
    if let Some(o) = arg
        && let Some(mut buf) = buffer_arg("fcntl", o)?
    {
        if buf.len() > BUF {
            return Err(PyErr::value_error("fcntl argument 3 is too long"));
        }
        let n = buf.len();
        buf.resize(BUF, 0);
        // SAFETY: `buf` holds BUF bytes, as much as any fcntl command with a buffer uses.
        retry(|| unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) } as libc::c_long)?;
        return Ok(new_bytes(&buf[..n]));
    }
    let v = match arg {
        Some(o) => {
            let v = crate::modules::posix::int_arg(o.as_ref())?;
            if v > u32::MAX as i64 || v < i32::MIN as i64 {
                return Err(PyErr::overflow_error("Python int too large to convert to C int"));
            }
            v as libc::c_int
        }
        None => 0,
    };
    // SAFETY: an integer argument; no memory is passed.
    let r = retry(|| unsafe { libc::fcntl(fd, cmd, v) } as libc::c_long)?;
    Ok(new_int_i64(r as i64))
}

fn ioctl(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("ioctl")?;
    a.count("ioctl", 2, 4)?;
    let fd = as_file_descriptor(a.pos[0].as_ref())?;
    let req = crate::modules::posix::int_arg(a.pos[1].as_ref())? as libc::c_ulong;
    let arg = a.pos.get(2);
    if let Some(o) = arg
        && let Some(mut buf) = buffer_arg("ioctl", o)?
    {
        if buf.len() > BUF {
            return Err(PyErr::value_error("ioctl argument 3 is too long"));
        }
        let n = buf.len();
        buf.resize(BUF, 0);
        // SAFETY: `buf` holds BUF bytes for the request to read or fill.
        retry(|| unsafe { libc::ioctl(fd, req as _, buf.as_mut_ptr()) } as libc::c_long)?;
        return Ok(new_bytes(&buf[..n]));
    }
    let v = match arg {
        Some(o) => crate::modules::posix::int_arg(o.as_ref())? as libc::c_long,
        None => 0,
    };
    // SAFETY: an integer argument; no memory is passed.
    let r = retry(|| unsafe { libc::ioctl(fd, req as _, v) } as libc::c_long)?;
    Ok(new_int_i64(r as i64))
}

fn flock(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("flock")?;
    a.count("flock", 2, 2)?;
    let fd = as_file_descriptor(a.pos[0].as_ref())?;
    let op = c_int(&a.pos[1])? as i32;
    // SAFETY: flock has no memory arguments.
    retry(|| unsafe { libc::flock(fd, op) } as libc::c_long)?;
    Ok(none())
}

fn lockf(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("lockf")?;
    a.count("lockf", 2, 5)?;
    let fd = as_file_descriptor(a.pos[0].as_ref())?;
    let code = c_int(&a.pos[1])? as i32;
    let num = |i: usize| -> PyResult<i64> {
        match a.pos.get(i) {
            Some(o) => crate::modules::posix::int_arg(o.as_ref()),
            None => Ok(0),
        }
    };
    let (len, start, whence) = (num(2)?, num(3)?, num(4)?);
    let l_type = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(PyErr::value_error("unrecognized lockf argument"));
    };
    // SAFETY: a zeroed flock is valid; its fields are set below.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = l_type as _;
    lock.l_whence = whence as _;
    lock.l_start = start as _;
    lock.l_len = len as _;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: `lock` is a valid flock for the kernel to read.
    retry(|| unsafe { libc::fcntl(fd, cmd, &mut lock as *mut libc::flock) } as libc::c_long)?;
    Ok(none())
}

/// Makes the `fcntl` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("fcntl");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module performs file control and I/O control on file\ndescriptors.  It is \
             an interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be \
             obtained with the fileno() method of\na file or socket object.",
        ),
    )?;
    let fns: &[(&'static str, NativeFn)] =
        &[("fcntl", fcntl), ("ioctl", ioctl), ("flock", flock), ("lockf", lockf)];
    for &(name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    for &(name, v) in CONSTANTS {
        d.set_str(name, new_int_i64(v))?;
    }
    Ok(m)
}
