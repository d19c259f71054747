//! `_io.BufferedReader`, `_io.BufferedWriter`, `_io.BufferedRandom` (one implementation with a
//! read buffer and a write buffer) and `_io.BufferedRWPair`, over any raw stream. A native
//! `FileIO` raw stream is driven directly through its descriptor; any other raw stream through
//! its `readinto`/`write`/`seek`/`tell` methods.

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::typeobject::{IterNextFn, UnaryFn};

use super::iobase::{BUFFERED_IOBASE, Self_, io_type, me};
use super::{
    DEFAULT_BUFFER_SIZE, State, bind, call_meth, get_attr, getsets, methods, new_io, unsupported,
};

#[derive(Clone, Copy, PartialEq)]
pub enum BufKind {
    Reader,
    Writer,
    Random,
}

/// The state of a buffered stream.
pub struct BufState {
    /// The raw stream; `None` before `__init__` or after `detach()`.
    pub raw: Option<Object>,
    pub kind: BufKind,
    pub detached: bool,
    pub buffer_size: usize,
    /// Read-ahead bytes and how many of them were consumed.
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    /// Bytes written but not yet passed to the raw stream.
    pub wbuf: Vec<u8>,
}

pub(crate) fn blank() -> State {
    State::Buffered(BufState {
        raw: None,
        kind: BufKind::Reader,
        detached: false,
        buffer_size: DEFAULT_BUFFER_SIZE,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
    })
}

io_type!(
    BUFFERED_READER,
    "_io.BufferedReader",
    &BUFFERED_IOBASE.0,
    1105,
    repr: buffered_repr as UnaryFn,
    iternext: buffered_next as IterNextFn,
);
io_type!(BUFFERED_WRITER, "_io.BufferedWriter", &BUFFERED_IOBASE.0, 1106, repr: buffered_repr as UnaryFn);
io_type!(
    BUFFERED_RANDOM,
    "_io.BufferedRandom",
    &BUFFERED_IOBASE.0,
    1107,
    repr: buffered_repr as UnaryFn,
    iternext: buffered_next as IterNextFn,
);
io_type!(BUFFERED_RWPAIR, "_io.BufferedRWPair", &BUFFERED_IOBASE.0, 1108);

fn with<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut BufState) -> R) -> PyResult<R> {
    let p = super::payload(o)?;
    match &mut *p.state.borrow_mut() {
        State::Buffered(s) => Ok(f(s)),
        _ => Err(PyErr::type_error("buffered method called on a non-buffered object")),
    }
}

/// The raw stream, or the error for an uninitialised or detached object.
fn raw_of(o: ObjectRef<'_>) -> PyResult<Object> {
    match with(o, |s| (s.raw.clone(), s.detached))? {
        (Some(r), _) => Ok(r),
        (None, true) => Err(PyErr::value_error("raw stream has been detached")),
        (None, false) => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

fn raw_closed(raw: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(fd) = super::fileio::native_fd(raw) {
        return Ok(fd < 0);
    }
    super::iobase::is_closed(raw)
}

/// The raw stream, checking it is open (`ValueError: {what} of closed file`; `write to`).
fn open_raw(o: ObjectRef<'_>, what: &str) -> PyResult<Object> {
    let raw = raw_of(o)?;
    if raw_closed(raw.as_ref())? {
        let prep = if what == "write" { "to" } else { "of" };
        return Err(PyErr::value_error(format!("{what} {prep} closed file")));
    }
    Ok(raw)
}

/// One read from the raw stream (`Ok(None)`: it would block).
fn raw_read(raw: ObjectRef<'_>, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(fd) = super::fileio::native_fd(raw)
        && fd >= 0
    {
        return super::fileio::sys_read(fd, n);
    }
    let b = crate::types::bytearray::new_bytearray(vec![0; n]);
    let r = call_meth(raw, "readinto", &[b.clone()])?;
    if is_none(r.as_ref()) {
        return Ok(None);
    }
    let got = crate::ops::index_value(r.as_ref())?
        .ok_or_else(|| PyErr::type_error("readinto() should return an integer"))?;
    if got < 0 || got as usize > n {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            format!(
                "raw readinto() returned invalid length {got} (should have been between 0 and {n})"
            ),
        ));
    }
    let mut data = crate::types::bytearray::bytearray_data(b.as_ref()).unwrap_or_default();
    data.truncate(got as usize);
    Ok(Some(data))
}

