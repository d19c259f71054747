//! `posix`'s functions on paths and files: `stat`/`lstat`/`fstat` (building `os.stat_result`),
//! `listdir` and `scandir`'s directory reader, `getcwd`, `chdir`, `mkdir`, `rmdir`,
//! `unlink`/`remove`, `rename`/`replace`, `access`, `chmod`, `utime`, `readlink`, `symlink`,
//! `link`, `truncate`, `fspath`, `chown`, `mkfifo`.

use std::os::unix::ffi::OsStrExt;

use super::{
    PathArg, bind, bool_kw, dir_fd_arg, errno, fd_value, fs_result, int_arg, os_error2, path_arg,
    path_error, py_attr, py_bool, retry,
};
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::function::NativeFn;
use crate::types::int::{new_int, new_int_i64};
use crate::types::singletons::{is_none, none};
use crate::types::tuple::{new_tuple, tuple_items};

type S<'a> = Option<ObjectRef<'a>>;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("listdir", listdir),
    ("_scandir", scandir_raw),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("chdir", chdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", remove),
    ("rename", rename),
    ("replace", replace),
    ("access", access),
    ("chmod", chmod),
    ("utime", utime),
    ("readlink", readlink),
    ("symlink", symlink),
    ("link", link),
    ("truncate", truncate),
    ("fspath", fspath_fn),
    ("chown", chown),
    ("lchown", lchown),
    ("mkfifo", mkfifo),
    ("statvfs", statvfs),
    ("fstatvfs", fstatvfs),
    ("system", system),
];

/// `os.stat_result` for a `struct stat`.
pub(crate) fn stat_result(st: &libc::stat) -> PyResult<Object> {
    let times = [
        (st.st_atime as i64, st.st_atime_nsec as i64),
        (st.st_mtime as i64, st.st_mtime_nsec as i64),
        (st.st_ctime as i64, st.st_ctime_nsec as i64),
    ];
    let mut v = vec![
        new_int_i64(st.st_mode as i64),
        new_int(dashu_int::IBig::from(st.st_ino as u64)),
        new_int(dashu_int::IBig::from(st.st_dev as u64)),
        new_int_i64(st.st_nlink as i64),
        new_int_i64(st.st_uid as i64),
        new_int_i64(st.st_gid as i64),
        new_int_i64(st.st_size as i64),
    ];
    for (s, _) in times {
        v.push(new_int_i64(s));
    }
    for (s, ns) in times {
        v.push(crate::types::float::new_float(s as f64 + ns as f64 * 1e-9));
    }
    for (s, ns) in times {
        v.push(new_int(dashu_int::IBig::from(s as i128 * 1_000_000_000 + ns as i128)));
    }
    v.push(new_int_i64(st.st_blksize as i64));
    v.push(new_int_i64(st.st_blocks as i64));
    v.push(new_int(dashu_int::IBig::from(st.st_rdev as u64)));
    let cls = py_attr("stat_result")?;
    crate::ops::call(cls.as_ref(), &[new_tuple(v)], None)
}

/// `fstat`/`fstatat` on a converted path.
pub(crate) fn do_stat(p: &PathArg, dir_fd: i32, follow: bool) -> PyResult<Object> {
    // SAFETY: `st` is a plain struct the call fills.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        // SAFETY: `st` is valid for writes.
        Some(fd) => unsafe { libc::fstat(fd, &mut st) },
        None => {
            let c = p.cstr();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is a NUL-terminated path and `st` is valid for writes.
            unsafe { libc::fstatat(dir_fd, c.as_ptr(), &mut st, flags) }
        }
    };
    if r != 0 {
        return Err(path_error(p));
    }
    stat_result(&st)
}

fn stat(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("stat", args, kw, &["path"], 1, &["dir_fd", "follow_symlinks"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "stat", true, false)?;
    do_stat(&p, dir_fd_arg(k[0])?, bool_kw(k[1], true)?)
}

fn lstat(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("lstat", args, kw, &["path"], 1, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "lstat", false, false)?;
    do_stat(&p, dir_fd_arg(k[0])?, false)
}

fn fstat(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("fstat", args, kw, &["fd"], 1, &[])?;
    let fd = fd_value(a[0].expect("fd").as_ref())?;
    // SAFETY: `st` is a plain struct the call fills.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(super::last_error());
    }
    stat_result(&st)
}

/// One directory entry: name, `d_type`, inode.
type RawEntry = (Vec<u8>, u8, u64);

