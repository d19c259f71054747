//! The `grp` module: the Unix group database (`getgrgid`, `getgrnam`, `getgrall` and
//! `struct_group`). The lookups are native (`getgrgid_r`, `getgrnam_r`, `getgrent`, through the
//! record helpers `pwd` shares); the struct sequence and CPython's argument checks and KeyErrors
//! are the Python part below.

use std::ffi::CStr;

use crate::builtins::args::Args;
use crate::error::PyResult;
use crate::modules::pwd::{all_records, lookup, name_arg};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
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

fn lookup_gid(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("_lookup_gid", 1, 1)?;
    let gid = crate::modules::posix::int_arg(args[0].as_ref())? as libc::gid_t;
    // SAFETY: the buffer pointers and length come from `lookup`'s live vector.
    lookup(|gr, buf, len, res| unsafe { libc::getgrgid_r(gid, gr, buf, len, res) }, entry)
}

fn lookup_name(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = name_arg(args, kw)?;
    // SAFETY: `c` is NUL-terminated and alive; the buffer comes from `lookup`.
    lookup(|gr, buf, len, res| unsafe { libc::getgrnam_r(c.as_ptr(), gr, buf, len, res) }, entry)
}

fn all(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(all_records(libc::setgrent, libc::getgrent, libc::endgrent, entry))
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
