//! `posix`'s functions on the process and its environment: `environ` (bytes to bytes, as
//! posix keeps it), `putenv`/`unsetenv`, the process and user ids, `kill`, `_exit`, `umask`,
//! `urandom`, `strerror`, `uname`, `cpu_count`, `get_terminal_size`, `times`, `waitpid`/`wait`
//! and the `W*` status functions, `sysconf`/`confstr`, `fork`/`execv`/`execve`.

use std::os::unix::ffi::OsStrExt;

use super::{bind, errno, fd_value, int_arg, last_error, positional, py_attr, py_bool};
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::NativeFn;
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;

type S<'a> = Option<ObjectRef<'a>>;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("_create_environ", create_environ),
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("getpgrp", getpgrp),
    ("getgroups", getgroups),
    ("getlogin", getlogin),
    ("kill", kill),
    ("killpg", killpg),
    ("_exit", exit_now),
    ("umask", umask),
    ("urandom", urandom),
    ("strerror", strerror),
    ("uname", uname),
    ("cpu_count", cpu_count),
    ("get_terminal_size", get_terminal_size),
    ("times", times),
    ("waitpid", waitpid),
    ("wait", wait),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("WIFSTOPPED", wifstopped),
    ("WSTOPSIG", wstopsig),
    ("WCOREDUMP", wcoredump),
    ("WIFCONTINUED", wifcontinued),
    ("sysconf", sysconf),
    ("confstr", confstr),
    ("fork", fork),
    ("execv", execv),
    ("execve", execve),
    ("getloadavg", getloadavg),
];

/// `posix.environ`: the environment at start-up as a dict of bytes to bytes.
pub(super) fn make_environ() -> PyResult<Object> {
    let d = new_dict();
    let dd = as_dict(d.as_ref()).expect("dict");
    for (k, v) in std::env::vars_os() {
        dd.set_item(new_bytes(k.as_bytes()), new_bytes(v.as_bytes()))?;
    }
    Ok(d)
}

fn create_environ(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("_create_environ", args, kw)?;
    make_environ()
}

/// An environment name or value: str (file-system encoded), bytes or `os.PathLike`.
fn env_bytes(o: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    let p = match super::fspath(o)? {
        Some(p) => p,
        None => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                o.type_().name()
            )));
        }
    };
    let b = match Str::new(p.as_ref()) {
        Some(s) => super::fs_encode(s)?,
        None => bytes_data(p.as_ref()).unwrap_or(&[]).to_vec(),
    };
    if b.contains(&0) {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(b)
}

fn env_name(o: ObjectRef<'_>, check_eq: bool) -> PyResult<std::ffi::CString> {
    let b = env_bytes(o)?;
    if check_eq && b.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    Ok(std::ffi::CString::new(b).unwrap_or_default())
}

fn putenv(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("putenv", args, kw, 2, 2)?;
    let name = env_name(a[0].as_ref(), true)?;
    let value = std::ffi::CString::new(env_bytes(a[1].as_ref())?).unwrap_or_default();
    // SAFETY: both are NUL-terminated; one interpreter thread touches the environment.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error());
    }
    Ok(none())
}

fn unsetenv(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("unsetenv", args, kw, 1, 1)?;
    let name = env_name(a[0].as_ref(), false)?;
    // SAFETY: NUL-terminated; one interpreter thread touches the environment.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error());
    }
    Ok(none())
}

macro_rules! id_fn {
    ($name:ident, $py:literal, $call:expr) => {
        fn $name(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
            super::no_args($py, args, kw)?;
            // SAFETY: the id getters have no preconditions and cannot fail.
            Ok(new_int_i64(unsafe { $call } as i64))
        }
    };
}

id_fn!(getpid, "getpid", libc::getpid());
id_fn!(getppid, "getppid", libc::getppid());
id_fn!(getuid, "getuid", libc::getuid());
id_fn!(geteuid, "geteuid", libc::geteuid());
id_fn!(getgid, "getgid", libc::getgid());
id_fn!(getegid, "getegid", libc::getegid());
id_fn!(getpgrp, "getpgrp", libc::getpgrp());

