//! The standard streams as CPython makes them at start-up: `sys.stdin`, `sys.stdout` and
//! `sys.stderr` are `_io.TextIOWrapper`s over an `_io.BufferedReader`/`BufferedWriter` (for
//! output under `-u`, the raw stream itself) over `_io.FileIO(fd, closefd=False)`, named
//! `<stdin>`/`<stdout>`/`<stderr>`, in the encoding and error handler CPython picks
//! (`PYTHONIOENCODING`, else UTF-8 with `surrogateescape`, `backslashreplace` for stderr).
//!
//! Also here: the fast path `print` takes into a native text wrapper (the text appended to the
//! wrapper's pending bytes, with no Python-level call), writing text the interpreter itself
//! produces (tracebacks, warnings, prompts) to whatever `sys.stderr`/`sys.stdout` is now, and
//! the flush of both at exit with CPython's report of a failure ("Exception ignored while
//! flushing sys.stdout", exit status 120).

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::dict::{DictPayload, as_dict};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};

use super::{IoPayload, State, buffered, call_meth, fileio, new_io, textio};

/// The encoding and error handler of the standard streams: `PYTHONIOENCODING`
/// (`ENCODING[:ERRORS]`; an encoding given without errors means `strict`), else UTF-8 with
/// `surrogateescape` (the machine's locales are C/POSIX and C.UTF-8, where CPython uses it).
/// Standard error always uses `backslashreplace`. `Ok(None)` when the encoding needs the codec
/// registry (`lookup` false), which cannot run before `sys` and the import system exist.
fn stdio_encoding(lookup: bool) -> PyResult<Option<(String, String)>> {
    let mut encoding = "utf-8".to_string();
    let mut errors = "surrogateescape".to_string();
    if let Some(spec) = &crate::config::get().io_encoding {
        let (enc, err) = match spec.split_once(':') {
            Some((e, r)) => (e, Some(r)),
            None => (spec.as_str(), None),
        };
        if !enc.is_empty() {
            encoding = match native_codec_name(enc) {
                Some(n) => n.to_string(),
                None if lookup => crate::modules::codecs::text_codec_name(enc)?,
                None => return Ok(None),
            };
            errors = "strict".to_string();
        }
        if let Some(r) = err
            && !r.is_empty()
        {
            errors = r.to_string();
        }
    }
    Ok(Some((encoding, errors)))
}

/// `codecs.lookup(enc).name` for the codecs built in natively.
fn native_codec_name(enc: &str) -> Option<&'static str> {
    use crate::builtins::codecs::{Codec, lookup_native};
    match lookup_native(enc)? {
        Codec::Charmap(_) => None,
        Codec::Latin1 => Some("iso8859-1"),
        c => Some(c.name()),
    }
}

/// Whether the streams were made with the default encoding while `PYTHONIOENCODING` names one
/// only the codec registry knows (`finish_install` remakes them).
static PENDING_ENCODING: crate::gil::GilCell<std::cell::Cell<bool>> =
    crate::gil::GilCell::new(std::cell::Cell::new(false));

/// Whether `fd` is an open descriptor (CPython's `is_valid_fd`): a closed one makes the stream
/// `None`.
fn fd_is_valid(fd: i32) -> bool {
    // SAFETY: `st` is a plain struct fstat fills; fstat has no other precondition.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    unsafe { libc::fstat(fd, &mut st) == 0 }
}

