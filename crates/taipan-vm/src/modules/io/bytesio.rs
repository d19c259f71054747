//! `_io.BytesIO`: an in-memory binary stream over a byte vector. Not yet: `getbuffer()` returns
//! a view of a copy (writes through the view do not reach the stream, and the stream is not
//! locked against resizing while the view lives).

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::typeobject::IterNextFn;

use super::iobase::{BUFFERED_IOBASE, Self_, io_type, me};
use super::{State, bind, call_meth, getsets, methods, new_io};

/// The state of a `BytesIO`.
pub struct BytesState {
    pub closed: bool,
    pub buf: Vec<u8>,
    pub pos: usize,
}

pub(crate) fn blank() -> State {
    State::BytesIO(BytesState { closed: false, buf: Vec::new(), pos: 0 })
}

io_type!(BYTESIO, "_io.BytesIO", &BUFFERED_IOBASE.0, 1110, iternext: bytesio_next as IterNextFn);

fn with<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut BytesState) -> PyResult<R>) -> PyResult<R> {
    let p = super::payload(o)?;
    match &mut *p.state.borrow_mut() {
        State::BytesIO(s) => {
            if s.closed {
                return Err(PyErr::value_error("I/O operation on closed file."));
            }
            f(s)
        }
        _ => Err(PyErr::type_error("BytesIO method called on a non-BytesIO object")),
    }
}

/// `BytesIO.__init__(initial_bytes=b'')`.
pub(crate) fn init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("BytesIO", args, kw, &["initial_bytes"], 0)?;
    let data = match a[0].filter(|v| !is_none(v.as_ref())) {
        None => Vec::new(),
        Some(v) => super::bytes_arg(v.as_ref())?,
    };
    let p = super::payload(o)?;
    let old = std::mem::replace(
        &mut *p.state.borrow_mut(),
        State::BytesIO(BytesState { closed: false, buf: data, pos: 0 }),
    );
    drop(old);
    Ok(none())
}

fn bytesio_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, blank());
    init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

fn take(s: &mut BytesState, n: Option<usize>) -> Vec<u8> {
    let start = s.pos.min(s.buf.len());
    let end = n.map_or(s.buf.len(), |n| start.saturating_add(n).min(s.buf.len()));
    s.pos = s.pos.max(end);
    s.buf[start..end].to_vec()
}

fn read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("read", args, kw, &["size"], 0)?;
    let n = super::size_arg(a[0])?;
    Ok(new_bytes(&with(me(s), |s| Ok(take(s, n)))?))
}

fn read1(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("read1", args, kw, &["size"], 0)?;
    let n = super::size_arg(a[0])?;
    Ok(new_bytes(&with(me(s), |s| Ok(take(s, n)))?))
}

fn readinto(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readinto", args, kw, &["buffer"], 1)?;
    let buf = a[0].expect("buffer");
    let n = super::writable_len(buf.as_ref())?;
    let data = with(me(s), |s| Ok(take(s, Some(n))))?;
    super::fill_buffer(buf.as_ref(), &data)?;
    Ok(new_int_i64(data.len() as i64))
}

fn line(s: &mut BytesState, limit: Option<usize>) -> Vec<u8> {
    let start = s.pos.min(s.buf.len());
    let cap = limit.map_or(s.buf.len(), |l| start.saturating_add(l).min(s.buf.len()));
    let end = match memchr::memchr(b'\n', &s.buf[start..cap]) {
        Some(i) => start + i + 1,
        None => cap,
    };
    s.pos = s.pos.max(end);
    s.buf[start..end].to_vec()
}

fn readline(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readline", args, kw, &["size"], 0)?;
    let limit = super::size_arg(a[0])?;
    Ok(new_bytes(&with(me(s), |s| Ok(line(s, limit)))?))
}

