//! The `grp` module: the Unix group database (`getgrgid`, `getgrnam`, `getgrall` and
//! `struct_group`). The lookups are native (`getgrgid_r`, `getgrnam_r`, `getgrent`); the
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
struct_group = _structseq_make(
    'grp', 'struct_group', ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem'), 4)
struct_group.__doc__ = (
    'grp.struct_group: Results from getgr*() routines.\n\nThis object may be accessed '
    'either as a tuple of\n  (gr_name,gr_passwd,gr_gid,gr_mem)\nor via the object '
    'attributes as named in the above tuple.\n')


def getgrgid(id):
    """Return the group database entry for the given numeric group ID.

If id is not valid, raise KeyError."""
    if not hasattr(type(id), '__index__'):
        raise TypeError('gid should be integer, not %s' % type(id).__name__)
    gid = id.__index__()
    if gid < -1 or gid > 0xffffffff:
        raise OverflowError('gid is less than minimum')
    entry = _lookup_gid(gid & 0xffffffff)
    if entry is None:
        raise KeyError('getgrgid(): gid not found: %d' % gid)
    return struct_group(entry)


def getgrnam(name):
    """Return the group database entry for the given group name.

If name is not valid, raise KeyError."""
    if not isinstance(name, str):
        raise TypeError('getgrnam() argument must be str, not %s' % type(name).__name__)
    if '\0' in name:
        raise ValueError('embedded null byte')
    entry = _lookup_name(name.encode('utf-8', 'surrogateescape'))
    if entry is None:
        raise KeyError('getgrnam(): name not found: %r' % name)
    return struct_group(entry)


def getgrall():
    """Return a list of all available group entries, in arbitrary order.

An entry whose name starts with '+' or '-' represents an instruction
to use YP/NIS and may not be accessible via getgrnam or getgrgid."""
    return [struct_group(e) for e in _all()]
"#;

fn text(p: *const libc::c_char) -> Object {
    if p.is_null() {
        return new_str("");
    }
    // SAFETY: the C library hands out NUL-terminated strings that live as long as the
    // buffer of the `_r` call (or until the next `getgrent`), which outlives this copy.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    crate::modules::posix::fs_decode(bytes)
}

fn entry(gr: &libc::group) -> Object {
    let mut members = Vec::new();
    let mut p = gr.gr_mem;
    // SAFETY: `gr_mem` is a NULL-terminated array of C strings owned by the same buffer as
    // the entry, alive for this copy.
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            members.push(text(*p));
            p = p.add(1);
        }
    }
    new_tuple(vec![
        text(gr.gr_name),
        text(gr.gr_passwd),
        new_int_i64(gr.gr_gid as i64),
        crate::types::list::new_list(members),
    ])
}

/// Runs a `getgr*_r` call with a buffer that grows while the call asks for more room.
fn lookup(
    call: impl Fn(*mut libc::group, *mut libc::c_char, usize, *mut *mut libc::group) -> i32,
) -> PyResult<Object> {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: all-zero bytes are a valid `group` (null pointers and zero ids).
        let mut pw: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        let rc = call(&mut pw, buf.as_mut_ptr(), size, &mut result);
        if rc == libc::ERANGE && size < (1 << 24) {
            size *= 4;
            continue;
        }
        if result.is_null() {
            return Ok(none());
        }
        return Ok(entry(&pw));
    }
}

fn lookup_gid(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_lookup_gid", 1, 1)?;
    let gid = crate::modules::posix::int_arg(args[0].as_ref())? as libc::gid_t;
    // SAFETY: the buffer pointers and length come from `lookup`'s live vector.
    lookup(|pw, buf, len, res| unsafe { libc::getgrgid_r(gid, pw, buf, len, res) })
}

fn lookup_name(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_lookup_name", 1, 1)?;
    let name = crate::types::bytes::bytes_data(args[0].as_ref())
        .ok_or_else(|| PyErr::type_error("_lookup_name() needs bytes"))?;
    let Ok(c) = CString::new(name) else {
        return Err(PyErr::value_error("embedded null byte"));
    };
    // SAFETY: `c` is NUL-terminated and alive; the buffer comes from `lookup`.
    lookup(|pw, buf, len, res| unsafe { libc::getgrnam_r(c.as_ptr(), pw, buf, len, res) })
}

fn all(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut out = Vec::new();
    // SAFETY: (vm.md, "Threads and the GIL") `setgrent`/`getgrent`/`endgrent` run with the GIL
    // held, so no other thread of the
    // interpreter walks the database at the same time; each entry is copied before the next
    // call reuses its storage.
    unsafe {
        libc::setgrent();
        loop {
            let p = libc::getgrent();
            if p.is_null() {
                break;
            }
            out.push(entry(&*p));
        }
        libc::endgrent();
    }
    Ok(crate::types::list::new_list(out))
}

/// Makes the `grp` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("grp");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "Access to the Unix group database.\n\nGroup entries are reported as 4-tuples \
             containing the following fields\nfrom the group database, in order:\n\n  \
             gr_name   - name of the group\n  gr_passwd - group password (encrypted); often \
             empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\n\
             The gid is an integer, name and password are strings.  (Note that most\nusers \
             are not explicitly listed as members of the groups they are in\naccording to \
             the password database.  Check both databases to get\ncomplete membership \
             information.)",
        ),
    )?;
    let private = new_module("grp");
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    let fns: &[(&'static str, NativeFn)] =
        &[("_lookup_gid", lookup_gid), ("_lookup_name", lookup_name), ("_all", all)];
    for &(name, f) in fns {
        pd.set_str(name, new_builtin_function(name, f))?;
    }
    pd.set_str("_structseq_make", crate::modules::posix::structseq_maker()?)?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen grp>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    for name in ["getgrall", "getgrgid", "getgrnam", "struct_group"] {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, crate::modules::cmath::forwarder(name, v))?;
        }
    }
    Ok(m)
}
