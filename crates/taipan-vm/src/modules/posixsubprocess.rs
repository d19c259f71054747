//! The `_posixsubprocess` module (CPython's `Modules/_posixsubprocess.c`): `fork_exec`, the
//! fork + exec under `subprocess.Popen`. Everything the child needs (argument and environment
//! strings, descriptors to keep) is prepared before the fork, so the child only makes system
//! calls (and runs `preexec_fn`, if given) before `exec`. A failure in the child is written to
//! the error pipe as `ExceptionName:hex_errno:message`, which `subprocess` turns back into the
//! exception.

use std::ffi::CString;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::is_none;
use crate::types::str::new_str;

type S<'a> = Option<ObjectRef<'a>>;

fn int_of(o: &Object) -> PyResult<i64> {
    crate::modules::posix::int_arg(o.as_ref())
}

fn cstring(o: ObjectRef<'_>) -> PyResult<CString> {
    let p = crate::modules::posix::path_arg(o, "fork_exec", false, false)?;
    Ok(p.cstr())
}

fn cstrings(o: &Object) -> PyResult<Vec<CString>> {
    let items = crate::ops::sequence_to_vec(o.as_ref()).or_else(|_| {
        let it = crate::ops::iter(o.as_ref())?;
        let mut v = Vec::new();
        while let Some(x) = crate::ops::next(it.as_ref())? {
            v.push(x);
        }
        Ok::<_, PyErr>(v)
    })?;
    items.iter().map(|x| cstring(x.as_ref())).collect()
}

/// A NULL-terminated array of pointers into `v` (which must outlive it).
fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// Writes `parts` to `fd`, ignoring errors (the child is about to exit).
fn write_all(fd: i32, parts: &[&[u8]]) {
    for part in parts {
        let mut off = 0;
        while off < part.len() {
            // SAFETY: `part[off..]` is valid for reads.
            let r = unsafe { libc::write(fd, part[off..].as_ptr().cast(), part.len() - off) };
            if r <= 0 {
                return;
            }
            off += r as usize;
        }
    }
}

/// Lower-case hex digits of `v` into `buf`, returning the used tail.
fn hex(mut v: u32, buf: &mut [u8; 8]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

fn errno() -> i32 {
    crate::modules::posix::errno()
}

fn set_inheritable(fd: i32, inheritable: bool) -> bool {
    // SAFETY: fcntl on a descriptor number has no memory arguments.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFD);
        if fl < 0 {
            return false;
        }
        let new = if inheritable { fl & !libc::FD_CLOEXEC } else { fl | libc::FD_CLOEXEC };
        new == fl || libc::fcntl(fd, libc::F_SETFD, new) == 0
    }
}

/// Closes every descriptor from 3 up, except those in `keep` (sorted).
fn close_fds(keep: &[i32]) {
    let mut lo: u32 = 3;
    for &k in keep.iter().filter(|&&k| k >= 3) {
        if (k as u32) > lo {
            close_range(lo, k as u32 - 1);
        }
        lo = k as u32 + 1;
    }
    close_range(lo, u32::MAX);
}

fn close_range(lo: u32, hi: u32) {
    // SAFETY: close_range only closes descriptors.
    let r = unsafe { libc::syscall(libc::SYS_close_range, lo, hi, 0u32) };
    if r == 0 {
        return;
    }
    // Older kernels: close them one by one, up to the descriptor limit.
    // SAFETY: sysconf has no memory arguments.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(256, 1 << 16) as u32;
    for fd in lo..=hi.min(max) {
        // SAFETY: closing a descriptor number.
        unsafe { libc::close(fd as i32) };
    }
}

struct Child<'a> {
    argv: &'a [*const libc::c_char],
    exes: &'a [CString],
    envp: Option<&'a [*const libc::c_char]>,
    cwd: Option<&'a CString>,
    keep: &'a [i32],
    close_fds: bool,
    fds: [i32; 8],
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    umask: i64,
    gid: Option<libc::gid_t>,
    groups: Option<&'a [libc::gid_t]>,
    uid: Option<libc::uid_t>,
    preexec: Option<Object>,
}