fn getgroups(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("getgroups", args, kw)?;
    // SAFETY: a zero-size query.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(last_error());
    }
    let mut v = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `v` has room for `n` ids.
    let n = unsafe { libc::getgroups(n, v.as_mut_ptr()) };
    if n < 0 {
        return Err(last_error());
    }
    v.truncate(n as usize);
    Ok(crate::types::list::new_list(v.into_iter().map(|g| new_int_i64(g as i64)).collect()))
}

fn getlogin(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("getlogin", args, kw)?;
    // SAFETY: getlogin returns null or a static NUL-terminated string.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = errno();
        return Err(super::os_error2(if e == 0 { libc::ENXIO } else { e }, None, None));
    }
    // SAFETY: checked non-null above.
    Ok(super::fs_decode(unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes()))
}

fn kill(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("kill", args, kw, 2, 2)?;
    let pid = int_arg(a[0].as_ref())? as libc::pid_t;
    let sig = int_arg(a[1].as_ref())? as i32;
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error());
    }
    Ok(none())
}

fn killpg(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("killpg", args, kw, 2, 2)?;
    let pgid = int_arg(a[0].as_ref())? as libc::pid_t;
    let sig = int_arg(a[1].as_ref())? as i32;
    // SAFETY: killpg has no memory preconditions.
    if unsafe { libc::killpg(pgid, sig) } != 0 {
        return Err(last_error());
    }
    Ok(none())
}

fn exit_now(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("_exit", args, kw, &["status"], 1, &[])?;
    let code = int_arg(a[0].expect("status").as_ref())? as i32;
    // SAFETY: ends the process without running any destructor, as os._exit does.
    unsafe { libc::_exit(code) }
}

fn umask(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("umask", args, kw, 1, 1)?;
    let m = int_arg(a[0].as_ref())?;
    // SAFETY: umask has no preconditions.
    Ok(new_int_i64(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn urandom(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("urandom", args, kw, 1, 1)?;
    let n = match int_arg(a[0].as_ref()) {
        Err(e) if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) => {
            return Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"));
        }
        r => r?,
    };
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the rest of `buf` is valid for writes.
        let r =
            unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(super::os_error2(e, None, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(&buf))
}

fn strerror(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("strerror", args, kw, 1, 1)?;
    let code = int_arg(a[0].as_ref())? as i32;
    Ok(new_str(&super::strerror_text(code)))
}

fn cstr_field(f: &[libc::c_char]) -> Object {
    // SAFETY: `utsname` fields are NUL-terminated within their arrays.
    let c = unsafe { std::ffi::CStr::from_ptr(f.as_ptr()) };
    super::fs_decode(c.to_bytes())
}

fn uname(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("uname", args, kw)?;
    // SAFETY: a plain struct uname fills.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is valid for writes.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_error());
    }
    let v = vec![
        cstr_field(&u.sysname),
        cstr_field(&u.nodename),
        cstr_field(&u.release),
        cstr_field(&u.version),
        cstr_field(&u.machine),
    ];
    crate::ops::call(py_attr("uname_result")?.as_ref(), &[new_tuple(v)], None)
}

fn cpu_count(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("cpu_count", args, kw)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { none() } else { new_int_i64(n as i64) })
}

fn get_terminal_size(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("get_terminal_size", args, kw, 0, 1)?;
    let fd = match a.first() {
        Some(f) => fd_value(f.as_ref())?,
        None => 1,
    };
    // SAFETY: a plain struct the ioctl fills.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `winsize`.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(last_error());
    }
    let v = vec![new_int_i64(w.ws_col as i64), new_int_i64(w.ws_row as i64)];
    crate::ops::call(py_attr("terminal_size")?.as_ref(), &[new_tuple(v)], None)
}

fn times(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("times", args, kw)?;
    // SAFETY: a plain struct times fills.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is valid for writes.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(last_error());
    }
    // SAFETY: sysconf has no preconditions.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |v: libc::clock_t| crate::types::float::new_float(v as f64 / tick);
    let v = vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(c)];
    crate::ops::call(py_attr("times_result")?.as_ref(), &[new_tuple(v)], None)
}