fn readlines(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readlines", args, kw, &["size"], 0)?;
    let hint = super::size_arg(a[0])?.filter(|h| *h > 0);
    let lines = with(me(s), |s| {
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let l = line(s, None);
            if l.is_empty() {
                break;
            }
            total += l.len();
            out.push(new_bytes(&l));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(crate::types::list::new_list(lines))
}

fn bytesio_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    if !std::ptr::eq(o.type_(), &BYTESIO.0) {
        let l = call_meth(o, "readline", &[])?;
        return Ok((crate::ops::len(l.as_ref())? > 0).then_some(l));
    }
    let l = with(o, |s| Ok(line(s, None)))?;
    Ok((!l.is_empty()).then(|| new_bytes(&l)))
}

fn write_impl(o: ObjectRef<'_>, data: &[u8]) -> PyResult<usize> {
    with(o, |s| {
        if data.is_empty() {
            return Ok(0);
        }
        let end = s.pos + data.len();
        if end > s.buf.len() {
            s.buf.resize(end, 0);
        }
        s.buf[s.pos..end].copy_from_slice(data);
        s.pos = end;
        Ok(data.len())
    })
}

fn write(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("write", args, kw, &["b"], 1)?;
    let o = me(s);
    with(o, |_| Ok(()))?;
    let data = super::bytes_arg(a[0].expect("b").as_ref())?;
    Ok(new_int_i64(write_impl(o, &data)? as i64))
}

fn writelines(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("writelines", args, kw, &["lines"], 1)?;
    let o = me(s);
    with(o, |_| Ok(()))?;
    let it = crate::ops::iter(a[0].expect("lines").as_ref())?;
    while let Some(l) = crate::ops::next(it.as_ref())? {
        let data = super::bytes_arg(l.as_ref())?;
        write_impl(o, &data)?;
    }
    Ok(none())
}

fn getvalue(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_bytes(&with(me(s), |s| Ok(s.buf.clone()))?))
}

fn getbuffer(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let data = with(me(s), |s| Ok(s.buf.clone()))?;
    let ba = crate::types::bytearray::new_bytearray(data);
    crate::types::memoryview::new_memoryview(ba.as_ref())
}

fn tell(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(with(me(s), |s| Ok(s.pos))? as i64))
}

fn seek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("seek", args, kw, &["pos", "whence"], 1)?;
    let pos = super::int_arg(a[0], 0)?;
    let whence = super::int_arg(a[1], 0)?;
    let r = with(me(s), |s| {
        let base = match whence {
            0 => {
                if pos < 0 {
                    return Err(PyErr::value_error(format!("negative seek value {pos}")));
                }
                0
            }
            1 => s.pos as i64,
            2 => s.buf.len() as i64,
            _ => {
                return Err(PyErr::value_error(format!(
                    "invalid whence ({whence}, should be 0, 1 or 2)"
                )));
            }
        };
        s.pos = (base + pos).max(0) as usize;
        Ok(s.pos)
    })?;
    Ok(new_int_i64(r as i64))
}

fn truncate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("truncate", args, kw, &["size"], 0)?;
    let size = super::opt_int_arg(a[0])?;
    let r = with(me(s), |s| super::truncate_buffer(&mut s.buf, s.pos, size, "negative"))?;
    Ok(new_int_i64(r))
}

fn true_if_open(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    with(me(s), |_| Ok(py_bool(true)))
}

fn false_if_open(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    with(me(s), |_| Ok(py_bool(false)))
}

fn flush(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    with(me(s), |_| Ok(none()))
}

fn close(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = super::payload(me(s))?;
    if let State::BytesIO(st) = &mut *p.state.borrow_mut() {
        st.closed = true;
        st.buf = Vec::new();
    }
    Ok(none())
}

fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = super::payload(o)?;
    Ok(py_bool(matches!(&*p.state.borrow(), State::BytesIO(s) if s.closed)))
}

fn sizeof(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = super::payload(me(s))?;
    let n = match &*p.state.borrow() {
        State::BytesIO(s) => s.buf.capacity(),
        _ => 0,
    };
    Ok(new_int_i64((n + 88) as i64))
}

fn getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let (v, pos) = with(o, |s| Ok((new_bytes(&s.buf), s.pos)))?;
    let d = super::payload(o)?.dict.borrow().clone().unwrap_or_else(none);
    Ok(crate::types::tuple::new_tuple(vec![v, new_int_i64(pos as i64), d]))
}

pub(crate) fn register() {
    register_constructor(&BYTESIO.0, bytesio_new);
    methods(
        &BYTESIO,
        &[
            ("__init__", init),
            ("read", read),
            ("read1", read1),
            ("readinto", readinto),
            ("readline", readline),
            ("readlines", readlines),
            ("write", write),
            ("writelines", writelines),
            ("getvalue", getvalue),
            ("getbuffer", getbuffer),
            ("tell", tell),
            ("seek", seek),
            ("truncate", truncate),
            ("readable", true_if_open),
            ("writable", true_if_open),
            ("seekable", true_if_open),
            ("isatty", false_if_open),
            ("flush", flush),
            ("close", close),
            ("__sizeof__", sizeof),
            ("__getstate__", getstate),
        ],
    );
    getsets(&BYTESIO, &[("closed", closed_get, None)]);
}