/// One standard stream over descriptor `fd` (CPython's `create_stdio`).
fn create_stdio(
    fd: i32,
    write: bool,
    name: &str,
    encoding: &str,
    errors: &str,
) -> PyResult<Object> {
    let unbuffered = write && crate::config::get().unbuffered;
    let raw = new_io(&fileio::FILEIO.0, fileio::blank());
    fileio::init(
        Some(raw.as_ref()),
        &[new_int_i64(fd as i64), new_str(if write { "wb" } else { "rb" }), py_bool(false)],
        None,
    )?;
    crate::attr::setattr(
        raw.as_ref(),
        crate::types::str::intern("name").as_ref(),
        Some(new_str(name).as_ref()),
    )?;
    let buffer = if unbuffered {
        raw.clone()
    } else {
        let ty = if write { &buffered::BUFFERED_WRITER } else { &buffered::BUFFERED_READER };
        let b = new_io(&ty.0, buffered::blank());
        let size = super::open::default_buffer_size(raw.as_ref())?;
        buffered::init(Some(b.as_ref()), &[raw.clone(), new_int_i64(size)], None)?;
        b
    };
    // SAFETY: isatty has no memory-safety preconditions.
    let isatty = unsafe { libc::isatty(fd) } == 1;
    let line_buffering = !unbuffered && (isatty || fd == 2);
    let text = new_io(&textio::TEXTIOWRAPPER.0, textio::blank());
    textio::init(
        Some(text.as_ref()),
        &[
            buffer.clone(),
            new_str(encoding),
            new_str(errors),
            new_str("\n"),
            py_bool(line_buffering),
            py_bool(unbuffered),
        ],
        None,
    )?;
    crate::attr::setattr(
        text.as_ref(),
        crate::types::str::intern("mode").as_ref(),
        Some(new_str(if write { "w" } else { "r" }).as_ref()),
    )?;
    // The standard streams are flushed at exit, never closed (`flush_std_files`), and stay
    // usable while the program's objects are finalised.
    super::unregister_writer(text.as_ref());
    super::unregister_writer(buffer.as_ref());
    Ok(text)
}

/// Sets `sys.stdin`, `sys.stdout`, `sys.stderr` and their `__stdin__`... twins in the new
/// `sys` dict. A descriptor that is not open gives `None`, as in CPython.
pub(crate) fn install(d: &DictPayload) {
    super::ensure_registered();
    let (encoding, errors) = match stdio_encoding(false) {
        Ok(Some(v)) => v,
        _ => {
            PENDING_ENCODING.with(|p| p.set(true));
            ("utf-8".to_string(), "strict".to_string())
        }
    };
    make_streams(d, &encoding, &errors);
}

fn make_streams(d: &DictPayload, encoding: &str, errors: &str) {
    for (fd, attr, write) in [(0, "stdin", false), (1, "stdout", true), (2, "stderr", true)] {
        let errs = if fd == 2 { "backslashreplace" } else { errors };
        let name = format!("<{attr}>");
        let stream = if fd_is_valid(fd) {
            create_stdio(fd, write, &name, encoding, errs).unwrap_or_else(|_| none())
        } else {
            none()
        };
        let _ = d.set_str(attr, stream.clone());
        let _ = d.set_str(&format!("__{attr}__"), stream);
    }
}

/// Once the import system runs: remakes the streams in a `PYTHONIOENCODING` encoding that
/// needed the codec registry. An unknown one is CPython's fatal start-up error.
pub fn finish_install() {
    if !PENDING_ENCODING.with(|p| p.replace(false)) {
        return;
    }
    match stdio_encoding(true) {
        Ok(Some((encoding, errors))) => {
            let m = crate::builtins::sys_module();
            if let Some(d) = crate::types::module::module_dict(m.as_ref()).and_then(as_dict) {
                make_streams(d, &encoding, &errors);
            }
        }
        Ok(None) => {}
        Err(e) => {
            let exc = crate::traceback::format_exception_plain(e.instance());
            eprint!(
                "Fatal Python error: init_stdio_encoding: failed to get the Python codec name \
                 of the stdio encoding\nPython runtime state: core initialized\n{exc}"
            );
            std::process::exit(1);
        }
    }
}

/// `sys.NAME`, or CPython's RuntimeError `lost sys.NAME` when it was deleted.
pub fn sys_stream(name: &str) -> PyResult<Object> {
    sys_stream_opt(name)?.ok_or_else(|| {
        PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, format!("lost sys.{name}"))
    })
}

/// `sys.NAME` if it exists.
pub fn sys_stream_opt(name: &str) -> PyResult<Option<Object>> {
    let m = crate::builtins::sys_module();
    match crate::types::module::module_dict(m.as_ref()).and_then(as_dict) {
        Some(d) => d.get_str(name),
        None => Ok(None),
    }
}

