//! `_io.StringIO`: an in-memory text stream over a vector of code points, with the `newline`
//! translation modes of CPython's `stringio.c` (universal-newline translation on write for
//! `newline=None`, `\r`/`\r\n` translation of written `\n`).

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::typeobject::IterNextFn;

use super::iobase::{Self_, TEXT_IOBASE, io_type, me};
use super::textio::NlDecoder;
use super::{State, bind, call_meth, getsets, methods, new_io};

/// The state of a `StringIO`.
pub struct StringState {
    pub ok: bool,
    pub closed: bool,
    pub buf: Vec<u32>,
    pub pos: usize,
    /// `newline` as given (`None`: universal with translation).
    pub newline: Option<String>,
    /// The universal-newline decoder (`newline` None or empty).
    pub decoder: Option<NlDecoder>,
    /// What `\n` becomes on write (`newline` `\r` or `\r\n`).
    pub writenl: Option<Vec<u32>>,
}

pub(crate) fn blank() -> State {
    State::StringIO(StringState {
        ok: false,
        closed: false,
        buf: Vec::new(),
        pos: 0,
        newline: Some("\n".into()),
        decoder: None,
        writenl: None,
    })
}

io_type!(STRINGIO, "_io.StringIO", &TEXT_IOBASE.0, 1109, iternext: stringio_next as IterNextFn);

fn with<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut StringState) -> PyResult<R>) -> PyResult<R> {
    let p = super::payload(o)?;
    match &mut *p.state.borrow_mut() {
        State::StringIO(s) => {
            if !s.ok {
                return Err(PyErr::value_error("I/O operation on uninitialized object"));
            }
            f(s)
        }
        _ => Err(PyErr::type_error("StringIO method called on a non-StringIO object")),
    }
}

/// Like `with`, and the stream must be open.
fn with_open<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut StringState) -> PyResult<R>) -> PyResult<R> {
    with(o, |s| {
        if s.closed {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        f(s)
    })
}

fn cps(o: ObjectRef<'_>) -> Vec<u32> {
    Str::new(o).map(|s| s.data().iter().collect()).unwrap_or_default()
}

/// `StringIO.__init__(initial_value='', newline='\n')`.
pub(crate) fn init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("StringIO", args, kw, &["initial_value", "newline"], 0)?;
    let newline = match a[1] {
        None => Some("\n".to_string()),
        Some(v) if is_none(v.as_ref()) => None,
        Some(v) => match Str::new(v.as_ref()) {
            Some(t) => Some(t.to_string_lossy()),
            None => {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    v.type_().name()
                )));
            }
        },
    };
    if let Some(nl) = &newline
        && !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::value_error(format!(
            "illegal newline value: {}",
            crate::ops::repr_string(a[1].expect("newline").as_ref())?
        )));
    }
    let initial = match a[0] {
        None => Vec::new(),
        Some(v) if is_none(v.as_ref()) => Vec::new(),
        Some(v) => match Str::new(v.as_ref()) {
            Some(_) => cps(v.as_ref()),
            None => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    v.type_().name()
                )));
            }
        },
    };
    let universal = newline.as_deref().is_none_or(str::is_empty);
    let translate = newline.is_none();
    let writenl = newline
        .as_deref()
        .filter(|n| n.starts_with('\r'))
        .map(|n| n.chars().map(|c| c as u32).collect());
    let p = super::payload(o)?;
    let old = std::mem::replace(
        &mut *p.state.borrow_mut(),
        State::StringIO(StringState {
            ok: true,
            closed: false,
            buf: Vec::new(),
            pos: 0,
            newline,
            decoder: universal.then(|| NlDecoder::new(translate)),
            writenl,
        }),
    );
    drop(old);
    p.base_closed.set(false);
    if !initial.is_empty() {
        with(o, |s| {
            write_cps(s, &initial);
            s.pos = 0;
            Ok(())
        })?;
    }
    Ok(none())
}

fn stringio_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, blank());
    init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

/// Writes `text` at the position, translating newlines as configured.
fn write_cps(s: &mut StringState, text: &[u32]) {
    let mut t: Vec<u32> = match &mut s.decoder {
        Some(d) => d.decode(text, true),
        None => text.to_vec(),
    };
    if let Some(nl) = &s.writenl {
        let mut out = Vec::with_capacity(t.len());
        for &c in &t {
            if c == '\n' as u32 {
                out.extend_from_slice(nl);
            } else {
                out.push(c);
            }
        }
        t = out;
    }
    if t.is_empty() {
        return;
    }
    if s.pos > s.buf.len() {
        s.buf.resize(s.pos, 0);
    }
    let end = s.pos + t.len();
    if end > s.buf.len() {
        s.buf.resize(end, 0);
    }
    s.buf[s.pos..end].copy_from_slice(&t);
    s.pos = end;
}

fn write(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("write", args, kw, &["s"], 1)?;
    let v = a[0].expect("s");
    let Some(text) = Str::new(v.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            v.type_().name()
        )));
    };
    let n = text.len();
    let data = cps(v.as_ref());
    with_open(o, |s| {
        write_cps(s, &data);
        Ok(())
    })?;
    Ok(new_int_i64(n as i64))
}

fn read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("read", args, kw, &["size"], 0)?;
    let n = super::size_arg(a[0])?;
    let out = with_open(me(s), |s| {
        let start = s.pos.min(s.buf.len());
        let end = n.map_or(s.buf.len(), |n| (start + n).min(s.buf.len()));
        s.pos = end.max(s.pos);
        Ok(s.buf[start..end].to_vec())
    })?;
    Ok(new_str_from_code_points(&out))
}