fn raw_write(raw: ObjectRef<'_>, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(fd) = super::fileio::native_fd(raw)
        && fd >= 0
    {
        return super::fileio::sys_write(fd, data);
    }
    let r = call_meth(raw, "write", &[new_bytes(data)])?;
    if is_none(r.as_ref()) {
        return Ok(None);
    }
    let n = crate::ops::index_value(r.as_ref())?.unwrap_or(0);
    if n < 0 || n as usize > data.len() {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            format!(
                "raw write() returned invalid length {n} (should have been between 0 and {})",
                data.len()
            ),
        ));
    }
    Ok(Some(n as usize))
}

fn raw_seek(raw: ObjectRef<'_>, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(fd) = super::fileio::native_fd(raw)
        && fd >= 0
    {
        return super::fileio::sys_seek(fd, pos, whence as i32);
    }
    let r = call_meth(raw, "seek", &[new_int_i64(pos), new_int_i64(whence)])?;
    let n = crate::ops::index_value(r.as_ref())?.unwrap_or(-1) as i64;
    if n < 0 {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

/// Writes the write buffer out to the raw stream.
fn flush_writes(o: ObjectRef<'_>, raw: ObjectRef<'_>) -> PyResult<()> {
    loop {
        let mut data = with(o, |s| std::mem::take(&mut s.wbuf))?;
        if data.is_empty() {
            return Ok(());
        }
        let r = raw_write(raw, &data);
        let n = match &r {
            Ok(Some(n)) => *n,
            _ => 0,
        };
        // What was not written goes back in front of anything buffered meanwhile, in the same
        // allocation (so a steady stream of writes reuses one buffer).
        data.drain(..n);
        with(o, |s| {
            data.extend_from_slice(&s.wbuf);
            s.wbuf = data;
        })?;
        let n = match r {
            Ok(Some(n)) => n,
            Ok(None) => 0,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Err(PyErr::new(
                &crate::types::exceptions::BLOCKING_IO_ERROR,
                "write could not complete without blocking",
            ));
        }
    }
}

/// Drops the read-ahead, moving the raw stream back to the logical position.
fn rewind_reads(o: ObjectRef<'_>, raw: ObjectRef<'_>) -> PyResult<()> {
    let ahead = with(o, |s| {
        let n = s.rbuf.len() - s.rpos;
        s.rbuf.clear();
        s.rpos = 0;
        n
    })?;
    if ahead > 0 {
        raw_seek(raw, -(ahead as i64), 1)?;
    }
    Ok(())
}

fn init_kind(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    kind: BufKind,
) -> PyResult<Object> {
    let fname = match kind {
        BufKind::Reader => "BufferedReader",
        BufKind::Writer => "BufferedWriter",
        BufKind::Random => "BufferedRandom",
    };
    let a = bind(fname, args, kw, &["raw", "buffer_size"], 1)?;
    let raw = a[0].expect("raw").clone();
    let size = super::int_arg(a[1], DEFAULT_BUFFER_SIZE as i64)?;
    if kind == BufKind::Random {
        check(raw.as_ref(), "seekable", "File or stream is not seekable.")?;
    }
    if kind != BufKind::Writer {
        check(raw.as_ref(), "readable", "File or stream is not readable.")?;
    }
    if kind != BufKind::Reader {
        check(raw.as_ref(), "writable", "File or stream is not writable.")?;
    }
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    let old = with(o, |s| {
        let old = s.raw.replace(raw);
        s.kind = kind;
        s.detached = false;
        s.buffer_size = size as usize;
        s.rbuf.clear();
        s.rpos = 0;
        s.wbuf.clear();
        old
    })?;
    drop(old);
    if kind != BufKind::Reader {
        super::register_writer(o);
    }
    Ok(none())
}

fn check(raw: ObjectRef<'_>, meth: &str, msg: &str) -> PyResult<()> {
    let r = call_meth(raw, meth, &[])?;
    if crate::ops::is_true(r.as_ref())? { Ok(()) } else { Err(unsupported(msg)) }
}

fn kind_of_type(o: ObjectRef<'_>) -> BufKind {
    let t = o.type_();
    if t.is_subtype(&BUFFERED_RANDOM.0) {
        BufKind::Random
    } else if t.is_subtype(&BUFFERED_WRITER.0) {
        BufKind::Writer
    } else {
        BufKind::Reader
    }
}

/// `__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)` of the three buffered classes.
pub(crate) fn init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    init_kind(o, args, kw, kind_of_type(o))
}

fn buffered_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, blank());
    init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