/// Reads a directory (by path, or a duplicate of a descriptor), without `.` and `..`.
fn read_dir(p: &PathArg) -> Result<Vec<RawEntry>, i32> {
    // SAFETY: opendir/fdopendir/readdir/closedir are used as POSIX specifies: the stream is
    // closed once, and each `dirent` is read before the next readdir call.
    unsafe {
        let dir = match p.fd {
            Some(fd) => {
                let d = libc::dup(fd);
                if d < 0 {
                    return Err(errno());
                }
                let dir = libc::fdopendir(d);
                if dir.is_null() {
                    let e = errno();
                    libc::close(d);
                    return Err(e);
                }
                libc::rewinddir(dir);
                dir
            }
            None => {
                let c = p.cstr();
                let dir = libc::opendir(c.as_ptr());
                if dir.is_null() {
                    return Err(errno());
                }
                dir
            }
        };
        let mut out = Vec::new();
        loop {
            *libc::__errno_location() = 0;
            let ent = libc::readdir(dir);
            if ent.is_null() {
                let e = errno();
                libc::closedir(dir);
                if e != 0 {
                    return Err(e);
                }
                break;
            }
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            out.push((name.to_vec(), (*ent).d_type, (*ent).d_ino));
        }
        Ok(out)
    }
}

fn listdir(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("listdir", args, kw, &["path"], 0, &[])?;
    let p = match a[0] {
        Some(o) => path_arg(o.as_ref(), "listdir", true, true)?,
        None => path_arg(none().as_ref(), "listdir", true, true)?,
    };
    let ents = read_dir(&p).map_err(|e| os_error2(e, Some(p.obj.clone()), None))?;
    Ok(crate::types::list::new_list(
        ents.into_iter().map(|(n, _, _)| fs_result(&n, p.is_bytes)).collect(),
    ))
}

/// `_scandir(path)`: `(is_bytes, [(name, d_type, inode), ...])` for `scandir` (py/posix.py).
fn scandir_raw(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("scandir", args, kw, &["path"], 0, &[])?;
    let p = match a[0] {
        Some(o) => path_arg(o.as_ref(), "scandir", true, true)?,
        None => path_arg(none().as_ref(), "scandir", true, true)?,
    };
    let ents = read_dir(&p).map_err(|e| os_error2(e, Some(p.obj.clone()), None))?;
    let items = ents
        .into_iter()
        .map(|(n, t, ino)| {
            new_tuple(vec![
                fs_result(&n, p.is_bytes),
                new_int_i64(t as i64),
                new_int(dashu_int::IBig::from(ino)),
            ])
        })
        .collect();
    let path =
        if is_none(p.obj.as_ref()) { crate::types::str::new_str(".") } else { p.obj.clone() };
    Ok(new_tuple(vec![path, py_bool(p.fd.is_some()), crate::types::list::new_list(items)]))
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(d) => Ok(d.as_os_str().as_bytes().to_vec()),
        Err(e) => Err(os_error2(e.raw_os_error().unwrap_or(libc::ENOENT), None, None)),
    }
}

fn getcwd(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("getcwd", args, kw)?;
    Ok(super::fs_decode(&cwd_bytes()?))
}

fn getcwdb(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    super::no_args("getcwdb", args, kw)?;
    Ok(crate::types::bytes::new_bytes(&cwd_bytes()?))
}

