//! The `_io` module (CPython's `Modules/_io/`): the I/O class hierarchy as native types and
//! `open()`.
//!
//! Every `_io` type shares one payload, [`IoPayload`]: an instance `__dict__` (CPython's `_io`
//! objects have one: `open()` stores `mode` there) and a [`State`] saying which concrete object
//! it is. Sharing the payload keeps the types layout-compatible, so `io.py`'s
//! `class RawIOBase(_io._RawIOBase, IOBase)` finds no lay-out conflict. The pieces:
//!
//! - [`iobase`]: `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`: the generic methods,
//!   written on top of the object's own (possibly Python) `read`/`readline`/`closed`.
//! - [`fileio`]: `FileIO`, raw I/O on a file descriptor.
//! - [`buffered`]: `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `BufferedRWPair`.
//! - [`textio`]: `TextIOWrapper` and `IncrementalNewlineDecoder`.
//! - [`stringio`], [`bytesio`]: the in-memory streams.
//! - [`open`]: `open()`, `open_code()`, `text_encoding()`.
//! - [`stdio`]: `sys.stdin`/`stdout`/`stderr`, `print`'s fast path, the exit-time flush.
//!
//! Borrow discipline: a `RefCell` in a payload is borrowed only inside one native function and
//! never while Python code runs (a raw stream may be a Python object), so borrows cannot clash.

pub mod buffered;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod open;
pub mod stdio;
pub mod stringio;
pub mod textio;

use std::cell::{Cell, RefCell};

use crate::error::{PyErr, PyResult};
use crate::object::alloc::dealloc_payload;
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::getset::{GetSetImpl, GetterFn, SetterFn, new_getset};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;
use crate::types::typeobject::{PyType, StaticType};

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 128 * 1024;

/// The payload of every `_io` object.
pub struct IoPayload {
    /// The instance `__dict__`, made on first use.
    pub dict: RefCell<Option<Object>>,
    /// `_IOBase`'s own closed flag (CPython's `__IOBase_closed`), for the generic `close()`.
    pub base_closed: Cell<bool>,
    /// Set while the object is being finalised (`_finalizing`).
    pub finalizing: Cell<bool>,
    /// Whether the object is in `OPEN_WRITERS` (closed at exit if still alive).
    pub registered: Cell<bool>,
    pub state: RefCell<State>,
}

/// What an `_io` object is.
pub enum State {
    /// An object of one of the abstract bases (or a Python subclass of one).
    Base,
    File(fileio::FileState),
    Buffered(buffered::BufState),
    Text(textio::TextState),
    StringIO(stringio::StringState),
    BytesIO(bytesio::BytesState),
    /// A `BufferedRWPair`: its reader and writer.
    Pair(Option<(Object, Object)>),
}

impl IoPayload {
    pub fn new(state: State) -> IoPayload {
        IoPayload {
            dict: RefCell::new(None),
            base_closed: Cell::new(false),
            finalizing: Cell::new(false),
            registered: Cell::new(false),
            state: RefCell::new(state),
        }
    }
}

// SAFETY: every object of an `_io` type (all derive from `_IOBase`) is made by `new_io` with an
// `IoPayload`, and Python subclasses share the layout (typecall's io branch).
unsafe impl PyPayload for IoPayload {
    fn type_object() -> &'static PyType {
        &iobase::IOBASE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead `_io` object.
pub(crate) unsafe fn io_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `_io` objects carry an `IoPayload` (docs/vm.md, "The `_io` objects"), readable
    // until `dealloc_payload` drops it; the type outlives its dying instance.
    unsafe {
        let addr = obj.as_ptr() as usize;
        if crate::object::ObjectRef::from_raw(obj)
            .payload::<IoPayload>()
            .is_some_and(|p| p.registered.get())
        {
            OPEN_WRITERS.with(|w| w.borrow_mut().retain(|&a| a != addr));
        }
        dealloc_payload::<IoPayload>(obj)
    }
}

/// Text wrappers and buffered writers alive on this thread, by address, in creation order:
/// what `close_open_writers` closes when the program ends (CPython closes them as it
/// tears the interpreter down). An entry is removed by `io_dealloc` before the object's
/// memory is released, so every address here is a live object.
static OPEN_WRITERS: crate::gil::GilCell<RefCell<Vec<usize>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Records a text wrapper or buffered writer to be closed at exit.
pub(crate) fn register_writer(o: ObjectRef<'_>) {
    if let Some(p) = o.payload::<IoPayload>()
        && !p.registered.replace(true)
    {
        OPEN_WRITERS.with(|w| w.borrow_mut().push(o.raw().as_ptr() as usize));
    }
}