/// Reads up to `n` bytes (all of them when `None`); `Ok(None)` if nothing came and the raw
/// stream would block.
fn read_impl(o: ObjectRef<'_>, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
    let raw = open_raw(o, "read")?;
    if with(o, |s| s.kind == BufKind::Random && !s.wbuf.is_empty())? {
        flush_writes(o, raw.as_ref())?;
    }
    let mut out = with(o, |s| {
        let avail = s.rbuf.len() - s.rpos;
        let take = n.map_or(avail, |n| n.min(avail));
        let v = s.rbuf[s.rpos..s.rpos + take].to_vec();
        s.rpos += take;
        if s.rpos == s.rbuf.len() {
            s.rbuf.clear();
            s.rpos = 0;
        }
        v
    })?;
    let bufsize = with(o, |s| s.buffer_size)?;
    match n {
        None => {
            let rest = if let Some(fd) = super::fileio::native_fd(raw.as_ref()) {
                super::fileio::sys_readall(fd)?
            } else if crate::attr::getattr(
                raw.as_ref(),
                crate::types::str::intern("readall").as_ref(),
            )
            .is_ok()
            {
                let r = call_meth(raw.as_ref(), "readall", &[])?;
                if is_none(r.as_ref()) { None } else { Some(super::bytes_arg(r.as_ref())?) }
            } else {
                let mut acc = Vec::new();
                loop {
                    match raw_read(raw.as_ref(), bufsize)? {
                        None if acc.is_empty() => break None,
                        None => break Some(acc),
                        Some(b) if b.is_empty() => break Some(acc),
                        Some(b) => acc.extend_from_slice(&b),
                    }
                }
            };
            match rest {
                None if out.is_empty() => return Ok(None),
                None => {}
                Some(r) => out.extend_from_slice(&r),
            }
            Ok(Some(out))
        }
        Some(n) => {
            while out.len() < n {
                let want = n - out.len();
                if want >= bufsize {
                    match raw_read(raw.as_ref(), want)? {
                        None if out.is_empty() => return Ok(None),
                        None => break,
                        Some(b) if b.is_empty() => break,
                        Some(b) => out.extend_from_slice(&b),
                    }
                } else {
                    match raw_read(raw.as_ref(), bufsize)? {
                        None if out.is_empty() => return Ok(None),
                        None => break,
                        Some(b) if b.is_empty() => break,
                        Some(b) => {
                            let take = want.min(b.len());
                            out.extend_from_slice(&b[..take]);
                            if take < b.len() {
                                with(o, |s| {
                                    s.rbuf = b[take..].to_vec();
                                    s.rpos = 0;
                                })?;
                            }
                        }
                    }
                }
            }
            Ok(Some(out))
        }
    }
}

