//! `open()` (the built-in and `io.open`), `io.open_code()` and `io.text_encoding()`: CPython's
//! mode and argument checks, then a `FileIO` wrapped in the buffered class the mode asks for and,
//! in text mode, a `TextIOWrapper`.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;

use super::{bind, call_meth, get_attr, str_or_none};

fn invalid_mode(mode: &str) -> PyErr {
    PyErr::value_error(format!("invalid mode: '{mode}'"))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`.
pub fn open(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    super::ensure_registered();
    let a = bind(
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
    )?;
    let file = a[0].expect("file").clone();
    let mode = match a[1] {
        None => "r".to_string(),
        Some(m) => match Str::new(m.as_ref()) {
            Some(s) => s.to_string_lossy(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    m.type_().name()
                )));
            }
        },
    };
    let buffering = super::int_arg(a[2], -1)?;
    let encoding = str_or_none("open", "encoding", a[3])?;
    let errors = str_or_none("open", "errors", a[4])?;
    let newline = str_or_none("open", "newline", a[5])?;
    let closefd = super::bool_arg(a[6], true)?;
    let opener = a[7].cloned().unwrap_or_else(none);

    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    for (i, c) in mode.char_indices() {
        if !"rwxabt+".contains(c) || mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid_mode(&mode));
        }
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    let mut rawmode = String::new();
    if creating {
        rawmode.push('x');
    }
    if reading {
        rawmode.push('r');
    }
    if writing {
        rawmode.push('w');
    }
    if appending {
        rawmode.push('a');
    }
    if updating {
        rawmode.push('+');
    }
    if text && binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending].iter().filter(|b| **b).count() > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(n) = &newline
        && !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::value_error(format!("illegal newline value: {n}")));
    }

    let raw = crate::ops::call(
        super::fileio::FILEIO.0.as_object(),
        &[file, new_str(&rawmode), crate::types::bool::py_bool(closefd), opener],
        None,
    )?;
    let result = wrap(
        raw.clone(),
        &mode,
        buffering,
        binary,
        updating,
        writing || creating || appending,
        encoding,
        errors,
        newline,
    );
    if result.is_err() {
        let _ = call_meth(raw.as_ref(), "close", &[]);
    }
    result
}

/// The buffer size `open()` picks for `buffering=-1`: the raw stream's `_blksize`, at least
/// `DEFAULT_BUFFER_SIZE` and at most 8 MiB (CPython 3.14).
pub(crate) fn default_buffer_size(raw: ObjectRef<'_>) -> PyResult<i64> {
    let b = get_attr(raw, "_blksize")?;
    let size = crate::ops::index_value(b.as_ref())?.unwrap_or(8192) as i64;
    Ok(size.clamp(1, 8192 * 1024).max(super::DEFAULT_BUFFER_SIZE as i64))
}

#[allow(clippy::too_many_arguments)]
fn wrap(
    raw: Object,
    mode: &str,
    mut buffering: i64,
    binary: bool,
    updating: bool,
    writing: bool,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
) -> PyResult<Object> {
    let mut line_buffering = false;
    if buffering == 1
        || buffering < 0 && {
            let t = call_meth(raw.as_ref(), "isatty", &[])?;
            crate::ops::is_true(t.as_ref())?
        }
    {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = default_buffer_size(raw.as_ref())?;
    }
    if buffering < 0 {
        return Err(PyErr::value_error("invalid buffering size"));
    }
    if buffering == 0 {
        if binary {
            return Ok(raw);
        }
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let cls = if updating {
        &super::buffered::BUFFERED_RANDOM
    } else if writing {
        &super::buffered::BUFFERED_WRITER
    } else {
        &super::buffered::BUFFERED_READER
    };
    let buffer = crate::ops::call(cls.0.as_object(), &[raw, new_int_i64(buffering)], None)?;
    if binary {
        return Ok(buffer);
    }
    let opt = |v: Option<String>| v.map_or_else(none, |s| new_str(&s));
    let wrapper = crate::ops::call(
        super::textio::TEXTIOWRAPPER.0.as_object(),
        &[
            buffer.clone(),
            opt(encoding),
            opt(errors),
            opt(newline),
            crate::types::bool::py_bool(line_buffering),
        ],
        None,
    );
    let wrapper = match wrapper {
        Ok(w) => w,
        Err(e) => {
            let _ = call_meth(buffer.as_ref(), "close", &[]);
            return Err(e);
        }
    };
    crate::attr::setattr(
        wrapper.as_ref(),
        crate::types::str::intern("mode").as_ref(),
        Some(new_str(mode).as_ref()),
    )?;
    Ok(wrapper)
}

/// `io.open_code(path)`: the file opened for reading in binary mode.
pub fn open_code(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = bind("open_code", args, kw, &["path"], 1)?;
    let path = a[0].expect("path");
    if Str::new(path.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            path.type_().name()
        )));
    }
    let names = new_tuple(vec![new_str("mode")]);
    open(None, &[path.clone(), new_str("rb")], Some(names.as_ref()))
}

/// `io.text_encoding(encoding, stacklevel=2)`: `encoding`, or `"locale"` when it is None.
pub fn text_encoding(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = bind("text_encoding", args, kw, &["encoding", "stacklevel"], 1)?;
    let e = a[0].expect("encoding");
    if !is_none(e.as_ref()) {
        return Ok(e.clone());
    }
    Ok(new_str("locale"))
}