fn chdir(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("chdir", args, kw, &["path"], 1, &[])?;
    let p = path_arg(a[0].expect("path").as_ref(), "chdir", true, false)?;
    let r = match p.fd {
        // SAFETY: fchdir has no memory preconditions.
        Some(fd) => unsafe { libc::fchdir(fd) },
        // SAFETY: a NUL-terminated path.
        None => unsafe { libc::chdir(p.cstr().as_ptr()) },
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

fn mkdir(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("mkdir", args, kw, &["path", "mode"], 1, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "mkdir", false, false)?;
    let mode = match a[1] {
        Some(m) => int_arg(m.as_ref())?,
        None => 0o777,
    };
    let dfd = dir_fd_arg(k[0])?;
    let c = p.cstr();
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::mkdirat(dfd, c.as_ptr(), mode as libc::mode_t) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

fn unlink_impl(fname: &str, args: &[Object], kw: S<'_>, flags: i32) -> PyResult<Object> {
    let (a, k) = bind(fname, args, kw, &["path"], 1, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), fname, false, false)?;
    let dfd = dir_fd_arg(k[0])?;
    let c = p.cstr();
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::unlinkat(dfd, c.as_ptr(), flags) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

fn rmdir(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    unlink_impl("rmdir", args, kw, libc::AT_REMOVEDIR)
}

fn unlink(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    unlink_impl("unlink", args, kw, 0)
}

fn remove(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    unlink_impl("remove", args, kw, 0)
}

fn two_paths<'a>(
    fname: &str,
    args: &'a [Object],
    kw: S<'a>,
    extra: &[&str],
) -> PyResult<(PathArg, PathArg, i32, i32, Vec<Option<&'a Object>>)> {
    let mut kwonly = vec!["src_dir_fd", "dst_dir_fd"];
    kwonly.extend_from_slice(extra);
    let (a, k) = bind(fname, args, kw, &["src", "dst"], 2, &kwonly)?;
    let src = path_arg(a[0].expect("src").as_ref(), fname, false, false)?;
    let dst = path_arg(a[1].expect("dst").as_ref(), fname, false, false)?;
    let s = dir_fd_arg(k[0])?;
    let d = dir_fd_arg(k[1])?;
    Ok((src, dst, s, d, k[2..].to_vec()))
}

fn rename_impl(fname: &str, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (src, dst, sfd, dfd, _) = two_paths(fname, args, kw, &[])?;
    let (cs, cd) = (src.cstr(), dst.cstr());
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::renameat(sfd, cs.as_ptr(), dfd, cd.as_ptr()) } != 0 {
        return Err(os_error2(errno(), Some(src.obj.clone()), Some(dst.obj.clone())));
    }
    Ok(none())
}

fn rename(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    rename_impl("rename", args, kw)
}

fn replace(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    rename_impl("replace", args, kw)
}

fn link(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (src, dst, sfd, dfd, k) = two_paths("link", args, kw, &["follow_symlinks"])?;
    let flags = if bool_kw(k[0], true)? { libc::AT_SYMLINK_FOLLOW } else { 0 };
    let (cs, cd) = (src.cstr(), dst.cstr());
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::linkat(sfd, cs.as_ptr(), dfd, cd.as_ptr(), flags) } != 0 {
        return Err(os_error2(errno(), Some(src.obj.clone()), Some(dst.obj.clone())));
    }
    Ok(none())
}

fn symlink(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("symlink", args, kw, &["src", "dst", "target_is_directory"], 2, &["dir_fd"])?;
    let src = path_arg(a[0].expect("src").as_ref(), "symlink", false, false)?;
    let dst = path_arg(a[1].expect("dst").as_ref(), "symlink", false, false)?;
    let dfd = dir_fd_arg(k[0])?;
    let (cs, cd) = (src.cstr(), dst.cstr());
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::symlinkat(cs.as_ptr(), dfd, cd.as_ptr()) } != 0 {
        return Err(os_error2(errno(), Some(src.obj.clone()), Some(dst.obj.clone())));
    }
    Ok(none())
}

fn readlink(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("readlink", args, kw, &["path"], 1, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "readlink", false, false)?;
    let dfd = dir_fd_arg(k[0])?;
    let c = p.cstr();
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: `buf` is valid for `buf.len()` bytes of writes.
        let n = unsafe { libc::readlinkat(dfd, c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            return Err(path_error(&p));
        }
        if (n as usize) < buf.len() {
            buf.truncate(n as usize);
            return Ok(fs_result(&buf, p.is_bytes));
        }
        buf.resize(buf.len() * 2, 0);
    }
}