/// Takes an object off the list `close_open_writers` closes (the standard streams are only
/// flushed at exit).
pub(crate) fn unregister_writer(o: ObjectRef<'_>) {
    if let Some(p) = o.payload::<IoPayload>()
        && p.registered.replace(false)
    {
        let addr = o.raw().as_ptr() as usize;
        OPEN_WRITERS.with(|w| w.borrow_mut().retain(|&a| a != addr));
    }
}

/// Closes (so flushes) the text wrappers, then the buffered writers, still alive when the
/// program ends.
pub fn close_open_writers() {
    let addrs = OPEN_WRITERS.with(|w| w.borrow().clone());
    let objs: Vec<Object> = addrs
        .iter()
        .map(|&a| {
            // SAFETY: `OPEN_WRITERS` holds only live objects (docs/vm.md, "The `_io`
            // objects"); taking a reference keeps each alive while the others are closed.
            unsafe {
                let nn = std::ptr::NonNull::new_unchecked(a as *mut crate::object::PyObject);
                crate::object::ObjectRef::from_raw(nn).to_owned()
            }
        })
        .collect();
    for text_first in [true, false] {
        for o in &objs {
            let is_text = o.type_().is_subtype(&textio::TEXTIOWRAPPER.0);
            if is_text == text_first {
                iobase::io_finalize(o.as_ref());
            }
        }
    }
}

/// The objects an `_io` payload owns, for the collector.
pub(crate) fn io_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let Some(p) = o.payload::<IoPayload>() else { return };
    if let Some(d) = p.dict.borrow().as_ref() {
        visit(d.as_ref());
    }
    match &*p.state.borrow() {
        State::Buffered(b) => {
            if let Some(r) = &b.raw {
                visit(r.as_ref());
            }
        }
        State::Text(t) => {
            if let Some(b) = &t.buffer {
                visit(b.as_ref());
            }
        }
        State::Pair(Some((r, w))) => {
            visit(r.as_ref());
            visit(w.as_ref());
        }
        _ => {}
    }
}

/// `clear` of `_io` objects: drops the dict and the wrapped streams (breaking a cycle).
pub(crate) fn io_clear(o: ObjectRef<'_>) {
    let Some(p) = o.payload::<IoPayload>() else { return };
    let d = p.dict.borrow_mut().take();
    drop(d);
    let old = match &mut *p.state.borrow_mut() {
        State::Buffered(b) => b.raw.take(),
        State::Text(t) => t.buffer.take(),
        State::Pair(pair) => pair.take().map(|(r, _)| r),
        _ => None,
    };
    drop(old);
}

/// The `__dict__` cell of an `_io` object (for `instance::dict_cell`).
pub(crate) fn dict_cell(o: ObjectRef<'_>) -> Option<&RefCell<Option<Object>>> {
    o.payload::<IoPayload>().map(|p| &p.dict)
}

/// The payload of `o`, which must be an `_io` object.
pub(crate) fn payload(o: ObjectRef<'_>) -> PyResult<&IoPayload> {
    o.payload::<IoPayload>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires an '_io' object, not '{}'",
            o.type_().name()
        ))
    })
}

/// Makes an `_io` object of type `ty` with `state`.
pub(crate) fn new_io(ty: &PyType, state: State) -> Object {
    crate::object::alloc::new_object(ty, IoPayload::new(state))
}

static UNSUPPORTED: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// `io.UnsupportedOperation`, a class deriving from `OSError` and `ValueError`.
pub fn unsupported_operation() -> PyResult<Object> {
    if let Some(c) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return Ok(c);
    }
    let ns = crate::types::dict::new_dict();
    let d = as_dict(ns.as_ref()).expect("dict");
    d.set_str("__module__", new_str("io"))?;
    let bases = [
        crate::types::exceptions::OS_ERROR.0.as_object().to_owned(),
        crate::types::exceptions::VALUE_ERROR.0.as_object().to_owned(),
    ];
    let c = crate::types::instance::new_class("UnsupportedOperation", &bases, ns.as_ref())?;
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(c.clone()));
    Ok(c)
}

