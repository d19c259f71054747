//! The `posix` module (CPython's `Modules/posixmodule.c`), what `os` re-exports on POSIX systems.
//! This file owns the module object, the argument converters every function shares (CPython's
//! `path_t`: str, bytes or `os.PathLike`, and a descriptor where a function allows one; the
//! `dir_fd` keyword; descriptors and plain ints), the file-system encoding (UTF-8 with
//! `surrogateescape`) and the `OSError` an errno becomes. The functions live by topic:
//!
//! - [`files`]: paths and files (`stat`, `listdir`, `mkdir`, `rename`, `chmod`, `utime`, ...).
//! - [`fds`]: file descriptors (`open`, `read`, `write`, `pipe`, `dup2`, `lseek`, ...).
//! - [`process`]: the process and its environment (`environ`, `getpid`, `kill`, `uname`,
//!   `waitpid`, `urandom`, `sysconf`, ...).
//! - [`consts`]: the `O_*`, `SEEK_*`, `*_OK`, `W*` constants and `_have_functions`.
//!
//! The struct sequences (`stat_result`, `terminal_size`, `uname_result`, `times_result`) and
//! `DirEntry` with `scandir`'s iterator are Python (`py/structseq.py`, `py/posix.py`), run when
//! the module is made.

pub mod consts;
pub mod fds;
pub mod files;
pub mod process;

use std::cell::RefCell;
use std::ffi::CString;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str, new_str_from_code_points};

const STRUCTSEQ_SOURCE: &str = include_str!("../py/structseq.py");
const SOURCE: &str = include_str!("../py/posix.py");

/// The `posix` module's namespace, for the Python-written types the natives return.
static NAMESPACE: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// An attribute of the `posix` module made in Python (`stat_result`, `DirEntry`, ...).
pub(crate) fn py_attr(name: &str) -> PyResult<Object> {
    let ns = NAMESPACE.with(|n| n.borrow().clone());
    let ns = match ns {
        Some(ns) => ns,
        None => {
            let m = crate::import::import_module("posix", None)?;
            crate::attr::getattr(m.as_ref(), crate::types::str::intern("__dict__").as_ref())?
        }
    };
    match as_dict(ns.as_ref()).and_then(|d| d.get_str(name).ok().flatten()) {
        Some(v) => Ok(v),
        None => Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            format!("module 'posix' has no attribute '{name}'"),
        )),
    }
}