/// Fills the read buffer with one raw read if it is empty; returns whether data is buffered.
fn fill(o: ObjectRef<'_>, raw: ObjectRef<'_>) -> PyResult<bool> {
    if with(o, |s| s.rpos < s.rbuf.len())? {
        return Ok(true);
    }
    if with(o, |s| s.kind == BufKind::Random && !s.wbuf.is_empty())? {
        flush_writes(o, raw)?;
    }
    let size = with(o, |s| s.buffer_size)?;
    match raw_read(raw, size)? {
        Some(b) if !b.is_empty() => {
            with(o, |s| {
                s.rbuf = b;
                s.rpos = 0;
            })?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("read", args, kw, &["size"], 0)?;
    if let Some(v) = a[0]
        && let Some(n) = crate::ops::index_value(v.as_ref())?
        && n < -1
    {
        return Err(PyErr::value_error("read length must be non-negative or -1"));
    }
    let n = super::size_arg(a[0])?;
    Ok(read_impl(o, n)?.map_or_else(none, |b| new_bytes(&b)))
}

fn read1(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("read1", args, kw, &["size"], 0)?;
    let raw = open_raw(o, "read")?;
    let n = super::size_arg(a[0])?.unwrap_or(with(o, |s| s.buffer_size)?);
    if n == 0 {
        return Ok(new_bytes(b""));
    }
    if !fill(o, raw.as_ref())? {
        return Ok(new_bytes(b""));
    }
    let data = with(o, |s| {
        let take = n.min(s.rbuf.len() - s.rpos);
        let v = s.rbuf[s.rpos..s.rpos + take].to_vec();
        s.rpos += take;
        v
    })?;
    Ok(new_bytes(&data))
}

fn peek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    bind("peek", args, kw, &["size"], 0)?;
    let raw = open_raw(o, "peek")?;
    fill(o, raw.as_ref())?;
    Ok(new_bytes(&with(o, |s| s.rbuf[s.rpos..].to_vec())?))
}

fn readinto_generic(o: ObjectRef<'_>, buf: &Object, one: bool) -> PyResult<Object> {
    let n = super::writable_len(buf.as_ref())?;
    let data = if one {
        let raw = open_raw(o, "readinto")?;
        if n > 0 && !fill(o, raw.as_ref())? {
            Vec::new()
        } else {
            with(o, |s| {
                let take = n.min(s.rbuf.len() - s.rpos);
                let v = s.rbuf[s.rpos..s.rpos + take].to_vec();
                s.rpos += take;
                v
            })?
        }
    } else {
        match read_impl(o, Some(n))? {
            Some(d) => d,
            None => return Ok(none()),
        }
    };
    super::fill_buffer(buf.as_ref(), &data)?;
    Ok(new_int_i64(data.len() as i64))
}

fn readinto(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readinto", args, kw, &["buffer"], 1)?;
    readinto_generic(me(s), a[0].expect("buffer"), false)
}

fn readinto1(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readinto1", args, kw, &["buffer"], 1)?;
    readinto_generic(me(s), a[0].expect("buffer"), true)
}

/// Reads one line (up to `limit` bytes).
pub(crate) fn readline_impl(o: ObjectRef<'_>, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let raw = open_raw(o, "readline")?;
    let mut out = Vec::new();
    loop {
        let done = with(o, |s| {
            let avail = &s.rbuf[s.rpos..];
            let cap = limit.map_or(avail.len(), |l| avail.len().min(l - out.len()));
            let (take, found) = match memchr::memchr(b'\n', &avail[..cap]) {
                Some(i) => (i + 1, true),
                None => (cap, false),
            };
            out.extend_from_slice(&avail[..take]);
            s.rpos += take;
            found || limit.is_some_and(|l| out.len() >= l)
        })?;
        if done || !fill(o, raw.as_ref())? {
            return Ok(out);
        }
    }
}

fn readline(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = bind("readline", args, kw, &["size"], 0)?;
    let limit = super::size_arg(a[0])?;
    Ok(new_bytes(&readline_impl(me(s), limit)?))
}

fn buffered_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    if !std::ptr::eq(o.type_(), &BUFFERED_READER.0) && !std::ptr::eq(o.type_(), &BUFFERED_RANDOM.0)
    {
        // A subclass may override readline.
        let line = call_meth(o, "readline", &[])?;
        return Ok((crate::ops::len(line.as_ref())? > 0).then_some(line));
    }
    let line = readline_impl(o, None)?;
    Ok((!line.is_empty()).then(|| new_bytes(&line)))
}

