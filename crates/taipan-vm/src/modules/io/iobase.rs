//! `_io._IOBase`, `_io._RawIOBase`, `_io._BufferedIOBase` and `_io._TextIOBase`: the abstract
//! bases. Their methods are generic: they work through the object's own attributes (`closed`,
//! `read`, `readline`, `write`, ...), so a Python subclass that defines only `readinto` or
//! `read` gets `readline`, iteration, `readlines` and the context manager for free.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::instance::{instance_getattr, instance_setattr};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::typeobject::{
    ClearFn, FinalizeFn, GetAttrFn, IterNextFn, PyType, SetAttrFn, Slots, StaticType, TypeFlags,
    UnaryFn, slot,
};

use super::{
    DEFAULT_BUFFER_SIZE, IoPayload, State, call_meth, closed_error, get_attr, io_clear, io_dealloc,
    io_traverse, methods, new_io, unsupported,
};

/// The slots every `_io` type starts from.
pub(crate) const fn io_slots() -> Slots {
    Slots {
        getattr: slot(instance_getattr as GetAttrFn),
        setattr: slot(instance_setattr as SetAttrFn),
        iter: slot(iobase_iter as UnaryFn),
        iternext: slot(iobase_next as IterNextFn),
        finalize: slot(io_finalize as FinalizeFn),
        clear: slot(io_clear as ClearFn),
        ..crate::types::object::object_slots()
    }
}

/// Declares an `_io` type: shared payload, collector support, the `io_slots` plus overrides.
macro_rules! io_type {
    ($name:ident, $pyname:literal, $base:expr, $tag:literal $(, $slot:ident : $val:expr)* $(,)?) => {
        pub static $name: crate::types::typeobject::StaticType =
            crate::types::typeobject::StaticType(crate::types::typeobject::PyType::new_static(
                $pyname,
                Some($base),
                std::mem::size_of::<crate::modules::io::IoPayload>(),
                0,
                crate::types::typeobject::TypeFlags::HAVE_GC
                    .union(crate::types::typeobject::TypeFlags::BASETYPE)
                    .union(crate::types::weakref::WEAKREFABLE),
                $tag,
                crate::modules::io::io_dealloc,
                Some(crate::modules::io::io_traverse),
                crate::types::typeobject::Slots {
                    $($slot: crate::types::typeobject::slot($val),)*
                    ..crate::modules::io::iobase::io_slots()
                },
            ));
    };
}
pub(crate) use io_type;

pub static IOBASE: StaticType = StaticType(PyType::new_static(
    "_io._IOBase",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<IoPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE).union(crate::types::weakref::WEAKREFABLE),
    1100,
    io_dealloc,
    Some(io_traverse),
    io_slots(),
));

io_type!(RAW_IOBASE, "_io._RawIOBase", &IOBASE.0, 1101);
io_type!(BUFFERED_IOBASE, "_io._BufferedIOBase", &IOBASE.0, 1102);
io_type!(TEXT_IOBASE, "_io._TextIOBase", &IOBASE.0, 1103);

pub(crate) type Self_<'a> = Option<ObjectRef<'a>>;

pub(crate) fn me(s: Self_<'_>) -> ObjectRef<'_> {
    s.expect("self")
}

/// `self.closed`, read through the attribute (a subclass may compute it).
pub(crate) fn is_closed(o: ObjectRef<'_>) -> PyResult<bool> {
    let c = get_attr(o, "closed")?;
    crate::ops::is_true(c.as_ref())
}

/// Raises `ValueError` when `self.closed`.
pub(crate) fn check_closed(o: ObjectRef<'_>) -> PyResult<()> {
    if is_closed(o)? { Err(closed_error()) } else { Ok(()) }
}

fn base_closed(o: ObjectRef<'_>) -> bool {
    o.payload::<IoPayload>().is_some_and(|p| p.base_closed.get())
}

fn iobase_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    check_closed(o)?;
    Ok(o.to_owned())
}

fn iobase_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let line = call_meth(o, "readline", &[])?;
    if crate::ops::len(line.as_ref())? == 0 { Ok(None) } else { Ok(Some(line)) }
}

/// Closes a file that dies open (CPython's `iobase_finalize`).
pub(crate) fn io_finalize(o: ObjectRef<'_>) {
    let closed = match get_attr(o, "closed") {
        Ok(c) => crate::ops::is_true(c.as_ref()).unwrap_or(true),
        Err(_) => return,
    };
    if closed {
        return;
    }
    if let Some(p) = o.payload::<IoPayload>() {
        p.finalizing.set(true);
    }
    let saved = crate::eval::current_exception();
    let r = call_meth(o, "close", &[]);
    drop(crate::eval::set_current_exception(saved));
    if let Err(e) = r {
        crate::gc::write_unraisable(e, "Exception ignored while finalizing file", Some(o));
    }
}

fn seek(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("seek"))
}

fn tell(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    call_meth(me(s), "seek", &[new_int_i64(0), new_int_i64(1)])
}

fn truncate(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("truncate"))
}

fn flush(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("flush", 0, 0)?;
    if base_closed(me(s)) { Err(closed_error()) } else { Ok(none()) }
}

