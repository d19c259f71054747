//! `input([prompt])`, as CPython's: `sys.stderr` flushed, the prompt written to `sys.stdout`
//! and flushed, one line read with `sys.stdin.readline()`, returned without its newline;
//! EOFError at end of input.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::modules::io::stdio;
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::{EOF_ERROR, RUNTIME_ERROR};
use crate::types::singletons::is_none;
use crate::types::str::Str;

/// `sys.NAME`, or `RuntimeError: lost sys.NAME` when it is missing or None.
fn stream(name: &str) -> PyResult<Object> {
    match stdio::sys_stream_opt(name)? {
        Some(f) if !is_none(f.as_ref()) => Ok(f),
        _ => Err(PyErr::new(&RUNTIME_ERROR, format!("lost sys.{name}"))),
    }
}

pub(crate) fn input(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("input")?;
    a.count("input", 0, 1)?;
    let fin = stream("stdin")?;
    let fout = stream("stdout")?;
    if let Ok(Some(ferr)) = stdio::sys_stream_opt("stderr")
        && !is_none(ferr.as_ref())
    {
        let _ = stdio::flush_file(ferr.as_ref());
    }
    if let Some(p) = a.pos.first() {
        let text = crate::ops::str_(p.as_ref())?;
        stdio::write_obj(fout.as_ref(), &text)?;
    }
    stdio::flush_file(fout.as_ref())?;
    let line = crate::modules::io::call_meth(fin.as_ref(), "readline", &[])?;
    let Some(s) = Str::new(line.as_ref()) else {
        if let Some(b) = crate::types::bytes::bytes_data(line.as_ref()) {
            if b.is_empty() {
                return Err(PyErr::new(&EOF_ERROR, "EOF when reading a line"));
            }
            let b = b.strip_suffix(b"\n").unwrap_or(b);
            return Ok(crate::types::bytes::new_bytes(b));
        }
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if s.is_empty() {
        return Err(PyErr::new(&EOF_ERROR, "EOF when reading a line"));
    }
    let n = s.len();
    if s.char_at(n - 1) == u32::from(b'\n') {
        return Ok(crate::types::str::str_substring(s, 0, n - 1));
    }
    Ok(line)
}