fn write(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("write", args, kw, &["buffer"], 1)?;
    let data = super::bytes_arg(a[0].expect("buffer").as_ref())?;
    let raw = open_raw(o, "write")?;
    if with(o, |s| s.rpos < s.rbuf.len())? {
        rewind_reads(o, raw.as_ref())?;
    } else {
        with(o, |s| {
            s.rbuf.clear();
            s.rpos = 0;
        })?;
    }
    // As CPython's: the data joins the buffer while it fits; otherwise what is buffered goes
    // out first, and data as large as the buffer goes straight to the raw stream.
    let fits = with(o, |s| s.wbuf.len() + data.len() <= s.buffer_size)?;
    if !fits {
        flush_writes(o, raw.as_ref())?;
    }
    let direct = with(o, |s| {
        s.wbuf.extend_from_slice(&data);
        data.len() >= s.buffer_size
    })?;
    if direct {
        flush_writes(o, raw.as_ref())?;
    }
    Ok(new_int_i64(data.len() as i64))
}

fn flush(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    bind("flush", args, kw, &[], 0)?;
    if with(o, |s| s.kind == BufKind::Reader)? {
        // A reader has nothing to write: the raw stream's own flush.
        return call_meth(raw_of(o)?.as_ref(), "flush", &[]);
    }
    let raw = open_raw(o, "flush")?;
    flush_writes(o, raw.as_ref())?;
    if with(o, |s| s.kind == BufKind::Random)? {
        rewind_reads(o, raw.as_ref())?;
    }
    Ok(none())
}

/// The logical position: the raw position less the read-ahead, plus the unwritten bytes.
fn tell_impl(o: ObjectRef<'_>) -> PyResult<i64> {
    let raw = raw_of(o)?;
    let pos = if let Some(fd) = super::fileio::native_fd(raw.as_ref()) {
        if fd < 0 {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        super::fileio::sys_seek(fd, 0, libc::SEEK_CUR)?
    } else {
        let r = call_meth(raw.as_ref(), "tell", &[])?;
        crate::ops::index_value(r.as_ref())?.unwrap_or(-1) as i64
    };
    if pos < 0 {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            format!("Raw stream returned invalid position {pos}"),
        ));
    }
    let (ahead, pending) = with(o, |s| (s.rbuf.len() - s.rpos, s.wbuf.len()))?;
    Ok((pos - ahead as i64 + pending as i64).max(0))
}

fn tell(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    bind("tell", args, kw, &[], 0)?;
    Ok(new_int_i64(tell_impl(me(s))?))
}

fn seek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("seek", args, kw, &["target", "whence"], 1)?;
    let target = a[0].expect("target");
    let Some(pos) = crate::ops::index_value(target.as_ref())? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            target.type_().name()
        )));
    };
    let whence = super::int_arg(a[1], 0)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
    }
    let raw = open_raw(o, "seek")?;
    check(raw.as_ref(), "seekable", "File or stream is not seekable.")?;
    flush_writes(o, raw.as_ref())?;
    let mut pos = pos as i64;
    let ahead = with(o, |s| {
        let n = s.rbuf.len() - s.rpos;
        s.rbuf.clear();
        s.rpos = 0;
        n
    })?;
    if whence == 1 {
        pos -= ahead as i64;
    }
    Ok(new_int_i64(raw_seek(raw.as_ref(), pos, whence)?))
}

fn truncate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("truncate", args, kw, &["pos"], 0)?;
    let raw = open_raw(o, "truncate")?;
    check(raw.as_ref(), "writable", "File or stream is not writable.")?;
    flush_writes(o, raw.as_ref())?;
    let pos = match a[0].filter(|v| !is_none(v.as_ref())) {
        Some(p) => p.clone(),
        None => new_int_i64(tell_impl(o)?),
    };
    rewind_reads(o, raw.as_ref())?;
    call_meth(raw.as_ref(), "truncate", &[pos])
}