/// The child's side: never returns.
fn child_exec(c: &Child<'_>) -> ! {
    let [
        p2cread,
        p2cwrite,
        c2pread,
        mut c2pwrite,
        errread,
        mut errwrite,
        errpipe_read,
        errpipe_write,
    ] = c.fds;
    let fail = |e: i32, what: &[u8]| -> ! {
        let mut buf = [0u8; 8];
        write_all(errpipe_write, &[b"OSError:", hex(e as u32, &mut buf), b":", what]);
        // SAFETY: _exit ends the child at once.
        unsafe { libc::_exit(255) }
    };
    for &fd in c.keep {
        if fd != errpipe_write && !set_inheritable(fd, true) {
            fail(errno(), b"noexec");
        }
    }
    // SAFETY: plain descriptor operations in the freshly forked child.
    unsafe {
        for fd in [p2cwrite, c2pread, errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        libc::close(errpipe_read);
        // Keep the child's ends out of 0..2 before they are moved there.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 || !set_inheritable(c2pwrite, false) {
                fail(errno(), b"noexec");
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 || !set_inheritable(errwrite, false) {
                fail(errno(), b"noexec");
            }
        }
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                if !set_inheritable(fd, true) {
                    fail(errno(), b"noexec");
                }
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                fail(errno(), b"noexec");
            }
        }
        if let Some(cwd) = c.cwd
            && libc::chdir(cwd.as_ptr()) != 0
        {
            fail(errno(), b"noexec:chdir");
        }
        if c.umask >= 0 {
            libc::umask(c.umask as libc::mode_t);
        }
        if c.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if c.setsid && libc::setsid() < 0 {
            fail(errno(), b"noexec");
        }
        if c.pgid >= 0 && libc::setpgid(0, c.pgid as libc::pid_t) < 0 {
            fail(errno(), b"noexec");
        }
        if let Some(g) = c.groups
            && libc::setgroups(g.len(), g.as_ptr()) < 0
        {
            fail(errno(), b"noexec");
        }
        if let Some(g) = c.gid
            && libc::setregid(g, g) < 0
        {
            fail(errno(), b"noexec");
        }
        if let Some(u) = c.uid
            && libc::setreuid(u, u) < 0
        {
            fail(errno(), b"noexec");
        }
    }
    if let Some(f) = &c.preexec
        && crate::ops::call(f.as_ref(), &[], None).is_err()
    {
        write_all(errpipe_write, &[b"SubprocessError:0:Exception occurred in preexec_fn."]);
        // SAFETY: _exit ends the child at once.
        unsafe { libc::_exit(255) }
    }
    if c.close_fds {
        close_fds(c.keep);
    }
    let mut saved = 0;
    for exe in c.exes {
        // SAFETY: `argv` and `envp` are NULL-terminated arrays of NUL-terminated strings that
        // live in the parent's copy of memory, which the child shares until exec.
        unsafe {
            match c.envp {
                Some(env) => libc::execve(exe.as_ptr(), c.argv.as_ptr(), env.as_ptr()),
                None => libc::execv(exe.as_ptr(), c.argv.as_ptr()),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    fail(if saved != 0 { saved } else { errno() }, b"")
}

fn opt_id(o: &Object) -> PyResult<Option<u32>> {
    if is_none(o.as_ref()) { Ok(None) } else { Ok(Some(int_of(o)? as u32)) }
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn)`.
fn fork_exec(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("fork_exec")?;
    a.count("fork_exec", 22, 22)?;
    let p = a.pos;
    let close = crate::ops::is_true(p[2].as_ref())?;
    let mut keep = Vec::new();
    for k in crate::ops::sequence_to_vec(p[3].as_ref())
        .map_err(|_| PyErr::type_error("pass_fds must be a tuple"))?
    {
        let v = int_of(&k)?;
        if v < 0 || v > i32::MAX as i64 || keep.last().is_some_and(|&l| l as i64 >= v) {
            return Err(PyErr::value_error("bad value(s) in fds_to_keep"));
        }
        keep.push(v as i32);
    }
    let argv_c = if is_none(p[0].as_ref()) { Vec::new() } else { cstrings(&p[0])? };
    let exes = cstrings(&p[1])?;
    let cwd = if is_none(p[4].as_ref()) { None } else { Some(cstring(p[4].as_ref())?) };
    let env_c = if is_none(p[5].as_ref()) { None } else { Some(cstrings(&p[5])?) };
    let mut fds = [0i32; 8];
    for (slot, o) in fds.iter_mut().zip(&p[6..14]) {
        *slot = int_of(o)? as i32;
    }
    let restore_signals = crate::ops::is_true(p[14].as_ref())?;
    let setsid = crate::ops::is_true(p[15].as_ref())?;
    let pgid = int_of(&p[16])?;
    let gid = opt_id(&p[17])?;
    let groups: Option<Vec<libc::gid_t>> = if is_none(p[18].as_ref()) {
        None
    } else {
        Some(
            crate::ops::sequence_to_vec(p[18].as_ref())?
                .iter()
                .map(|g| int_of(g).map(|v| v as libc::gid_t))
                .collect::<PyResult<_>>()?,
        )
    };
    let uid = opt_id(&p[19])?;
    let umask = int_of(&p[20])?;
    let preexec = if is_none(p[21].as_ref()) { None } else { Some(p[21].clone()) };
    let argv = ptrs(&argv_c);
    let envp = env_c.as_deref().map(ptrs);
    let child = Child {
        argv: &argv,
        exes: &exes,
        envp: envp.as_deref(),
        cwd: cwd.as_ref(),
        keep: &keep,
        close_fds: close,
        fds,
        restore_signals,
        setsid,
        pgid,
        umask,
        gid,
        groups: groups.as_deref(),
        uid,
        preexec,
    };
    let hooks = if child.preexec.is_some() {
        let h = crate::modules::posix::py_attr("_run_fork_hooks")?;
        crate::ops::call(h.as_ref(), &[new_str("before")], None)?;
        Some(h)
    } else {
        None
    };
    // SAFETY: the child only makes system calls on memory prepared above (and runs
    // `preexec_fn`, as CPython does, when one was given) before exec or _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        if let Some(h) = &hooks {
            let _ = crate::ops::call(h.as_ref(), &[new_str("child")], None);
        }
        child_exec(&child);
    }
    let err = if pid < 0 { Some(crate::modules::posix::last_error()) } else { None };
    if let Some(h) = &hooks {
        crate::ops::call(h.as_ref(), &[new_str("parent")], None)?;
    }
    match err {
        Some(e) => Err(e),
        None => Ok(new_int_i64(pid as i64)),
    }
}

/// Makes the `_posixsubprocess` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_posixsubprocess");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("A POSIX helper for the subprocess module."))?;
    d.set_str("fork_exec", new_builtin_function("fork_exec", fork_exec))?;
    Ok(m)
}