/// An `io.UnsupportedOperation(msg)`.
pub fn unsupported(msg: &str) -> PyErr {
    match unsupported_operation().and_then(|c| crate::ops::call(c.as_ref(), &[new_str(msg)], None))
    {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// The `OSError` subclass for `errno`, with CPython's message and an optional file name.
pub fn os_error(errno: i32, filename: Option<Object>) -> PyErr {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    let msg = match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    let mut args = vec![new_int_i64(errno as i64), new_str(&msg)];
    if let Some(f) = filename {
        args.push(f);
    }
    match crate::ops::call(crate::types::exceptions::OS_ERROR.0.as_object(), &args, None) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// The current `errno` as an `OSError`.
pub fn last_os_error() -> PyErr {
    os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(0), None)
}

/// Registers native methods on a static type.
pub(crate) fn methods(ty: &'static StaticType, list: &[(&'static str, NativeFn)]) {
    for &(n, f) in list {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            n,
            new_method_descriptor(&ty.0, n, f),
        );
    }
}

/// Registers getset descriptors on a static type.
pub(crate) fn getsets(
    ty: &'static StaticType,
    list: &[(&'static str, GetterFn, Option<SetterFn>)],
) {
    for &(n, g, s) in list {
        let _ = crate::types::typelookup::register_static_attr(
            &ty.0,
            n,
            new_getset(&ty.0, n, GetSetImpl::Native(g, s)),
        );
    }
}

/// Calls `o.name(*args)` through the ordinary attribute lookup (so Python overrides are used).
pub(crate) fn call_meth(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Object> {
    let f = crate::attr::getattr(o, crate::types::str::intern(name).as_ref())?;
    crate::ops::call(f.as_ref(), args, None)
}

/// Reads `o.name` through the ordinary attribute lookup.
pub(crate) fn get_attr(o: ObjectRef<'_>, name: &str) -> PyResult<Object> {
    crate::attr::getattr(o, crate::types::str::intern(name).as_ref())
}

/// The bytes of a bytes-like object (`bytes`, `bytearray`, `memoryview`, a class exporting a
/// buffer through `__buffer__`), `None` otherwise.
pub(crate) fn buffer_bytes(o: ObjectRef<'_>) -> Option<Vec<u8>> {
    if let Some(b) = crate::types::bytes::bytes_data(o) {
        return Some(b.to_vec());
    }
    if let Some(b) = crate::types::bytearray::bytearray_data(o) {
        return Some(b);
    }
    crate::types::memoryview::memoryview_bytes(o)
        .or_else(|| crate::types::memoryview::python_buffer_bytes(o))
}

/// A bytes-like argument, or CPython's TypeError.
pub(crate) fn bytes_arg(o: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}

/// The writable length of a buffer passed to `readinto`.
pub(crate) fn writable_len(o: ObjectRef<'_>) -> PyResult<usize> {
    if crate::types::bytes::bytes_data(o).is_some() || crate::types::str::Str::new(o).is_some() {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            o.type_().name()
        )));
    }
    if crate::types::bytearray::is_bytearray(o) || buffer_bytes(o).is_some() {
        return crate::ops::len(o);
    }
    Err(PyErr::type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        o.type_().name()
    )))
}

/// Copies `data` into the start of the writable buffer `o` (`o[:len(data)] = data`).
pub(crate) fn fill_buffer(o: ObjectRef<'_>, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    let sl = crate::types::slice::new_slice(
        new_int_i64(0),
        new_int_i64(data.len() as i64),
        crate::types::singletons::none(),
    );
    let src = crate::types::bytes::new_bytes(data);
    crate::ops::setitem(o, sl.as_ref(), Some(src.as_ref()))
}

/// `truncate(size)` of an in-memory stream: `size` (default: the position `pos`) must not be
/// negative ("{negative} size value N", as each class words it); the buffer is cut to it and
/// the stream position is left alone.
pub(crate) fn truncate_buffer<T>(
    buf: &mut Vec<T>,
    pos: usize,
    size: Option<i64>,
    negative: &str,
) -> PyResult<i64> {
    let size = size.unwrap_or(pos as i64);
    if size < 0 {
        return Err(PyErr::value_error(format!("{negative} size value {size}")));
    }
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    Ok(size)
}

/// A size argument: `None` or a negative int means "all" (`None` returned).
pub(crate) fn size_arg(o: Option<&Object>) -> PyResult<Option<usize>> {
    Ok(opt_ssize_arg(o)?.and_then(|n| usize::try_from(n).ok()))
}