/// Whether `o` is a native text wrapper whose `write` is the built-in one (no instance
/// attribute hides it), so text can go to it without a Python-level call.
pub fn is_native_text(o: ObjectRef<'_>) -> bool {
    if !std::ptr::eq(o.type_(), &textio::TEXTIOWRAPPER.0) {
        return false;
    }
    let Some(p) = o.payload::<IoPayload>() else { return false };
    let Ok(d) = p.dict.try_borrow() else { return false };
    match d.as_ref().and_then(|d| as_dict(d.as_ref())) {
        Some(d) => matches!(d.get_str("write"), Ok(None)),
        None => true,
    }
}

/// Whether the buffer under a native text wrapper is an open native `BufferedWriter` or
/// `FileIO` (whose writes need no Python-level call and cannot be closed by one).
fn native_open_buffer(b: ObjectRef<'_>) -> bool {
    if std::ptr::eq(b.type_(), &fileio::FILEIO.0) {
        return fileio::native_fd(b).is_some_and(|fd| fd >= 0);
    }
    if !std::ptr::eq(b.type_(), &buffered::BUFFERED_WRITER.0) {
        return false;
    }
    let Some(p) = b.payload::<IoPayload>() else { return false };
    let Ok(st) = p.state.try_borrow() else { return false };
    match &*st {
        State::Buffered(s) => {
            s.raw.as_ref().is_some_and(|r| fileio::native_fd(r.as_ref()).is_some_and(|fd| fd >= 0))
        }
        _ => false,
    }
}

/// Appends `text` to the pending bytes of the native text wrapper `o` when that is all a
/// write needs (UTF-8, no newline translation, an open native buffer, nothing read ahead),
/// flushing as `TextIOWrapper.write` does (past the chunk size, at a newline when line
/// buffered, always when write-through). Returns false, having done nothing, otherwise.
pub(crate) fn try_fast_write(o: ObjectRef<'_>, text: &str) -> PyResult<bool> {
    let Some(p) = o.payload::<IoPayload>() else { return Ok(false) };
    let (flush, line_flush, buffer) = {
        let Ok(mut st) = p.state.try_borrow_mut() else { return Ok(false) };
        let State::Text(s) = &mut *st else { return Ok(false) };
        if !s.ok
            || s.detached
            || !s.writable
            || s.codec != "utf-8"
            || !matches!(s.newline.as_deref(), None | Some("") | Some("\n"))
            || !s.decoded.is_empty()
            || s.snapshot.is_some()
            || !s.pending.is_empty()
        {
            return Ok(false);
        }
        let Some(b) = &s.buffer else { return Ok(false) };
        if !native_open_buffer(b.as_ref()) {
            return Ok(false);
        }
        s.wpending.extend_from_slice(text.as_bytes());
        let nl = s.line_buffering && text.bytes().any(|c| c == b'\n' || c == b'\r');
        let flush = s.wpending.len() > s.chunk_size || nl || s.write_through;
        (flush, nl, nl.then(|| b.clone()))
    };
    if flush {
        textio::write_flush(o)?;
    }
    if line_flush && let Some(b) = buffer {
        call_meth(b.as_ref(), "flush", &[])?;
    }
    Ok(true)
}

/// Writes the str `s` to the native text wrapper `o` (see [`is_native_text`]): the fast path,
/// else `TextIOWrapper.write` itself (which raises what CPython raises: closed file,
/// unencodable text, ...).
pub fn native_text_write(o: ObjectRef<'_>, s: &Object) -> PyResult<()> {
    if let Some(t) = Str::new(s.as_ref()).and_then(Str::as_str)
        && try_fast_write(o, t)?
    {
        return Ok(());
    }
    textio::write(Some(o), std::slice::from_ref(s), None).map(drop)
}

/// Writes the Rust text `text` (no lone surrogates) to the native text wrapper `o`.
pub fn native_text_write_str(o: ObjectRef<'_>, text: &str) -> PyResult<()> {
    if text.is_empty() || try_fast_write(o, text)? {
        return Ok(());
    }
    textio::write(Some(o), &[new_str(text)], None).map(drop)
}

/// Writes `text` to `file` through its `write` (the fast path for a native text wrapper).
pub fn write_to(file: ObjectRef<'_>, text: &str) -> PyResult<()> {
    write_obj(file, &new_str(text))
}