fn access(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind(
        "access",
        args,
        kw,
        &["path", "mode"],
        2,
        &["dir_fd", "effective_ids", "follow_symlinks"],
    )?;
    let p = path_arg(a[0].expect("path").as_ref(), "access", false, false)?;
    let mode = int_arg(a[1].expect("mode").as_ref())?;
    let dfd = dir_fd_arg(k[0])?;
    let mut flags = 0;
    if bool_kw(k[1], false)? {
        flags |= libc::AT_EACCESS;
    }
    if !bool_kw(k[2], true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = p.cstr();
    // SAFETY: a NUL-terminated path.
    let r = unsafe { libc::faccessat(dfd, c.as_ptr(), mode as i32, flags) };
    Ok(py_bool(r == 0))
}

fn chmod(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("chmod", args, kw, &["path", "mode"], 2, &["dir_fd", "follow_symlinks"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "chmod", true, false)?;
    let mode = int_arg(a[1].expect("mode").as_ref())? as libc::mode_t;
    let dfd = dir_fd_arg(k[0])?;
    let follow = bool_kw(k[1], true)?;
    let r = match p.fd {
        // SAFETY: fchmod has no memory preconditions.
        Some(fd) => unsafe { libc::fchmod(fd, mode) },
        None => {
            let c = p.cstr();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: a NUL-terminated path.
            unsafe { libc::fchmodat(dfd, c.as_ptr(), mode, flags) }
        }
    };
    if r != 0 {
        if !follow && errno() == libc::ENOTSUP {
            return Err(PyErr::new(
                &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
                "chmod: follow_symlinks unavailable on this platform",
            ));
        }
        return Err(path_error(&p));
    }
    Ok(none())
}

fn chown_impl(fname: &str, args: &[Object], kw: S<'_>, lchown: bool) -> PyResult<Object> {
    let kwonly: &[&str] = if lchown { &[] } else { &["dir_fd", "follow_symlinks"] };
    let (a, k) = bind(fname, args, kw, &["path", "uid", "gid"], 3, kwonly)?;
    let p = path_arg(a[0].expect("path").as_ref(), fname, !lchown, false)?;
    let uid = int_arg(a[1].expect("uid").as_ref())? as libc::uid_t;
    let gid = int_arg(a[2].expect("gid").as_ref())? as libc::gid_t;
    let (dfd, follow) =
        if lchown { (libc::AT_FDCWD, false) } else { (dir_fd_arg(k[0])?, bool_kw(k[1], true)?) };
    let r = match p.fd {
        // SAFETY: fchown has no memory preconditions.
        Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
        None => {
            let c = p.cstr();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: a NUL-terminated path.
            unsafe { libc::fchownat(dfd, c.as_ptr(), uid, gid, flags) }
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

fn chown(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    chown_impl("chown", args, kw, false)
}

fn lchown(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    chown_impl("lchown", args, kw, true)
}

fn mkfifo(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) = bind("mkfifo", args, kw, &["path", "mode"], 1, &["dir_fd"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "mkfifo", false, false)?;
    let mode = match a[1] {
        Some(m) => int_arg(m.as_ref())?,
        None => 0o666,
    };
    let dfd = dir_fd_arg(k[0])?;
    let c = p.cstr();
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::mkfifoat(dfd, c.as_ptr(), mode as libc::mode_t) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

/// A time in seconds (int or float) as a `timespec`, rounding toward minus infinity.
fn timespec_of(o: ObjectRef<'_>) -> PyResult<libc::timespec> {
    if let Some(f) = crate::types::float::float_value(o) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let secs = f.floor();
        if !(-9.2e18..9.2e18).contains(&secs) {
            return Err(PyErr::overflow_error("timestamp out of range for platform time_t"));
        }
        let mut ns = ((f - secs) * 1e9).floor() as i64;
        let mut s = secs as i64;
        if ns >= 1_000_000_000 {
            ns -= 1_000_000_000;
            s += 1;
        }
        return Ok(libc::timespec { tv_sec: s as libc::time_t, tv_nsec: ns as _ });
    }
    let s = int_arg(o)?;
    Ok(libc::timespec { tv_sec: s as libc::time_t, tv_nsec: 0 })
}

fn utime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, k) =
        bind("utime", args, kw, &["path", "times"], 1, &["ns", "dir_fd", "follow_symlinks"])?;
    let p = path_arg(a[0].expect("path").as_ref(), "utime", true, false)?;
    let times = a[1].filter(|t| !is_none(t.as_ref()));
    let ns = k[0];
    let dfd = dir_fd_arg(k[1])?;
    let follow = bool_kw(k[2], true)?;
    if times.is_some() && ns.is_some() {
        return Err(PyErr::value_error(
            "utime: you may specify either 'times' or 'ns' but not both",
        ));
    }
    let spec: Option<[libc::timespec; 2]> = if let Some(t) = times {
        let items = tuple_items(t.as_ref()).filter(|i| i.len() == 2).ok_or_else(|| {
            PyErr::type_error("utime: 'times' must be either a tuple of two ints or None")
        })?;
        Some([timespec_of(items[0].as_ref())?, timespec_of(items[1].as_ref())?])
    } else if let Some(n) = ns {
        let items = tuple_items(n.as_ref())
            .filter(|i| i.len() == 2)
            .ok_or_else(|| PyErr::type_error("utime: 'ns' must be a tuple of two ints"))?;
        let mut out = [libc::timespec { tv_sec: 0, tv_nsec: 0 }; 2];
        for (slot, v) in out.iter_mut().zip(items) {
            let Some(iv) = crate::types::int::int_value(v.as_ref()) else {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_().name()
                )));
            };
            let total: i128 = iv.to_ibig().as_ref().try_into().map_err(|_| {
                PyErr::overflow_error("timestamp too large to convert to C _PyTime_t")
            })?;
            let s = total.div_euclid(1_000_000_000);
            let rem = total.rem_euclid(1_000_000_000);
            *slot = libc::timespec { tv_sec: s as libc::time_t, tv_nsec: rem as _ };
        }
        Some(out)
    } else {
        None
    };
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    let r = match p.fd {
        // SAFETY: `ptr` is null or points at two timespecs.
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        None => {
            let c = p.cstr();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: a NUL-terminated path; `ptr` is null or points at two timespecs.
            unsafe { libc::utimensat(dfd, c.as_ptr(), ptr, flags) }
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

fn truncate(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("truncate", args, kw, &["path", "length"], 2, &[])?;
    let p = path_arg(a[0].expect("path").as_ref(), "truncate", true, false)?;
    let len = int_arg(a[1].expect("length").as_ref())?;
    let r = match p.fd {
        // SAFETY: ftruncate has no memory preconditions.
        Some(fd) => retry(|| unsafe { libc::ftruncate(fd, len) }).map(|_| ()),
        None => {
            let c = p.cstr();
            // SAFETY: a NUL-terminated path.
            if unsafe { libc::truncate(c.as_ptr(), len) } != 0 { Err(errno()) } else { Ok(()) }
        }
    };
    r.map_err(|e| os_error2(e, Some(p.obj.clone()), None))?;
    Ok(none())
}

fn fspath_fn(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("fspath", args, kw, &["path"], 1, &[])?;
    let o = a[0].expect("path").as_ref();
    match super::fspath(o)? {
        Some(p) => Ok(p),
        None => Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            o.type_().name()
        ))),
    }
}