fn close(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("close", 0, 0)?;
    let o = me(s);
    if base_closed(o) {
        return Ok(none());
    }
    let r = call_meth(o, "flush", &[]);
    if let Some(p) = o.payload::<IoPayload>() {
        p.base_closed.set(true);
    }
    r.map(|_| none())
}

fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(base_closed(o)))
}

fn false_(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(py_bool(false))
}

fn check_with(o: ObjectRef<'_>, meth: &str, args: &[Object], dflt: &str) -> PyResult<Object> {
    let r = call_meth(o, meth, &[])?;
    if !crate::ops::is_true(r.as_ref())? {
        let msg = match args.first() {
            Some(m) if !is_none(m.as_ref()) => crate::ops::str_string(m.as_ref())?,
            _ => dflt.to_string(),
        };
        return Err(unsupported(&msg));
    }
    Ok(none())
}

fn check_closed_m(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_closed(me(s))?;
    Ok(none())
}

fn check_seekable(s: Self_<'_>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_with(me(s), "seekable", args, "File or stream is not seekable.")
}

fn check_readable(s: Self_<'_>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_with(me(s), "readable", args, "File or stream is not readable.")
}

fn check_writable(s: Self_<'_>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_with(me(s), "writable", args, "File or stream is not writable.")
}

fn fileno(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("fileno"))
}

fn isatty(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_closed(me(s))?;
    Ok(py_bool(false))
}

fn enter(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_closed(me(s))?;
    Ok(me(s).to_owned())
}

fn exit(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    call_meth(me(s), "close", &[])
}

fn iter_m(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    iobase_iter(me(s))
}

fn next_m(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match iobase_next(me(s))? {
        Some(v) => Ok(v),
        None => Err(PyErr::new(&crate::types::exceptions::STOP_ITERATION, "")),
    }
}

/// `readline(size=-1)` on top of `peek` (when there is one) and `read`.
fn readline(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("readline", 0, 1)?;
    let limit = super::size_arg(a.pos.first())?;
    let o = me(s);
    let has_peek = crate::attr::getattr(o, crate::types::str::intern("peek").as_ref()).is_ok();
    let mut out: Vec<u8> = Vec::new();
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let mut nreadahead = 1;
        if has_peek {
            let ahead = call_meth(o, "peek", &[new_int_i64(1)])?;
            let Some(buf) = super::buffer_bytes(ahead.as_ref()) else {
                return Err(PyErr::new(
                    &crate::types::exceptions::OS_ERROR,
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        ahead.type_().name()
                    ),
                ));
            };
            if !buf.is_empty() {
                let mut n = 0;
                let cap = limit.map_or(buf.len(), |l| buf.len().min(l - out.len()));
                while n < cap {
                    n += 1;
                    if buf[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n;
            }
        }
        let b = call_meth(o, "read", &[new_int_i64(nreadahead as i64)])?;
        let Some(data) = super::buffer_bytes(b.as_ref()) else {
            if is_none(b.as_ref()) {
                break;
            }
            return Err(PyErr::new(
                &crate::types::exceptions::OS_ERROR,
                format!("read() should have returned a bytes object, not '{}'", b.type_().name()),
            ));
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(&out))
}

fn readlines(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("readlines", 0, 1)?;
    let hint = super::size_arg(a.pos.first())?.filter(|h| *h > 0);
    let o = me(s);
    let it = crate::ops::iter(o)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = crate::ops::next(it.as_ref())? {
        if hint.is_some() {
            total += crate::ops::len(line.as_ref())?;
        }
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(crate::types::list::new_list(lines))
}

fn writelines(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("writelines", 1, 1)?;
    let o = me(s);
    check_closed(o)?;
    let it = crate::ops::iter(a.pos[0].as_ref())?;
    while let Some(line) = crate::ops::next(it.as_ref())? {
        call_meth(o, "write", &[line])?;
    }
    Ok(none())
}

fn del(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    io_finalize(me(s));
    Ok(none())
}

// _RawIOBase

fn raw_read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("read", 0, 1)?;
    let o = me(s);
    let Some(n) = super::size_arg(a.pos.first())? else {
        return call_meth(o, "readall", &[]);
    };
    let b = crate::types::bytearray::new_bytearray(vec![0; n]);
    let r = call_meth(o, "readinto", &[b.clone()])?;
    if is_none(r.as_ref()) {
        return Ok(r);
    }
    let got = crate::ops::index_value(r.as_ref())?.unwrap_or(0).max(0) as usize;
    if got > n {
        return Err(PyErr::value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let data = crate::types::bytearray::bytearray_data(b.as_ref()).unwrap_or_default();
    Ok(new_bytes(&data[..got]))
}

fn raw_readall(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).count("readall", 0, 0)?;
    let o = me(s);
    let mut out = Vec::new();
    loop {
        let b = call_meth(o, "read", &[new_int_i64(DEFAULT_BUFFER_SIZE as i64)])?;
        if is_none(b.as_ref()) {
            if out.is_empty() {
                return Ok(b);
            }
            break;
        }
        let data = super::bytes_arg(b.as_ref())
            .map_err(|_| PyErr::type_error("read() should return bytes"))?;
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
    }
    Ok(new_bytes(&out))
}

fn not_implemented(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::new(&crate::types::exceptions::NOT_IMPLEMENTED_ERROR, ""))
}

// _BufferedIOBase and _TextIOBase

fn un_read(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("read"))
}
fn un_read1(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("read1"))
}
fn un_write(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("write"))
}
fn un_detach(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("detach"))
}
fn un_readline(_: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(unsupported("readline"))
}

