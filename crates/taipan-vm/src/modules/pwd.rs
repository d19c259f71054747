//! The `pwd` module: the Unix password database (`getpwuid`, `getpwnam`, `getpwall` and
//! `struct_passwd`). The lookups are native (`getpwuid_r`, `getpwnam_r`, `getpwent`); the
//! struct sequence and CPython's argument checks and KeyErrors are the Python part below.

use std::ffi::{CStr, CString};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;

const SOURCE: &str = r#"
struct_passwd = _structseq_make(
    'pwd', 'struct_passwd',
    ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos', 'pw_dir', 'pw_shell'), 7)
struct_passwd.__doc__ = (
    'pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed '
    'either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor '
    'via the object attributes as named in the above tuple.')


def getpwuid(uid, /):
    """Return the password database entry for the given numeric user ID.

See `help(pwd)` for more on password database entries."""
    if not hasattr(type(uid), "__index__"):
        raise TypeError('uid should be integer, not %s' % type(uid).__name__)
    uid = uid.__index__()
    if uid < -1 or uid > 0xffffffff:
        raise KeyError('getpwuid(): uid not found')
    entry = _lookup_uid(uid & 0xffffffff)
    if entry is None:
        raise KeyError('getpwuid(): uid not found: %d' % uid)
    return struct_passwd(entry)


def getpwnam(name, /):
    """Return the password database entry for the given user name.

See `help(pwd)` for more on password database entries."""
    if not isinstance(name, str):
        raise TypeError('getpwnam() argument must be str, not %s' % type(name).__name__)
    if '\0' in name:
        raise ValueError('embedded null byte')
    entry = _lookup_name(name.encode('utf-8', 'surrogateescape'))
    if entry is None:
        raise KeyError('getpwnam(): name not found: %r' % name)
    return struct_passwd(entry)


def getpwall():
    """Return a list of all available password database entries, in arbitrary order.

See help(pwd) for more on password database entries."""
    return [struct_passwd(e) for e in _all()]
"#;

fn text(p: *const libc::c_char) -> Object {
    if p.is_null() {
        return new_str("");
    }
    // SAFETY: the C library hands out NUL-terminated strings that live as long as the
    // buffer of the `_r` call (or until the next `getpwent`), which outlives this copy.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    crate::modules::posix::fs_decode(bytes)
}

fn entry(pw: &libc::passwd) -> Object {
    new_tuple(vec![
        text(pw.pw_name),
        text(pw.pw_passwd),
        new_int_i64(pw.pw_uid as i64),
        new_int_i64(pw.pw_gid as i64),
        text(pw.pw_gecos),
        text(pw.pw_dir),
        text(pw.pw_shell),
    ])
}

/// A C database record whose all-zero bytes are a valid value (null pointers, zero ids):
/// `passwd` and `group`, shared by `pwd` and `grp`.
pub(super) trait Record {
    fn blank() -> Self;
}

impl Record for libc::passwd {
    fn blank() -> Self {
        // SAFETY: all-zero bytes are a valid `passwd` (null pointers and zero ids).
        unsafe { std::mem::zeroed() }
    }
}

impl Record for libc::group {
    fn blank() -> Self {
        // SAFETY: all-zero bytes are a valid `group` (null pointers and zero ids).
        unsafe { std::mem::zeroed() }
    }
}

/// Runs a reentrant `get*_r` lookup with a buffer that grows while the call asks for more room,
/// and makes the found record's tuple with `entry` (None when there is none).
pub(super) fn lookup<T: Record>(
    call: impl Fn(*mut T, *mut libc::c_char, usize, *mut *mut T) -> i32,
    entry: fn(&T) -> Object,
) -> PyResult<Object> {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        let mut record = T::blank();
        let mut result: *mut T = std::ptr::null_mut();
        let rc = call(&mut record, buf.as_mut_ptr(), size, &mut result);
        if rc == libc::ERANGE && size < (1 << 24) {
            size *= 4;
            continue;
        }
        if result.is_null() {
            return Ok(none());
        }
        return Ok(entry(&record));
    }
}

/// The one argument of `_lookup_name`: the name as bytes, without NUL.
pub(super) fn name_arg(args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<CString> {
    Args::new(args, kw).count("_lookup_name", 1, 1)?;
    let name = crate::types::bytes::bytes_data(args[0].as_ref())
        .ok_or_else(|| PyErr::type_error("_lookup_name() needs bytes"))?;
    CString::new(name).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// Every record of a database walked with its `set*ent`/`get*ent`/`end*ent` functions.
pub(super) fn all_records<T>(
    open: unsafe extern "C" fn(),
    next: unsafe extern "C" fn() -> *mut T,
    close: unsafe extern "C" fn(),
    entry: fn(&T) -> Object,
) -> Object {
    let mut out = Vec::new();
    // SAFETY: (vm.md, "Threads and the GIL") the walk runs with the GIL held, so no other
    // thread of the interpreter walks the database at the same time; each entry is copied
    // before the next call reuses its storage.
    unsafe {
        open();
        loop {
            let p = next();
            if p.is_null() {
                break;
            }
            out.push(entry(&*p));
        }
        close();
    }
    crate::types::list::new_list(out)
}

fn lookup_uid(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_lookup_uid", 1, 1)?;
    let uid = crate::modules::posix::int_arg(args[0].as_ref())? as libc::uid_t;
    // SAFETY: the buffer pointers and length come from `lookup`'s live vector.
    lookup(|pw, buf, len, res| unsafe { libc::getpwuid_r(uid, pw, buf, len, res) }, entry)
}

fn lookup_name(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = name_arg(args, kw)?;
    // SAFETY: `c` is NUL-terminated and alive; the buffer comes from `lookup`.
    lookup(|pw, buf, len, res| unsafe { libc::getpwnam_r(c.as_ptr(), pw, buf, len, res) }, entry)
}

fn all(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(all_records(libc::setpwent, libc::getpwent, libc::endpwent, entry))
}

/// Makes the `pwd` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("pwd");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module provides access to the Unix password database.\nIt is available on \
             all Unix versions.\n\nPassword database entries are reported as 7-tuples \
             containing the following\nitems from the password database (see `<pwd.h>'), in \
             order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid \
             and gid items are integers, all others are strings. An\nexception is raised if \
             the entry asked for cannot be found.",
        ),
    )?;
    let private = new_module("pwd");
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    let fns: &[(&'static str, NativeFn)] =
        &[("_lookup_uid", lookup_uid), ("_lookup_name", lookup_name), ("_all", all)];
    for &(name, f) in fns {
        pd.set_str(name, new_builtin_function(name, f))?;
    }
    pd.set_str("_structseq_make", crate::modules::posix::structseq_maker()?)?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen pwd>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    for name in ["getpwall", "getpwnam", "getpwuid", "struct_passwd"] {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, crate::modules::cmath::forwarder(name, v))?;
        }
    }
    Ok(m)
}