fn waitpid(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("waitpid", args, kw, 2, 2)?;
    let pid = int_arg(a[0].as_ref())? as libc::pid_t;
    let options = int_arg(a[1].as_ref())? as i32;
    let mut status = 0;
    // With the GIL released while the child runs.
    // SAFETY: `status` is valid for writes.
    match super::retry(|| {
        crate::gil::allow_threads(|| unsafe { libc::waitpid(pid, &mut status, options) })
    }) {
        Ok(r) => Ok(new_tuple(vec![new_int_i64(r as i64), new_int_i64(status as i64)])),
        Err(e) => Err(super::os_error2(e, None, None)),
    }
}

fn wait(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("wait", args, kw)?;
    let mut status = 0;
    // SAFETY: `status` is valid for writes.
    match super::retry(|| crate::gil::allow_threads(|| unsafe { libc::wait(&mut status) })) {
        Ok(r) => Ok(new_tuple(vec![new_int_i64(r as i64), new_int_i64(status as i64)])),
        Err(e) => Err(super::os_error2(e, None, None)),
    }
}

fn status_arg(fname: &str, args: &[Object], kw: S<'_>) -> PyResult<i32> {
    let (a, _) = bind(fname, args, kw, &["status"], 1, &[])?;
    Ok(int_arg(a[0].expect("status").as_ref())? as i32)
}

macro_rules! wfn {
    ($name:ident, $py:literal, bool, $f:path) => {
        fn $name(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
            Ok(py_bool($f(status_arg($py, args, kw)?)))
        }
    };
    ($name:ident, $py:literal, int, $f:path) => {
        fn $name(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
            Ok(new_int_i64($f(status_arg($py, args, kw)?) as i64))
        }
    };
}

wfn!(wifexited, "WIFEXITED", bool, libc::WIFEXITED);
wfn!(wexitstatus, "WEXITSTATUS", int, libc::WEXITSTATUS);
wfn!(wifsignaled, "WIFSIGNALED", bool, libc::WIFSIGNALED);
wfn!(wtermsig, "WTERMSIG", int, libc::WTERMSIG);
wfn!(wifstopped, "WIFSTOPPED", bool, libc::WIFSTOPPED);
wfn!(wstopsig, "WSTOPSIG", int, libc::WSTOPSIG);
wfn!(wcoredump, "WCOREDUMP", bool, libc::WCOREDUMP);
wfn!(wifcontinued, "WIFCONTINUED", bool, libc::WIFCONTINUED);

fn waitstatus_to_exitcode(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let st = status_arg("waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(st) {
        return Ok(new_int_i64(libc::WEXITSTATUS(st) as i64));
    }
    if libc::WIFSIGNALED(st) {
        return Ok(new_int_i64(-(libc::WTERMSIG(st) as i64)));
    }
    Err(PyErr::value_error(format!("invalid wait status: {st}")))
}

/// The `sysconf` names this module knows, with their values.
pub(super) const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX),
    ("SC_TZNAME_MAX", libc::_SC_TZNAME_MAX),
    ("SC_VERSION", libc::_SC_VERSION),
];

/// The `confstr` names this module knows.
pub(super) const CONFSTR_NAMES: &[(&str, i32)] =
    &[("CS_PATH", libc::_CS_PATH), ("CS_GNU_LIBC_VERSION", 2), ("CS_GNU_LIBPTHREAD_VERSION", 3)];

fn conf_name(o: &Object, table: &[(&str, i32)]) -> PyResult<i32> {
    if let Some(s) = Str::new(o.as_ref()) {
        let t = s.to_string_lossy();
        return table
            .iter()
            .find(|(n, _)| *n == t)
            .map(|(_, v)| *v)
            .ok_or_else(|| PyErr::value_error("unrecognized configuration name"));
    }
    if crate::types::int::int_value(o.as_ref()).is_some() {
        return Ok(int_arg(o.as_ref())? as i32);
    }
    Err(PyErr::type_error("configuration names must be strings or integers"))
}

fn sysconf(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("sysconf", args, kw, 1, 1)?;
    let name = conf_name(&a[0], SYSCONF_NAMES)?;
    // SAFETY: errno is reset so -1 can be told from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: sysconf has no memory preconditions.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && errno() != 0 {
        return Err(last_error());
    }
    Ok(new_int_i64(r as i64))
}