fn readinto_via(o: ObjectRef<'_>, buf: &Object, meth: &str) -> PyResult<Object> {
    let n = super::writable_len(buf.as_ref())?;
    let data = call_meth(o, meth, &[new_int_i64(n as i64)])?;
    let Some(data) = super::buffer_bytes(data.as_ref()) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if data.len() > n {
        return Err(PyErr::value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    super::fill_buffer(buf.as_ref(), &data)?;
    Ok(new_int_i64(data.len() as i64))
}

fn buf_readinto(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("readinto", 1, 1)?;
    readinto_via(me(s), &a.pos[0], "read")
}

fn buf_readinto1(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("readinto1", 1, 1)?;
    readinto_via(me(s), &a.pos[0], "read1")
}

fn none_get(_: ObjectRef<'_>) -> PyResult<Object> {
    Ok(none())
}

/// Constructor of the abstract bases: a bare object.
fn base_new(cls: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    Ok(new_io(t, State::Base))
}

/// An instance of a Python subclass of an `_io` type: the nearest built-in's blank state, then,
/// unless the class has its own `__init__`, the built-in's `__init__`.
pub fn new_subclass_instance(
    ty: &PyType,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    user_init: bool,
) -> PyResult<Object> {
    let mut base = ty;
    while base.has_flag(TypeFlags::HEAPTYPE)
        && let Some(b) = base.base()
    {
        base = b;
    }
    let blank = |st: State| new_io(ty, st);
    let (obj, init): (Object, Option<crate::types::function::NativeFn>) =
        if base.is_subtype(&super::fileio::FILEIO.0) {
            (blank(super::fileio::blank()), Some(super::fileio::init))
        } else if base.is_subtype(&super::buffered::BUFFERED_RWPAIR.0) {
            (blank(State::Pair(None)), Some(super::buffered::pair_init))
        } else if base.is_subtype(&super::buffered::BUFFERED_READER.0)
            || base.is_subtype(&super::buffered::BUFFERED_WRITER.0)
            || base.is_subtype(&super::buffered::BUFFERED_RANDOM.0)
        {
            (blank(super::buffered::blank()), Some(super::buffered::init))
        } else if base.is_subtype(&super::textio::TEXTIOWRAPPER.0) {
            (blank(super::textio::blank()), Some(super::textio::init))
        } else if base.is_subtype(&super::stringio::STRINGIO.0) {
            (blank(super::stringio::blank()), Some(super::stringio::init))
        } else if base.is_subtype(&super::bytesio::BYTESIO.0) {
            (blank(super::bytesio::blank()), Some(super::bytesio::init))
        } else {
            if !user_init && !args.is_empty() {
                return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
            }
            (blank(State::Base), None)
        };
    if !user_init && let Some(f) = init {
        f(Some(obj.as_ref()), args, kw)?;
    }
    Ok(obj)
}

pub(crate) fn register() {
    for t in [&IOBASE, &RAW_IOBASE, &BUFFERED_IOBASE, &TEXT_IOBASE] {
        register_constructor(&t.0, base_new);
    }
    methods(
        &IOBASE,
        &[
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("flush", flush),
            ("close", close),
            ("seekable", false_),
            ("readable", false_),
            ("writable", false_),
            ("_checkClosed", check_closed_m),
            ("_checkSeekable", check_seekable),
            ("_checkReadable", check_readable),
            ("_checkWritable", check_writable),
            ("fileno", fileno),
            ("isatty", isatty),
            ("__enter__", enter),
            ("__exit__", exit),
            ("__iter__", iter_m),
            ("__next__", next_m),
            ("readline", readline),
            ("readlines", readlines),
            ("writelines", writelines),
            ("__del__", del),
        ],
    );
    super::getsets(&IOBASE, &[("closed", closed_get, None)]);
    methods(
        &RAW_IOBASE,
        &[
            ("read", raw_read),
            ("readall", raw_readall),
            ("readinto", not_implemented),
            ("write", not_implemented),
        ],
    );
    methods(
        &BUFFERED_IOBASE,
        &[
            ("detach", un_detach),
            ("read", un_read),
            ("read1", un_read1),
            ("readinto", buf_readinto),
            ("readinto1", buf_readinto1),
            ("write", un_write),
        ],
    );
    methods(
        &TEXT_IOBASE,
        &[("detach", un_detach), ("read", un_read), ("readline", un_readline), ("write", un_write)],
    );
    super::getsets(
        &TEXT_IOBASE,
        &[("encoding", none_get, None), ("errors", none_get, None), ("newlines", none_get, None)],
    );
}