fn statvfs_result(st: &libc::statvfs) -> PyResult<Object> {
    let v = vec![
        new_int_i64(st.f_bsize as i64),
        new_int_i64(st.f_frsize as i64),
        new_int_i64(st.f_blocks as i64),
        new_int_i64(st.f_bfree as i64),
        new_int_i64(st.f_bavail as i64),
        new_int_i64(st.f_files as i64),
        new_int_i64(st.f_ffree as i64),
        new_int_i64(st.f_favail as i64),
        new_int_i64(st.f_flag as i64),
        new_int_i64(st.f_namemax as i64),
        new_int(dashu_int::IBig::from(st.f_fsid as u64)),
    ];
    crate::ops::call(py_attr("statvfs_result")?.as_ref(), &[new_tuple(v)], None)
}

fn statvfs(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("statvfs", args, kw, &["path"], 1, &[])?;
    let p = path_arg(a[0].expect("path").as_ref(), "statvfs", true, false)?;
    // SAFETY: a plain struct the call fills.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        // SAFETY: `st` is valid for writes.
        Some(fd) => unsafe { libc::fstatvfs(fd, &mut st) },
        // SAFETY: a NUL-terminated path; `st` is valid for writes.
        None => unsafe { libc::statvfs(p.cstr().as_ptr(), &mut st) },
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    statvfs_result(&st)
}

fn fstatvfs(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("fstatvfs", args, kw, &["fd"], 1, &[])?;
    let fd = fd_value(a[0].expect("fd").as_ref())?;
    // SAFETY: a plain struct the call fills.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    if unsafe { libc::fstatvfs(fd, &mut st) } != 0 {
        return Err(super::last_error());
    }
    statvfs_result(&st)
}

/// `system(command)`: runs the command through `/bin/sh` and returns the wait status.
fn system(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let (a, _) = bind("system", args, kw, &["command"], 1, &[])?;
    let c = a[0].expect("command");
    let Some(s) = crate::types::str::Str::new(c.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "system() argument 'command' must be str, not {}",
            c.type_().name()
        )));
    };
    let b = super::fs_encode(s)?;
    if b.contains(&0) {
        return Err(PyErr::value_error("embedded null character"));
    }
    let cmd = std::ffi::CString::new(b).unwrap_or_default();
    // SAFETY: a NUL-terminated command.
    let r = unsafe { libc::system(cmd.as_ptr()) };
    Ok(new_int_i64(r as i64))
}
