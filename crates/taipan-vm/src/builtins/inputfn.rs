//! `input([prompt])`: the prompt on standard output (flushed), one line from standard input
//! without its newline, EOFError at end of input.

use std::io::BufRead;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::EOF_ERROR;

pub(crate) fn input(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("input")?;
    a.count("input", 0, 1)?;
    if let Some(p) = a.pos.first() {
        let text = crate::ops::str_string(p.as_ref())?;
        crate::builtins::sys::write_stdout(&text);
    }
    crate::builtins::sys::flush_stdout();
    let mut line = Vec::new();
    let n = crate::gil::allow_threads(|| std::io::stdin().lock().read_until(b'\n', &mut line))
        .map_err(|e| PyErr::new(&crate::types::exceptions::OS_ERROR, e.to_string()))?;
    if n == 0 {
        return Err(PyErr::new(&EOF_ERROR, "EOF when reading a line"));
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    let text = String::from_utf8(line).map_err(|_| {
        PyErr::new(
            &crate::types::exceptions::UNICODE_DECODE_ERROR,
            "'utf-8' codec can't decode input",
        )
    })?;
    Ok(crate::types::str::new_str(&text))
}