/// The end of the line starting at `start` in `buf` (exclusive), per the newline mode.
pub(crate) fn line_end(
    buf: &[u32],
    start: usize,
    limit: usize,
    translated: bool,
    universal: bool,
    nl: &[u32],
) -> usize {
    let end = limit.min(buf.len());
    let lf = '\n' as u32;
    let cr = '\r' as u32;
    let mut i = start;
    if translated {
        while i < end {
            if buf[i] == lf {
                return i + 1;
            }
            i += 1;
        }
        return end;
    }
    if universal {
        while i < end {
            if buf[i] == lf {
                return i + 1;
            }
            if buf[i] == cr {
                if i + 1 < end && buf[i + 1] == lf {
                    return i + 2;
                }
                return i + 1;
            }
            i += 1;
        }
        return end;
    }
    while i < end {
        if buf[i..].starts_with(nl) && i + nl.len() <= end {
            return i + nl.len();
        }
        i += 1;
    }
    end
}

fn readline_impl(o: ObjectRef<'_>, limit: Option<usize>) -> PyResult<Vec<u32>> {
    with_open(o, |s| {
        let start = s.pos.min(s.buf.len());
        let lim = limit.map_or(usize::MAX, |l| start.saturating_add(l));
        let nl: Vec<u32> = s.newline.as_deref().unwrap_or("\n").chars().map(|c| c as u32).collect();
        let translated = s.newline.is_none();
        let universal = s.newline.as_deref() == Some("");
        let end = line_end(&s.buf, start, lim, translated, universal, &nl);
        s.pos = end.max(s.pos);
        Ok(s.buf[start..end].to_vec())
    })
}

fn readline(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readline", args, kw, &["size"], 0)?;
    let limit = super::size_arg(a[0])?;
    Ok(new_str_from_code_points(&readline_impl(me(s), limit)?))
}

fn stringio_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let line = if std::ptr::eq(o.type_(), &STRINGIO.0) {
        new_str_from_code_points(&readline_impl(o, None)?)
    } else {
        let l = call_meth(o, "readline", &[])?;
        if Str::new(l.as_ref()).is_none() {
            return Err(PyErr::new(
                &crate::types::exceptions::OS_ERROR,
                format!("readline() should have returned a str object, not '{}'", l.type_().name()),
            ));
        }
        l
    };
    Ok((crate::ops::len(line.as_ref())? > 0).then_some(line))
}

fn getvalue(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let v = with_open(me(s), |s| Ok(s.buf.clone()))?;
    Ok(new_str_from_code_points(&v))
}

fn tell(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(with_open(me(s), |s| Ok(s.pos))? as i64))
}

fn seek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("seek", args, kw, &["pos", "whence"], 1)?;
    let pos = super::int_arg(a[0], 0)?;
    let whence = super::int_arg(a[1], 0)?;
    let r = with_open(me(s), |s| {
        match whence {
            0 => {
                if pos < 0 {
                    return Err(PyErr::value_error(format!("Negative seek position {pos}")));
                }
                s.pos = pos as usize;
            }
            1 | 2 => {
                if pos != 0 {
                    return Err(PyErr::new(
                        &crate::types::exceptions::OS_ERROR,
                        "Can't do nonzero cur-relative seeks",
                    ));
                }
                if whence == 2 {
                    s.pos = s.buf.len();
                }
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "Invalid whence ({whence}, should be 0, 1 or 2)"
                )));
            }
        }
        Ok(s.pos)
    })?;
    Ok(new_int_i64(r as i64))
}

fn truncate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("truncate", args, kw, &["pos"], 0)?;
    let size = super::opt_ssize_arg(a[0])?;
    let r = with_open(me(s), |s| super::truncate_buffer(&mut s.buf, s.pos, size, "Negative"))?;
    Ok(new_int_i64(r))
}

fn true_if_open(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    with_open(me(s), |_| Ok(py_bool(true)))
}

fn close(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = super::payload(me(s))?;
    if let State::StringIO(st) = &mut *p.state.borrow_mut() {
        st.closed = true;
        st.buf = Vec::new();
    }
    Ok(none())
}

fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(with(o, |s| Ok(s.closed))?))
}

fn line_buffering_get(o: ObjectRef<'_>) -> PyResult<Object> {
    with_open(o, |_| Ok(py_bool(false)))
}

fn newlines_get(o: ObjectRef<'_>) -> PyResult<Object> {
    let seen = with_open(o, |s| Ok(s.decoder.as_ref().map(|d| d.seen)))?;
    Ok(match seen {
        None => none(),
        Some(n) => super::textio::newlines_obj(n),
    })
}

fn getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let (v, nl, pos) = with(o, |s| {
        Ok((
            new_str_from_code_points(&s.buf),
            s.newline.as_deref().map_or_else(none, new_str),
            s.pos,
        ))
    })?;
    let d = match super::payload(o)?.dict.borrow().clone() {
        Some(d) => d,
        None => none(),
    };
    Ok(crate::types::tuple::new_tuple(vec![v, nl, new_int_i64(pos as i64), d]))
}

pub(crate) fn register() {
    register_constructor(&STRINGIO.0, stringio_new);
    methods(
        &STRINGIO,
        &[
            ("__init__", init),
            ("write", write),
            ("read", read),
            ("readline", readline),
            ("getvalue", getvalue),
            ("tell", tell),
            ("seek", seek),
            ("truncate", truncate),
            ("readable", true_if_open),
            ("writable", true_if_open),
            ("seekable", true_if_open),
            ("close", close),
            ("__getstate__", getstate),
        ],
    );
    getsets(
        &STRINGIO,
        &[
            ("closed", closed_get, None),
            ("line_buffering", line_buffering_get, None),
            ("newlines", newlines_get, None),
        ],
    );
}