/// Runs the shared struct-sequence helper and returns its `make` function (for `time`, too).
pub(crate) fn structseq_maker() -> PyResult<Object> {
    let m = new_module("_structseq");
    let code =
        crate::import::path::compile_bytes(STRUCTSEQ_SOURCE.as_bytes(), "<frozen _structseq>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    crate::attr::getattr(m.as_ref(), new_str("make").as_ref())
}

// ---- errors ----

/// The message `strerror(errno)` gives.
pub(crate) fn strerror_text(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`: the subclass for the errno.
pub(crate) fn os_error2(errno: i32, f1: Option<Object>, f2: Option<Object>) -> PyErr {
    let mut args = vec![new_int_i64(errno as i64), new_str(&strerror_text(errno))];
    if let Some(f) = f1 {
        args.push(f);
        if let Some(f2) = f2 {
            args.push(none());
            args.push(f2);
        }
    }
    match crate::ops::call(crate::types::exceptions::OS_ERROR.0.as_object(), &args, None) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// The current `errno`.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The current `errno` as an OSError with no file name.
pub(crate) fn last_error() -> PyErr {
    os_error2(errno(), None, None)
}

/// The current `errno` as an OSError naming the path (its str/bytes form, or the descriptor).
pub(crate) fn path_error(p: &PathArg) -> PyErr {
    os_error2(errno(), Some(p.obj.clone()), None)
}

// ---- the file-system encoding ----

/// A str's file-system bytes: UTF-8, with lone surrogates U+DC80..U+DCFF back to their bytes.
pub(crate) fn fs_encode(s: Str<'_>) -> PyResult<Vec<u8>> {
    if let Some(t) = s.as_str() {
        return Ok(t.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let data = s.data();
    for i in 0..data.len() {
        let c = data.get(i);
        if (0xDC80..=0xDCFF).contains(&c) {
            out.push((c - 0xDC00) as u8);
        } else if let Some(ch) = char::from_u32(c) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else {
            // A surrogate `surrogateescape` cannot encode: the codec's own error.
            return crate::builtins::codecs::encode_str(s, "utf-8", "surrogateescape");
        }
    }
    Ok(out)
}

/// File-system bytes as a str: UTF-8, each undecodable byte as U+DC00 + byte.
pub(crate) fn fs_decode(b: &[u8]) -> Object {
    if let Ok(t) = std::str::from_utf8(b) {
        return new_str(t);
    }
    let mut cps: Vec<u32> = Vec::with_capacity(b.len());
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(t) => {
                cps.extend(t.chars().map(|c| c as u32));
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: `from_utf8` just checked these bytes.
                let t = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                cps.extend(t.chars().map(|c| c as u32));
                let bad = e.error_len().unwrap_or(rest.len() - good);
                for &x in &rest[good..good + bad] {
                    cps.push(if x < 128 { x as u32 } else { 0xDC00 + x as u32 });
                }
                rest = &rest[good + bad..];
            }
        }
    }
    new_str_from_code_points(&cps)
}

/// A name read from the system, as str or bytes like the path it came from.
pub(crate) fn fs_result(b: &[u8], as_bytes: bool) -> Object {
    if as_bytes { new_bytes(b) } else { fs_decode(b) }
}

// ---- argument converters ----

/// A converted `path_t` argument.
pub(crate) struct PathArg {
    /// The path's bytes (no NUL inside); empty for a descriptor.
    pub bytes: Vec<u8>,
    /// What error messages name: the str or bytes path, or the descriptor int.
    pub obj: Object,
    /// Whether the path was given as bytes (results are bytes then).
    pub is_bytes: bool,
    /// The descriptor, when one was given (and allowed).
    pub fd: Option<i32>,
}

impl PathArg {
    pub fn cstr(&self) -> CString {
        CString::new(self.bytes.clone()).unwrap_or_default()
    }
}

/// `os.fspath(o)`: str and bytes as they are, else `__fspath__()`'s str or bytes.
pub(crate) fn fspath(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    if Str::new(o).is_some() || bytes_data(o).is_some() {
        return Ok(Some(o.to_owned()));
    }
    let Some(f) = crate::types::typelookup::type_lookup(
        o.type_(),
        crate::types::str::intern("__fspath__").as_ref(),
    )?
    else {
        return Ok(None);
    };
    if is_none(f.as_ref()) {
        return Ok(None);
    }
    let r = crate::types::instance::call_attr_pub(f, o, &[])?;
    if Str::new(r.as_ref()).is_some() || bytes_data(r.as_ref()).is_some() {
        return Ok(Some(r));
    }
    Err(PyErr::type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        o.type_().name(),
        r.type_().name()
    )))
}

/// A descriptor argument: an int within C `int`'s range.
pub(crate) fn fd_value(o: ObjectRef<'_>) -> PyResult<i32> {
    if let Some(v) = crate::types::int::int_value(o)
        && i64::try_from(v.to_ibig().as_ref()).is_err()
    {
        return Err(PyErr::overflow_error(if v.is_negative() {
            "fd is less than minimum"
        } else {
            "fd is greater than maximum"
        }));
    }
    let v = int_arg(o)?;
    if v > i32::MAX as i64 {
        return Err(PyErr::overflow_error("fd is greater than maximum"));
    }
    if v < i32::MIN as i64 {
        return Err(PyErr::overflow_error("fd is less than minimum"));
    }
    Ok(v as i32)
}

/// An integer argument (`__index__`), CPython's message otherwise.
pub(crate) fn int_arg(o: ObjectRef<'_>) -> PyResult<i64> {
    if crate::types::float::float_value(o).is_some() && crate::types::int::int_value(o).is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    }
    match crate::ops::index_value(o) {
        Ok(Some(v)) => Ok(v as i64),
        Ok(None) => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))),
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => {
            Err(PyErr::overflow_error("Python int too large to convert to C long"))
        }
        Err(e) => Err(e),
    }
}

/// Converts `o` as CPython's `path_t` converter does for function `fname`.
pub(crate) fn path_arg(
    o: ObjectRef<'_>,
    fname: &str,
    allow_fd: bool,
    nullable: bool,
) -> PyResult<PathArg> {
    if nullable && is_none(o) {
        return Ok(PathArg { bytes: b".".to_vec(), obj: none(), is_bytes: false, fd: None });
    }
    if allow_fd && crate::types::int::int_value(o).is_some() {
        let fd = fd_value(o)?;
        return Ok(PathArg { bytes: Vec::new(), obj: o.to_owned(), is_bytes: false, fd: Some(fd) });
    }
    let p = match fspath(o)? {
        Some(p) => p,
        None => {
            if allow_fd && crate::types::int::int_value(o).is_none() {
                if let Ok(Some(_)) = crate::ops::index_via_slot(o) {
                    let fd = fd_value(o)?;
                    return Ok(PathArg {
                        bytes: Vec::new(),
                        obj: o.to_owned(),
                        is_bytes: false,
                        fd: Some(fd),
                    });
                }
            }
            let kinds = match (allow_fd, nullable) {
                (false, false) => "string, bytes or os.PathLike",
                (true, false) => "string, bytes, os.PathLike or integer",
                (false, true) => "string, bytes, os.PathLike or None",
                (true, true) => "string, bytes, os.PathLike, integer or None",
            };
            return Err(PyErr::type_error(format!(
                "{fname}: path should be {kinds}, not {}",
                o.type_().name()
            )));
        }
    };
    let (bytes, is_bytes) = match Str::new(p.as_ref()) {
        Some(s) => (fs_encode(s)?, false),
        None => (bytes_data(p.as_ref()).unwrap_or(&[]).to_vec(), true),
    };
    if bytes.contains(&0) {
        return Err(PyErr::value_error(format!("{fname}: embedded null character in path")));
    }
    Ok(PathArg { bytes, obj: p, is_bytes, fd: None })
}

/// The `dir_fd` keyword: None is the current directory (`AT_FDCWD`).
pub(crate) fn dir_fd_arg(o: Option<&Object>) -> PyResult<i32> {
    match o {
        None => Ok(libc::AT_FDCWD),
        Some(o) if is_none(o.as_ref()) => Ok(libc::AT_FDCWD),
        Some(o) => {
            if crate::types::int::int_value(o.as_ref()).is_none()
                && crate::ops::index_via_slot(o.as_ref())?.is_none()
            {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not {}",
                    o.type_().name()
                )));
            }
            fd_value(o.as_ref())
        }
    }
}

/// A boolean keyword (`follow_symlinks=...`), true when absent.
pub(crate) fn bool_kw(o: Option<&Object>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(o) => crate::ops::is_true(o.as_ref()),
    }
}

/// Binds `args` for `fname(names..., *, kwonly...)`: the positional-or-keyword values, then
/// the keyword-only ones.
pub(crate) fn bind<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    names: &[&str],
    required: usize,
    kwonly: &[&str],
) -> PyResult<(Vec<Option<&'a Object>>, Vec<Option<&'a Object>>)> {
    let mut a = Args::new(args, kw);
    let ko: Vec<Option<&Object>> = kwonly.iter().map(|n| a.take_kw(n)).collect();
    Ok((a.bind(fname, names, required)?, ko))
}

/// Runs a system call returning -1 on error, retrying on `EINTR`.
pub(crate) fn retry<T: PartialOrd + Default + Copy>(mut f: impl FnMut() -> T) -> Result<T, i32> {
    loop {
        let r = f();
        if r >= T::default() {
            return Ok(r);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// Makes the `posix` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("posix");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("This module provides access to operating system functionality that is\nstandardized by the C Standard and POSIX."))?;
    let mut fns: Vec<(&'static str, NativeFn)> = Vec::new();
    fns.extend_from_slice(files::FUNCTIONS);
    fns.extend_from_slice(fds::FUNCTIONS);
    fns.extend_from_slice(process::FUNCTIONS);
    for (name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    consts::add_constants(d)?;
    d.set_str("environ", process::make_environ()?)?;
    let ns = module_dict(m.as_ref()).expect("dict").to_owned();
    NAMESPACE.with(|n| *n.borrow_mut() = Some(ns));
    d.set_str("_structseq_make", structseq_maker()?)?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen posix>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    let _ = d.del_item(new_str("_structseq_make").as_ref());
    Ok(m)
}

/// `True`/`False` objects.
pub(crate) fn py_bool(b: bool) -> Object {
    crate::types::bool::py_bool(b)
}

/// A function without arguments (`posix.getpid()`): CPython names it with its module.
pub(crate) fn no_args(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    if args.is_empty() {
        return Ok(());
    }
    let q = format!("posix.{fname}");
    let a = Args::new(args, kw);
    a.no_kw_at_all(&q)?;
    a.count(&q, 0, 0)
}

/// `min..=max` positional-only arguments, no keywords; a one-argument function is named with
/// its module (`posix.umask() takes exactly one argument`), others not (`read expected 2
/// arguments, got 1`), as CPython's argument clinic words them.
pub(crate) fn positional<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Object]> {
    let a = Args::new(args, kw);
    if a.kw.is_empty() && (min..=max).contains(&a.pos.len()) {
        return Ok(a.pos);
    }
    let q = format!("posix.{fname}");
    a.no_kw_at_all(&q)?;
    a.count(if min == 1 && max == 1 { &q } else { fname }, min, max)?;
    Ok(a.pos)
}