fn close(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    bind("close", args, kw, &[], 0)?;
    let raw = raw_of(o)?;
    if raw_closed(raw.as_ref())? {
        return Ok(none());
    }
    let flushed = call_meth(o, "flush", &[]);
    with(o, |s| {
        s.rbuf.clear();
        s.rpos = 0;
    })?;
    let closed = call_meth(raw.as_ref(), "close", &[]);
    match (flushed, closed) {
        (Err(e), Ok(_)) => Err(e),
        (Err(first), Err(second)) => {
            if let Some(p) = second.instance().payload::<crate::types::exceptions::ExcPayload>() {
                let old = p.context.replace(Some(first.into_instance()));
                drop(old);
            }
            Err(second)
        }
        (Ok(_), r) => r.map(|_| none()),
    }
}

fn detach(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    bind("detach", args, kw, &[], 0)?;
    raw_of(o)?;
    call_meth(o, "flush", &[])?;
    let raw = with(o, |s| {
        s.detached = true;
        s.raw.take()
    })?;
    Ok(raw.unwrap_or_else(none))
}

fn delegate(o: ObjectRef<'_>, meth: &str) -> PyResult<Object> {
    let raw = raw_of(o)?;
    call_meth(raw.as_ref(), meth, &[])
}

fn seekable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(me(s), "seekable")
}
fn readable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(me(s), "readable")
}
fn writable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(me(s), "writable")
}
fn fileno(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(me(s), "fileno")
}
fn isatty(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(me(s), "isatty")
}

fn raw_get(o: ObjectRef<'_>) -> PyResult<Object> {
    raw_of(o)
}
fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    let raw = raw_of(o)?;
    Ok(py_bool(raw_closed(raw.as_ref())?))
}
fn name_get(o: ObjectRef<'_>) -> PyResult<Object> {
    get_attr(raw_of(o)?.as_ref(), "name")
}
fn mode_get(o: ObjectRef<'_>) -> PyResult<Object> {
    get_attr(raw_of(o)?.as_ref(), "mode")
}
fn finalizing_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(super::payload(o)?.finalizing.get()))
}

fn buffered_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let tname = o.type_().name().to_string();
    let Some(_g) = crate::ops::ReprGuard::enter(o) else {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            format!("reentrant call inside {tname}.__repr__"),
        ));
    };
    match get_attr(o, "name") {
        Ok(n) => Ok(new_str(&format!("<{tname} name={}>", crate::ops::repr_string(n.as_ref())?))),
        Err(e)
            if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR)
                || e.matches(&crate::types::exceptions::VALUE_ERROR) =>
        {
            Ok(new_str(&format!("<{tname}>")))
        }
        Err(e) => Err(e),
    }
}

fn sizeof(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let n = with(me(s), |s| s.buffer_size)?;
    Ok(new_int_i64((n + 120) as i64))
}

fn getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error(format!("cannot pickle '{}' instances", me(s).type_().name())))
}

// BufferedRWPair

