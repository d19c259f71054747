//! `resource`: the process's resource limits (`getrlimit`, `setrlimit`), the page size and the
//! `RLIMIT_*` constants, on the C library's `getrlimit(2)`/`setrlimit(2)`. Limits are Python ints
//! with `RLIM_INFINITY` as -1, as CPython gives them.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::modules::posix::{int_arg, last_error};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::tuple::new_tuple;

/// The `RLIMIT_*` resources this platform (Linux) has.
const RESOURCES: &[(&str, i64)] = &[
    ("RLIMIT_CPU", 0),
    ("RLIMIT_FSIZE", 1),
    ("RLIMIT_DATA", 2),
    ("RLIMIT_STACK", 3),
    ("RLIMIT_CORE", 4),
    ("RLIMIT_RSS", 5),
    ("RLIMIT_NPROC", 6),
    ("RLIMIT_NOFILE", 7),
    ("RLIMIT_OFILE", 7),
    ("RLIMIT_MEMLOCK", 8),
    ("RLIMIT_AS", 9),
    ("RLIMIT_SIGPENDING", 11),
    ("RLIMIT_MSGQUEUE", 12),
    ("RLIMIT_NICE", 13),
    ("RLIMIT_RTPRIO", 14),
    ("RLIMIT_RTTIME", 15),
];

/// The number of resources `getrlimit` accepts (`RLIM_NLIMITS`).
const NLIMITS: i64 = 16;

fn resource_arg(o: ObjectRef<'_>) -> PyResult<i64> {
    let r = int_arg(o)?;
    if !(0..NLIMITS).contains(&r) {
        return Err(PyErr::value_error("invalid resource specified"));
    }
    Ok(r)
}

/// A limit as Python sees it: `RLIM_INFINITY` is -1.
fn limit_object(v: libc::rlim_t) -> Object {
    if v == libc::RLIM_INFINITY { new_int_i64(-1) } else { new_int_i64(v as i64) }
}

fn limit_value(o: ObjectRef<'_>) -> PyResult<libc::rlim_t> {
    let v = int_arg(o)?;
    Ok(if v < 0 { libc::RLIM_INFINITY } else { v as libc::rlim_t })
}

fn getrlimit(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getrlimit")?;
    a.count("getrlimit", 1, 1)?;
    let r = resource_arg(a.pos[0].as_ref())?;
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: `lim` is a valid, writable `rlimit` for the call's duration (no VM invariant).
    if unsafe { libc::getrlimit(r as _, &mut lim) } != 0 {
        return Err(last_error());
    }
    Ok(new_tuple(vec![limit_object(lim.rlim_cur), limit_object(lim.rlim_max)]))
}

fn setrlimit(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setrlimit")?;
    a.count("setrlimit", 2, 2)?;
    let r = resource_arg(a.pos[0].as_ref())?;
    let items = crate::eval::helpers::iterate(a.pos[1].as_ref())?;
    if items.len() != 2 {
        return Err(PyErr::value_error("expected a tuple of 2 integers"));
    }
    let lim = libc::rlimit {
        rlim_cur: limit_value(items[0].as_ref())?,
        rlim_max: limit_value(items[1].as_ref())?,
    };
    // SAFETY: `lim` is a valid `rlimit` for the call's duration (no VM invariant).
    if unsafe { libc::setrlimit(r as _, &lim) } != 0 {
        let e = crate::modules::posix::errno();
        if e == libc::EINVAL {
            return Err(PyErr::value_error("current limit exceeds maximum limit"));
        }
        if e == libc::EPERM {
            return Err(PyErr::value_error("not allowed to raise maximum limit"));
        }
        return Err(last_error());
    }
    Ok(crate::types::singletons::none())
}

fn getpagesize(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getpagesize")?;
    a.count("getpagesize", 0, 0)?;
    // SAFETY: `sysconf` only reads a configuration value (no VM invariant).
    Ok(new_int_i64(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

/// Makes the `resource` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("resource");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (n, v) in RESOURCES {
        d.set_str(n, new_int_i64(*v))?;
    }
    d.set_str("RLIM_INFINITY", new_int_i64(-1))?;
    d.set_str("RUSAGE_SELF", new_int_i64(0))?;
    d.set_str("RUSAGE_CHILDREN", new_int_i64(-1))?;
    d.set_str("RUSAGE_THREAD", new_int_i64(1))?;
    d.set_str("error", crate::types::exceptions::OS_ERROR.0.as_object().to_owned())?;
    for (n, f) in [
        ("getrlimit", getrlimit as NativeFn),
        ("setrlimit", setrlimit),
        ("getpagesize", getpagesize),
    ] {
        d.set_str(n, new_builtin_function(n, f))?;
    }
    Ok(m)
}