fn confstr(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("confstr", args, kw, 1, 1)?;
    let name = conf_name(&a[0], CONFSTR_NAMES)?;
    let mut buf = vec![0u8; 1024];
    // SAFETY: errno is reset so 0 can be told from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: `buf` is valid for its length.
    let n = unsafe { libc::confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
    if n == 0 {
        if errno() != 0 {
            return Err(last_error());
        }
        return Ok(none());
    }
    if n > buf.len() {
        buf.resize(n, 0);
        // SAFETY: `buf` is valid for its length.
        unsafe { libc::confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
    }
    buf.truncate(n - 1);
    Ok(super::fs_decode(&buf))
}

fn fork(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("fork", args, kw)?;
    let hooks = py_attr("_run_fork_hooks")?;
    crate::ops::call(hooks.as_ref(), &[new_str("before")], None)?;
    // SAFETY: the interpreter is single-threaded; the child continues with a copy of it.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = last_error();
        crate::ops::call(hooks.as_ref(), &[new_str("parent")], None)?;
        return Err(e);
    }
    let which = if pid == 0 { "child" } else { "parent" };
    crate::ops::call(hooks.as_ref(), &[new_str(which)], None)?;
    Ok(new_int_i64(pid as i64))
}

fn argv_list(o: &Object, fname: &str) -> PyResult<Vec<std::ffi::CString>> {
    let items = crate::ops::sequence_to_vec(o.as_ref())
        .map_err(|_| PyErr::type_error(format!("{fname}() arg 2 must be a tuple or list")))?;
    if items.is_empty() {
        return Err(PyErr::value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let b = env_bytes(it.as_ref())?;
        if i == 0 && b.is_empty() {
            return Err(PyErr::value_error(format!(
                "{fname}() arg 2 first element cannot be empty"
            )));
        }
        out.push(std::ffi::CString::new(b).unwrap_or_default());
    }
    Ok(out)
}

fn do_exec(fname: &str, path: &Object, argv: &Object, env: Option<&Object>) -> PyResult<Object> {
    let p = super::path_arg(path.as_ref(), fname, false, false)?;
    let args = argv_list(argv, fname)?;
    let mut envs = Vec::new();
    if let Some(e) = env {
        let keys_fn = crate::attr::getattr(e.as_ref(), new_str("keys").as_ref()).map_err(|_| {
            PyErr::type_error(format!("{fname}: environment must be a mapping object"))
        })?;
        let keys = crate::ops::call(keys_fn.as_ref(), &[], None)?;
        let it = crate::ops::iter(keys.as_ref())?;
        while let Some(k) = crate::ops::next(it.as_ref())? {
            let v = crate::ops::getitem(e.as_ref(), k.as_ref())?;
            let mut kb = env_bytes(k.as_ref())?;
            if kb.is_empty() || kb.contains(&b'=') {
                return Err(PyErr::value_error("illegal environment variable name"));
            }
            kb.push(b'=');
            kb.extend(env_bytes(v.as_ref())?);
            envs.push(std::ffi::CString::new(kb).unwrap_or_default());
        }
    }
    let mut argp: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
    argp.push(std::ptr::null());
    let mut envp: Vec<*const libc::c_char> = envs.iter().map(|a| a.as_ptr()).collect();
    envp.push(std::ptr::null());
    let c = p.cstr();
    // SAFETY: every pointer array is NULL-terminated and its strings outlive the call.
    unsafe {
        if env.is_some() {
            libc::execve(c.as_ptr(), argp.as_ptr(), envp.as_ptr());
        } else {
            libc::execv(c.as_ptr(), argp.as_ptr());
        }
    }
    Err(super::path_error(&p))
}

fn execv(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = positional("execv", args, kw, 2, 2)?;
    do_exec("execv", &a[0], &a[1], None)
}

fn execve(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("execve", args, kw, &["path", "argv", "env"], 3, &[])?;
    do_exec("execve", a[0].expect("path"), a[1].expect("argv"), a[2])
}

fn getloadavg(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("getloadavg", args, kw)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for three values.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            "Load averages are unobtainable",
        ));
    }
    Ok(new_tuple(l.iter().map(|v| crate::types::float::new_float(*v)).collect()))
}