fn pair_parts(o: ObjectRef<'_>) -> PyResult<(Object, Object)> {
    let p = super::payload(o)?;
    match &*p.state.borrow() {
        State::Pair(Some((r, w))) => Ok((r.clone(), w.clone())),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

/// `BufferedRWPair.__init__(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE)`.
pub(crate) fn pair_init(
    s: Self_<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = me(s);
    let a = bind("BufferedRWPair", args, kw, &["reader", "writer", "buffer_size"], 2)?;
    let size = a[2].cloned().unwrap_or_else(|| new_int_i64(DEFAULT_BUFFER_SIZE as i64));
    let reader = crate::ops::call(
        BUFFERED_READER.0.as_object(),
        &[a[0].expect("reader").clone(), size.clone()],
        None,
    )?;
    let writer = crate::ops::call(
        BUFFERED_WRITER.0.as_object(),
        &[a[1].expect("writer").clone(), size],
        None,
    )?;
    let old = std::mem::replace(
        &mut *super::payload(o)?.state.borrow_mut(),
        State::Pair(Some((reader, writer))),
    );
    drop(old);
    Ok(none())
}

fn pair_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, State::Pair(None));
    pair_init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

macro_rules! pair_fwd {
    ($fname:ident, $side:tt, $meth:literal) => {
        fn $fname(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
            let parts = pair_parts(me(s))?;
            let target = parts.$side;
            let f =
                crate::attr::getattr(target.as_ref(), crate::types::str::intern($meth).as_ref())?;
            crate::ops::call(f.as_ref(), args, kw)
        }
    };
}
pair_fwd!(pair_read, 0, "read");
pair_fwd!(pair_peek, 0, "peek");
pair_fwd!(pair_read1, 0, "read1");
pair_fwd!(pair_readinto, 0, "readinto");
pair_fwd!(pair_readinto1, 0, "readinto1");
pair_fwd!(pair_readable, 0, "readable");
pair_fwd!(pair_write, 1, "write");
pair_fwd!(pair_flush, 1, "flush");
pair_fwd!(pair_writable, 1, "writable");

fn pair_close(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (r, w) = pair_parts(me(s))?;
    let first = call_meth(w.as_ref(), "close", &[]);
    let second = call_meth(r.as_ref(), "close", &[]);
    first?;
    second
}

fn pair_isatty(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (r, w) = pair_parts(me(s))?;
    let a = call_meth(w.as_ref(), "isatty", &[])?;
    if crate::ops::is_true(a.as_ref())? {
        return Ok(a);
    }
    call_meth(r.as_ref(), "isatty", &[])
}

fn pair_closed(o: ObjectRef<'_>) -> PyResult<Object> {
    let (_, w) = pair_parts(o)?;
    get_attr(w.as_ref(), "closed")
}

pub(crate) fn register() {
    for t in [&BUFFERED_READER, &BUFFERED_WRITER, &BUFFERED_RANDOM] {
        register_constructor(&t.0, buffered_new);
        methods(
            t,
            &[
                ("__init__", init),
                ("flush", flush),
                ("tell", tell),
                ("seek", seek),
                ("truncate", truncate),
                ("close", close),
                ("detach", detach),
                ("seekable", seekable),
                ("fileno", fileno),
                ("isatty", isatty),
                ("__sizeof__", sizeof),
                ("__getstate__", getstate),
            ],
        );
        getsets(
            t,
            &[
                ("raw", raw_get, None),
                ("closed", closed_get, None),
                ("name", name_get, None),
                ("mode", mode_get, None),
                ("_finalizing", finalizing_get, None),
            ],
        );
    }
    for t in [&BUFFERED_READER, &BUFFERED_RANDOM] {
        methods(
            t,
            &[
                ("read", read),
                ("read1", read1),
                ("peek", peek),
                ("readinto", readinto),
                ("readinto1", readinto1),
                ("readline", readline),
                ("readable", readable),
            ],
        );
    }
    for t in [&BUFFERED_WRITER, &BUFFERED_RANDOM] {
        methods(t, &[("write", write), ("writable", writable)]);
    }
    register_constructor(&BUFFERED_RWPAIR.0, pair_new);
    methods(
        &BUFFERED_RWPAIR,
        &[
            ("__init__", pair_init),
            ("read", pair_read),
            ("peek", pair_peek),
            ("read1", pair_read1),
            ("readinto", pair_readinto),
            ("readinto1", pair_readinto1),
            ("readable", pair_readable),
            ("write", pair_write),
            ("flush", pair_flush),
            ("writable", pair_writable),
            ("close", pair_close),
            ("isatty", pair_isatty),
        ],
    );
    getsets(&BUFFERED_RWPAIR, &[("closed", pair_closed, None)]);
}