/// Writes the object `s` (a str) to `file` through its `write` (the fast path for a native
/// text wrapper).
pub fn write_obj(file: ObjectRef<'_>, s: &Object) -> PyResult<()> {
    if is_native_text(file) {
        return native_text_write(file, s);
    }
    call_meth(file, "write", std::slice::from_ref(s)).map(drop)
}

/// Calls `file.flush()`.
pub fn flush_file(file: ObjectRef<'_>) -> PyResult<()> {
    if is_native_text(file) {
        return textio::flush(Some(file), &[], None).map(drop);
    }
    call_meth(file, "flush", &[]).map(drop)
}

/// Text the interpreter itself writes to `sys.stderr` (a traceback, a warning, a prompt): to
/// the current object, then flushed; dropped when `sys.stderr` is None; straight to
/// descriptor 2 when it is missing. Errors while writing are ignored, as CPython ignores them
/// there.
pub fn write_stderr_text(text: &str) {
    match sys_stream_opt("stderr") {
        Ok(Some(f)) if is_none(f.as_ref()) => {}
        Ok(Some(f)) => {
            let _ = write_to(f.as_ref(), text).and_then(|()| flush_file(f.as_ref()));
        }
        _ => {
            use std::io::Write;
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        }
    }
}

/// Text the interpreter writes to `sys.stdout` (errors ignored; nothing if it is None).
pub fn write_stdout_text(text: &str) {
    if let Ok(Some(f)) = sys_stream_opt("stdout")
        && !is_none(f.as_ref())
    {
        let _ = write_to(f.as_ref(), text);
    }
}

/// Flushes `sys.stdout` (errors ignored).
pub fn flush_stdout() {
    if let Ok(Some(f)) = sys_stream_opt("stdout")
        && !is_none(f.as_ref())
    {
        let _ = flush_file(f.as_ref());
    }
}

/// Whether `f.closed` is true (an error reading it counts as open, as in CPython).
fn file_is_closed(f: ObjectRef<'_>) -> bool {
    match super::get_attr(f, "closed") {
        Ok(c) => crate::ops::is_true(c.as_ref()).unwrap_or(false),
        Err(_) => false,
    }
}

/// CPython's `flush_std_files` at exit: flushes `sys.stdout` (a failure is reported as
/// "Exception ignored while flushing sys.stdout") and `sys.stderr` (a failure is silent).
/// Returns false if either failed: the process then exits with status 120.
pub fn flush_std_files() -> bool {
    let mut ok = true;
    match sys_stream_opt("stdout") {
        Ok(Some(f)) if !is_none(f.as_ref()) && !file_is_closed(f.as_ref()) => {
            if let Err(e) = flush_file(f.as_ref()) {
                crate::gc::write_unraisable(e, "Exception ignored while flushing sys.stdout", None);
                ok = false;
            }
        }
        Ok(_) => {}
        Err(e) => {
            crate::gc::write_unraisable(e, "Exception ignored while flushing sys.stdout", None);
            ok = false;
        }
    }
    match sys_stream_opt("stderr") {
        Ok(Some(f)) if !is_none(f.as_ref()) && !file_is_closed(f.as_ref()) => {
            if flush_file(f.as_ref()).is_err() {
                ok = false;
            }
        }
        Ok(_) => {}
        Err(_) => ok = false,
    }
    ok
}

/// What CPython's finalisation does before the modules are torn down: `sys.stdin`,
/// `sys.stdout` and `sys.stderr` are set back to the original streams (`__stdin__`, ...; None
/// if those are gone), so what finalisers print goes there.
pub fn restore_std_streams() {
    let m = crate::builtins::sys_module();
    let Some(d) = crate::types::module::module_dict(m.as_ref()).and_then(as_dict) else { return };
    for name in ["stdin", "stdout", "stderr"] {
        let orig = d.get_str(&format!("__{name}__")).ok().flatten().unwrap_or_else(none);
        let _ = d.set_str(name, orig);
    }
}

/// The last flush of the original streams, once the program's objects are finalised: CPython
/// flushes them as they are destroyed, reporting nothing.
pub fn flush_std_files_quietly() {
    for name in ["stdout", "stderr"] {
        if let Ok(Some(f)) = sys_stream_opt(name)
            && !is_none(f.as_ref())
            && !file_is_closed(f.as_ref())
        {
            let _ = flush_file(f.as_ref());
        }
    }
}