/// An "integer or None" argument as CPython's `Py_ssize_t`-or-None converter reads it (the
/// `size` of `read`/`readline`, the `pos` of `StringIO.truncate`), with its message.
pub(crate) fn opt_ssize_arg(o: Option<&Object>) -> PyResult<Option<i64>> {
    match o {
        None => Ok(None),
        Some(v) if crate::types::singletons::is_none(v.as_ref()) => Ok(None),
        Some(v) => match crate::ops::index_value(v.as_ref())? {
            Some(n) => Ok(Some(n as i64)),
            None => Err(PyErr::type_error(format!(
                "argument should be integer or None, not '{}'",
                v.type_().name()
            ))),
        },
    }
}

static REGISTERED: crate::gil::GilCell<Cell<bool>> = crate::gil::GilCell::new(Cell::new(false));

/// Registers the `_io` types' methods and constructors (once per interpreter).
pub fn ensure_registered() {
    if REGISTERED.with(|r| r.replace(true)) {
        return;
    }
    iobase::register();
    fileio::register();
    buffered::register();
    textio::register();
    stringio::register();
    bytesio::register();
}

/// The `_io` module.
pub fn make_module() -> PyResult<Object> {
    ensure_registered();
    let m = new_module("_io");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    // The same object as `builtins.open`.
    let bm = crate::builtins::builtins_module();
    let open_fn = module_dict(bm.as_ref())
        .and_then(as_dict)
        .and_then(|b| b.get_str("open").ok().flatten())
        .unwrap_or_else(|| new_builtin_function("open", open::open));
    d.set_str("open", open_fn)?;
    d.set_str("text_encoding", new_builtin_function("text_encoding", open::text_encoding))?;
    d.set_str("open_code", new_builtin_function("open_code", open::open_code))?;
    d.set_str("DEFAULT_BUFFER_SIZE", new_int_i64(DEFAULT_BUFFER_SIZE as i64))?;
    d.set_str("UnsupportedOperation", unsupported_operation()?)?;
    d.set_str(
        "BlockingIOError",
        crate::types::exceptions::BLOCKING_IO_ERROR.0.as_object().to_owned(),
    )?;
    let types: [&'static StaticType; 13] = [
        &textio::NEWLINE_DECODER,
        &iobase::IOBASE,
        &iobase::TEXT_IOBASE,
        &iobase::BUFFERED_IOBASE,
        &iobase::RAW_IOBASE,
        &bytesio::BYTESIO,
        &buffered::BUFFERED_WRITER,
        &buffered::BUFFERED_READER,
        &buffered::BUFFERED_RWPAIR,
        &buffered::BUFFERED_RANDOM,
        &fileio::FILEIO,
        &stringio::STRINGIO,
        &textio::TEXTIOWRAPPER,
    ];
    for t in types {
        let name = t.0.name().rsplit_once('.').map_or(t.0.name(), |(_, n)| n);
        d.set_str(name, t.0.as_object().to_owned())?;
    }
    Ok(m)
}

/// Binds positional and keyword arguments to `names` (CPython's argument clinic behaviour for
/// `fname`): at most `names.len()` values, the first `required` of them mandatory.
pub(crate) fn bind<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<&'a Object>>> {
    crate::builtins::args::Args::new(args, kw).bind(fname, names, required)
}

/// An optional `str` argument (`None` allowed) with CPython's TypeError.
pub(crate) fn str_or_none(fname: &str, what: &str, v: Option<&Object>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if crate::types::singletons::is_none(v.as_ref()) => Ok(None),
        Some(v) => match crate::types::str::Str::new(v.as_ref()) {
            Some(s) => Ok(Some(s.to_string_lossy())),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument '{what}' must be str or None, not {}",
                v.type_().name()
            ))),
        },
    }
}

/// A boolean-ish argument (any object's truth value), `dflt` when missing.
pub(crate) fn bool_arg(v: Option<&Object>, dflt: bool) -> PyResult<bool> {
    match v {
        None => Ok(dflt),
        Some(v) => crate::ops::is_true(v.as_ref()),
    }
}

/// An optional integer argument where `None` means "not given" (`truncate(size=None)`).
pub(crate) fn opt_int_arg(v: Option<&Object>) -> PyResult<Option<i64>> {
    match v.filter(|v| !crate::types::singletons::is_none(v.as_ref())) {
        None => Ok(None),
        Some(v) => int_arg(Some(v), 0).map(Some),
    }
}

/// An `int` argument, `dflt` when missing.
pub(crate) fn int_arg(v: Option<&Object>, dflt: i64) -> PyResult<i64> {
    match v {
        None => Ok(dflt),
        Some(v) => match crate::ops::index_value(v.as_ref())? {
            Some(n) => Ok(n as i64),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_().name()
            ))),
        },
    }
}
