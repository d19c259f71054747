//! `pyexpat.xmlparser`: one Expat parser with its Python handlers. The type's attributes
//! (the 22 `...Handler` slots, `buffer_text`, `ordered_attributes`, the error and position
//! numbers) are answered by its `getattr`/`setattr` slots; its methods (`Parse`, `ParseFile`,
//! `ExternalEntityParserCreate`, ...) are method descriptors. The C callbacks that call the
//! handlers live in `handlers.rs`.

use std::cell::{Cell, RefCell};
use std::ffi::{CString, c_int, c_void};

use super::ffi::{self, Expat, XmlParser};
use super::handlers::{self, CHARACTER_DATA, NAMES};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::exceptions::{ATTRIBUTE_ERROR, RUNTIME_ERROR};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{PyType, SetAttrFn, Slots, StaticType, TypeFlags, slot};

/// CPython's default `buffer_size`.
const DEFAULT_BUFFER_SIZE: usize = 8192;
/// `Parse` hands Expat at most this many bytes at a time.
const MAX_CHUNK: usize = 1 << 20;
/// `ParseFile` reads this many bytes per `read()` call.
const READ_SIZE: usize = 2048;

pub struct ParserPayload {
    pub(super) api: &'static Expat,
    pub(super) xp: XmlParser,
    pub(super) handlers: RefCell<Vec<Option<Object>>>,
    pub(super) ordered: Cell<bool>,
    pub(super) specified: Cell<bool>,
    ns_prefixes: Cell<bool>,
    /// Character data kept for one `CharacterDataHandler` call (`buffer_text`).
    pub(super) buffer: RefCell<Option<Vec<u8>>>,
    pub(super) buffer_size: Cell<usize>,
    pub(super) in_callback: Cell<bool>,
    /// The dict names are interned in (`intern`), if any.
    pub(super) intern: RefCell<Option<Object>>,
    /// The parser an external-entity parser was made from (kept alive while this one is).
    parent: RefCell<Option<Object>>,
    /// `ExpatError` of the module that made this parser.
    pub(super) error_class: Object,
    /// The exception a handler raised during the running parse (the first one).
    pub(super) pending: RefCell<Option<PyErr>>,
    reparse_deferral: Cell<bool>,
}

// SAFETY: objects of `XMLPARSER_TYPE` are made only by `new_parser` with this payload.
unsafe impl PyPayload for ParserPayload {
    fn type_object() -> &'static PyType {
        &XMLPARSER_TYPE.0
    }
}

impl Drop for ParserPayload {
    fn drop(&mut self) {
        // SAFETY: `xp` came from Expat's constructor and is freed only here, once; no parse
        // is running (a running parse holds a reference to this object).
        unsafe { (self.api.parser_free)(self.xp) }
    }
}

/// # Safety
/// Called only by the deallocation path on a dead parser.
unsafe fn parser_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `XMLPARSER_TYPE` objects carry a `ParserPayload`.
    unsafe { dealloc_payload::<ParserPayload>(obj) }
}

fn parser_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    // The collector runs no Python code, so these borrows cannot conflict.
    if let Some(p) = o.payload::<ParserPayload>() {
        for h in p.handlers.borrow().iter().flatten() {
            visit(h.as_ref());
        }
        for o in [&p.intern, &p.parent] {
            if let Some(v) = o.borrow().as_ref() {
                visit(v.as_ref());
            }
        }
    }
}

fn parser_clear(o: ObjectRef<'_>) {
    if let Some(p) = o.payload::<ParserPayload>() {
        let old: Vec<Option<Object>> = std::mem::take(&mut *p.handlers.borrow_mut());
        p.handlers.borrow_mut().resize(NAMES.len(), None);
        for i in 0..NAMES.len() {
            handlers::install(p, i, None);
        }
        let intern = p.intern.borrow_mut().take();
        let parent = p.parent.borrow_mut().take();
        drop((old, intern, parent));
    }
}

pub static XMLPARSER_TYPE: StaticType = StaticType(PyType::new_static(
    "pyexpat.xmlparser",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ParserPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1502,
    parser_dealloc,
    Some(parser_traverse),
    Slots {
        getattr: slot(parser_getattr as crate::types::typeobject::GetAttrFn),
        setattr: slot(parser_setattr as SetAttrFn),
        clear: slot(parser_clear as crate::types::typeobject::ClearFn),
        ..crate::types::object::object_slots()
    },
));

/// A method's parser and its positional arguments (`min..=max`, no keywords).
fn method<'a>(
    s: Option<ObjectRef<'a>>,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a ParserPayload, &'a [Object])> {
    let p = this(s)?;
    let a = Args::new(args, kw);
    a.check_method("xmlparser", name, min, max)?;
    Ok((p, a.pos))
}

fn this<'a>(s: Option<ObjectRef<'a>>) -> PyResult<&'a ParserPayload> {
    s.and_then(|o| o.payload::<ParserPayload>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'pyexpat.xmlparser' object"))
}

impl ParserPayload {
    pub(super) fn handler(&self, i: usize) -> Option<Object> {
        self.handlers.borrow()[i].clone()
    }

    /// A handler raised (or converting its arguments failed): remember the first exception,
    /// drop every handler and stop the parse, as CPython's `flag_error` does.
    pub(super) fn flag_error(&self, e: PyErr) {
        {
            let mut p = self.pending.borrow_mut();
            if p.is_none() {
                *p = Some(e);
            }
        }
        self.stop();
    }

    /// Drops every handler and stops the running parse (after an exception).
    pub(super) fn stop(&self) {
        let old: Vec<Option<Object>> = std::mem::take(&mut *self.handlers.borrow_mut());
        self.handlers.borrow_mut().resize(NAMES.len(), None);
        for i in 0..NAMES.len() {
            handlers::install(self, i, None);
        }
        handlers::install_error_handlers(self);
        // SAFETY: `xp` is live; stopping a parser that is not parsing is an error Expat
        // reports by its return value, which is ignored.
        unsafe { (self.api.stop_parser)(self.xp, 0) };
        drop(old);
    }

    /// Passes buffered character data to the character data handler.
    pub(super) fn flush_buffer(&self) -> PyResult<()> {
        let data = {
            let mut b = self.buffer.borrow_mut();
            match b.as_mut() {
                Some(v) if !v.is_empty() => std::mem::take(v),
                _ => return Ok(()),
            }
        };
        let r = handlers::call_character_handler(self, &data);
        // Keep the allocation for the next run of text.
        if let Some(v) = self.buffer.borrow_mut().as_mut()
            && v.is_empty()
        {
            *v = data;
            v.clear();
        }
        r
    }

    /// Sets handler `i` to `v` (None clears it) and tells Expat whether to call back.
    fn set_handler(&self, i: usize, v: ObjectRef<'_>) -> PyResult<()> {
        if i == CHARACTER_DATA {
            self.flush_buffer()?;
        }
        let new = (!is_none(v)).then(|| v.to_owned());
        let noop = new.is_none() && i == CHARACTER_DATA && self.in_callback.get();
        let old = std::mem::replace(&mut self.handlers.borrow_mut()[i], new);
        if noop {
            handlers::install_noop_character_data(self);
        } else {
            handlers::install(self, i, self.handlers.borrow()[i].as_ref());
        }
        drop(old);
        Ok(())
    }

    /// `ExpatError` for Expat's error `code` at the current position.
    fn error(&self, code: c_int) -> PyErr {
        // SAFETY: `xp` is live.
        let (line, col) =
            unsafe { ((self.api.current_line)(self.xp), (self.api.current_column)(self.xp)) };
        let msg = format!("{}: line {line}, column {col}", error_string(self.api, code));
        make_error(&self.error_class, &msg, code as i64, col as i64, line as i64)
    }

    /// What `Parse`/`ParseFile` return after Expat returned `rc`.
    fn parse_result(&self, rc: c_int) -> PyResult<Object> {
        if let Some(e) = self.pending.borrow_mut().take() {
            return Err(e);
        }
        if rc == 0 {
            // SAFETY: `xp` is live.
            return Err(self.error(unsafe { (self.api.get_error_code)(self.xp) }));
        }
        self.flush_buffer()?;
        Ok(new_int_i64(rc as i64))
    }
}

/// `ExpatError(msg)` with its `code`, `offset` and `lineno` attributes.
pub(super) fn make_error(class: &Object, msg: &str, code: i64, offset: i64, line: i64) -> PyErr {
    let built = (|| {
        let e = crate::ops::call(class.as_ref(), &[new_str(msg)], None)?;
        for (n, v) in [("code", code), ("offset", offset), ("lineno", line)] {
            crate::attr::setattr(e.as_ref(), new_str(n).as_ref(), Some(new_int_i64(v).as_ref()))?;
        }
        Ok(e)
    })();
    match built {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// Expat's message for error `code` (empty for an unknown code).
pub(super) fn error_string(api: &Expat, code: c_int) -> String {
    // SAFETY: XML_ErrorString returns a static string or null.
    unsafe { ffi::bytes((api.error_string)(code)) }
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}

/// A new parser object around the Expat parser `xp` (already created).
#[allow(clippy::too_many_arguments)]
pub(super) fn new_parser(
    api: &'static Expat,
    xp: XmlParser,
    intern: Option<Object>,
    error_class: Object,
    parent: Option<Object>,
) -> Object {
    let o = new_object(
        &XMLPARSER_TYPE.0,
        ParserPayload {
            api,
            xp,
            handlers: RefCell::new(vec![None; NAMES.len()]),
            ordered: Cell::new(false),
            specified: Cell::new(false),
            ns_prefixes: Cell::new(false),
            buffer: RefCell::new(None),
            buffer_size: Cell::new(DEFAULT_BUFFER_SIZE),
            in_callback: Cell::new(false),
            intern: RefCell::new(intern),
            parent: RefCell::new(parent),
            error_class,
            pending: RefCell::new(None),
            reparse_deferral: Cell::new(api.set_reparse_deferral.is_some()),
        },
    );
    let p = o.payload::<ParserPayload>().expect("parser");
    // SAFETY: the payload lives inside the object, which never moves; the callbacks that read
    // this pointer run only inside `XML_Parse`/`XML_ParseBuffer` calls made while the object is
    // alive (the caller holds a reference), and `Drop` frees the Expat parser with it.
    unsafe {
        (api.set_user_data)(xp, p as *const ParserPayload as *mut c_void);
        (api.set_unknown_encoding_handler)(
            xp,
            handlers::unknown_encoding as *const c_void,
            p as *const ParserPayload as *mut c_void,
        );
    }
    o
}

fn name_of(name: ObjectRef<'_>) -> Option<String> {
    Str::new(name).and_then(|s| s.as_str()).map(str::to_owned)
}

fn parser_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = this(Some(o))?;
    let Some(n) = name_of(name) else { return crate::attr::generic_getattr(o, name) };
    if let Some(i) = NAMES.iter().position(|h| *h == n) {
        return Ok(p.handler(i).unwrap_or_else(none));
    }
    let api = p.api;
    let xp = p.xp;
    // SAFETY (all arms): `xp` is a live Expat parser; these getters only read its state.
    let int = |v: i64| Ok(new_int_i64(v));
    match n.as_str() {
        "ErrorCode" => int(unsafe { (api.get_error_code)(xp) } as i64),
        "ErrorLineNumber" | "CurrentLineNumber" => int(unsafe { (api.current_line)(xp) } as i64),
        "ErrorColumnNumber" | "CurrentColumnNumber" => {
            int(unsafe { (api.current_column)(xp) } as i64)
        }
        "ErrorByteIndex" | "CurrentByteIndex" => {
            int(unsafe { (api.current_byte_index)(xp) } as i64)
        }
        "buffer_size" => int(p.buffer_size.get() as i64),
        "buffer_text" => Ok(py_bool(p.buffer.borrow().is_some())),
        "buffer_used" => int(p.buffer.borrow().as_ref().map_or(0, Vec::len) as i64),
        "namespace_prefixes" => Ok(py_bool(p.ns_prefixes.get())),
        "ordered_attributes" => Ok(py_bool(p.ordered.get())),
        "specified_attributes" => Ok(py_bool(p.specified.get())),
        "intern" => Ok(p.intern.borrow().clone().unwrap_or_else(none)),
        _ => crate::attr::generic_getattr(o, name),
    }
}

const READ_ONLY: &[&str] = &[
    "ErrorCode",
    "ErrorLineNumber",
    "ErrorColumnNumber",
    "ErrorByteIndex",
    "CurrentLineNumber",
    "CurrentColumnNumber",
    "CurrentByteIndex",
    "buffer_used",
];

fn parser_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let p = this(Some(o))?;
    let Some(n) = name_of(name) else { return crate::attr::setattr_without_dict(o, name, v) };
    let known = NAMES.contains(&n.as_str())
        || READ_ONLY.contains(&n.as_str())
        || matches!(
            n.as_str(),
            "buffer_size"
                | "buffer_text"
                | "namespace_prefixes"
                | "ordered_attributes"
                | "specified_attributes"
                | "intern"
        );
    if !known {
        return crate::attr::setattr_without_dict(o, name, v);
    }
    if n == "intern" {
        return Err(PyErr::new(&ATTRIBUTE_ERROR, "readonly attribute"));
    }
    if READ_ONLY.contains(&n.as_str()) {
        return Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("attribute '{n}' of 'pyexpat.xmlparser' objects is not writable"),
        ));
    }
    let Some(v) = v else {
        return Err(PyErr::new(&RUNTIME_ERROR, "Cannot delete attribute"));
    };
    if let Some(i) = NAMES.iter().position(|h| *h == n) {
        return p.set_handler(i, v);
    }
    match n.as_str() {
        "buffer_size" => set_buffer_size(p, v),
        "buffer_text" => {
            if crate::ops::is_true(v)? {
                let mut b = p.buffer.borrow_mut();
                if b.is_none() {
                    *b = Some(Vec::with_capacity(p.buffer_size.get()));
                }
            } else if p.buffer.borrow().is_some() {
                p.flush_buffer()?;
                *p.buffer.borrow_mut() = None;
            }
            Ok(())
        }
        "namespace_prefixes" => {
            let b = crate::ops::is_true(v)?;
            p.ns_prefixes.set(b);
            // SAFETY: `xp` is live.
            unsafe { (p.api.set_return_ns_triplet)(p.xp, b as c_int) };
            Ok(())
        }
        "ordered_attributes" => Ok(p.ordered.set(crate::ops::is_true(v)?)),
        _ => Ok(p.specified.set(crate::ops::is_true(v)?)),
    }
}

fn set_buffer_size(p: &ParserPayload, v: ObjectRef<'_>) -> PyResult<()> {
    let Some(n) = crate::types::int::int_value(v) else {
        return Err(PyErr::type_error("buffer_size must be an integer"));
    };
    let n = i64::try_from(&*n.to_ibig())
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if n <= 0 {
        return Err(PyErr::value_error("buffer_size must be greater than zero"));
    }
    if n as usize == p.buffer_size.get() {
        return Ok(());
    }
    if n > i32::MAX as i64 {
        return Err(PyErr::value_error(format!(
            "buffer_size must not be greater than {}",
            i32::MAX
        )));
    }
    if p.buffer.borrow().is_some() {
        p.flush_buffer()?;
    }
    p.buffer_size.set(n as usize);
    Ok(())
}

/// Expat cannot run a parser inside one of its own callbacks (a sub-parser is fine).
fn reentrancy_check(p: &ParserPayload, fname: &str) -> PyResult<()> {
    if p.in_callback.get() {
        return Err(PyErr::new(
            &RUNTIME_ERROR,
            format!("cannot call {fname}() from within a handler"),
        ));
    }
    Ok(())
}

/// Hands `data` to Expat, at most `MAX_CHUNK` bytes at a time.
fn feed(p: &ParserPayload, data: &[u8], isfinal: bool) -> c_int {
    let mut rest = data;
    while rest.len() > MAX_CHUNK {
        // SAFETY: `xp` is live and the chunk is a readable slice of that length.
        let rc = unsafe { (p.api.parse)(p.xp, rest.as_ptr().cast(), MAX_CHUNK as c_int, 0) };
        if rc == 0 {
            return rc;
        }
        rest = &rest[MAX_CHUNK..];
    }
    // SAFETY: as above; the rest is at most MAX_CHUNK bytes.
    unsafe { (p.api.parse)(p.xp, rest.as_ptr().cast(), rest.len() as c_int, isfinal as c_int) }
}

/// `Parse(data, isfinal=False, /)`.
fn parse(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "Parse", 1, 2)?;
    reentrancy_check(p, "Parse")?;
    let isfinal = match pos.get(1) {
        Some(v) => crate::ops::is_true(v.as_ref())?,
        None => false,
    };
    let data = pos[0].as_ref();
    let rc = if let Some(st) = Str::new(data) {
        let text = super::utf8(st)?;
        let enc = c"utf-8";
        // SAFETY: `xp` is live; Expat copies the encoding name.
        unsafe { (p.api.set_encoding)(p.xp, enc.as_ptr()) };
        feed(p, text.as_bytes(), isfinal)
    } else {
        let bytes = super::super::handle::buffer(data)?.into_owned();
        feed(p, &bytes, isfinal)
    };
    p.parse_result(rc)
}

/// `ParseFile(file, /)`: reads `file.read(2048)` until it returns nothing.
fn parse_file(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "ParseFile", 1, 1)?;
    reentrancy_check(p, "ParseFile")?;
    let read = crate::attr::getattr(pos[0].as_ref(), new_str("read").as_ref())
        .map_err(|_| PyErr::type_error("argument must have 'read' attribute"))?;
    loop {
        let chunk = crate::ops::call(read.as_ref(), &[new_int_i64(READ_SIZE as i64)], None)?;
        let bytes = match crate::builtins::bytesmethods::bytes_like(chunk.as_ref()) {
            Some(b)
                if chunk.type_().is_subtype(&crate::types::bytes::BYTES_TYPE.0)
                    || chunk.type_().is_subtype(&crate::types::bytearray::BYTEARRAY_TYPE.0) =>
            {
                b.into_owned()
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "read() did not return a bytes object (type={})",
                    chunk.type_().name()
                )));
            }
        };
        if bytes.len() > READ_SIZE {
            return Err(PyErr::value_error(format!(
                "read() returned too much data: {READ_SIZE} bytes requested, {} returned",
                bytes.len()
            )));
        }
        let last = bytes.is_empty();
        // SAFETY: `xp` is live; XML_GetBuffer gives a writable block of at least the length
        // asked for (or null), which XML_ParseBuffer then consumes.
        let rc = unsafe {
            let buf = (p.api.get_buffer)(p.xp, READ_SIZE as c_int);
            if buf.is_null() {
                return p.parse_result(0);
            }
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), bytes.len());
            (p.api.parse_buffer)(p.xp, bytes.len() as c_int, last as c_int)
        };
        if p.pending.borrow().is_some() || rc == 0 || last {
            return p.parse_result(rc);
        }
    }
}

/// A str argument as a C string, or None; `what` names it in the TypeError.
fn opt_cstring(o: Option<&Object>, fname: &str, what: &str) -> PyResult<Option<CString>> {
    match o {
        None => Ok(None),
        Some(v) if is_none(v.as_ref()) => Ok(None),
        Some(v) => match Str::new(v.as_ref()) {
            Some(s) => {
                let t = super::utf8(s)?;
                CString::new(t).map(Some).map_err(|_| PyErr::value_error("embedded null character"))
            }
            None => Err(PyErr::type_error(format!(
                "{fname}() argument {what} must be str or None, not {}",
                v.type_().name()
            ))),
        },
    }
}

/// `ExternalEntityParserCreate(context, encoding=..., /)`.
fn external_entity_parser_create(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "ExternalEntityParserCreate", 1, 2)?;
    let fname = "ExternalEntityParserCreate";
    let context = opt_cstring(pos.first(), fname, "1")?;
    let encoding = match pos.get(1) {
        Some(v) if Str::new(v.as_ref()).is_none() => {
            return Err(PyErr::type_error(format!(
                "{fname}() argument 2 must be str, not {}",
                v.type_().name()
            )));
        }
        other => opt_cstring(other, fname, "2")?,
    };
    let cptr = |c: &Option<CString>| c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `xp` is live; the strings outlive the call (Expat copies them).
    let xp =
        unsafe { (p.api.external_entity_parser_create)(p.xp, cptr(&context), cptr(&encoding)) };
    if xp.is_null() {
        return Err(PyErr::memory_error());
    }
    let child = new_parser(
        p.api,
        xp,
        p.intern.borrow().clone(),
        p.error_class.clone(),
        Some(s.expect("self").to_owned()),
    );
    let c = child.payload::<ParserPayload>().expect("parser");
    c.buffer_size.set(p.buffer_size.get());
    c.ordered.set(p.ordered.get());
    c.specified.set(p.specified.get());
    c.ns_prefixes.set(p.ns_prefixes.get());
    if p.buffer.borrow().is_some() {
        *c.buffer.borrow_mut() = Some(Vec::with_capacity(c.buffer_size.get()));
    }
    for (i, h) in p.handlers.borrow().iter().enumerate() {
        if let Some(h) = h {
            c.handlers.borrow_mut()[i] = Some(h.clone());
            handlers::install(c, i, Some(h));
        }
    }
    Ok(child)
}

/// `SetBase(base, /)`.
fn set_base(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "SetBase", 1, 1)?;
    let Some(st) = Str::new(pos[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "SetBase() argument must be str, not {}",
            pos[0].type_().name()
        )));
    };
    let base = CString::new(super::utf8(st)?)
        .map_err(|_| PyErr::value_error("embedded null character"))?;
    // SAFETY: `xp` is live; Expat copies the base.
    if unsafe { (p.api.set_base)(p.xp, base.as_ptr()) } == 0 {
        return Err(PyErr::memory_error());
    }
    Ok(none())
}

fn text_or_none(b: Option<&[u8]>) -> Object {
    b.map_or_else(none, |b| new_str(&String::from_utf8_lossy(b)))
}

/// `GetBase()`.
fn get_base(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, _) = method(s, args, kw, "GetBase", 0, 0)?;
    // SAFETY: `xp` is live; the base string is owned by the parser and copied at once.
    Ok(text_or_none(unsafe { ffi::bytes((p.api.get_base)(p.xp)) }))
}

/// `GetInputContext()`: the bytes around the current event, inside a handler only.
fn get_input_context(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, _) = method(s, args, kw, "GetInputContext", 0, 0)?;
    if !p.in_callback.get() {
        return Ok(none());
    }
    let (mut offset, mut size) = (0 as c_int, 0 as c_int);
    // SAFETY: `xp` is live and inside a callback; the returned buffer holds `size` bytes and
    // is copied before Expat runs again.
    unsafe {
        let buf = (p.api.input_context)(p.xp, &mut offset, &mut size);
        if buf.is_null() || offset > size {
            return Ok(none());
        }
        let s = std::slice::from_raw_parts(
            buf.cast::<u8>().add(offset as usize),
            (size - offset) as usize,
        );
        Ok(new_bytes(s))
    }
}

/// `SetParamEntityParsing(flag, /)`.
fn set_param_entity_parsing(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "SetParamEntityParsing", 1, 1)?;
    let flag = super::super::handle::c_int(pos[0].as_ref())?;
    // SAFETY: `xp` is live.
    Ok(new_int_i64(unsafe { (p.api.set_param_entity_parsing)(p.xp, flag) } as i64))
}

/// `UseForeignDTD(flag=True, /)`.
fn use_foreign_dtd(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "UseForeignDTD", 0, 1)?;
    let flag = match pos.first() {
        Some(v) => crate::ops::is_true(v.as_ref())?,
        None => true,
    };
    // SAFETY: `xp` is live.
    let rc = unsafe { (p.api.use_foreign_dtd)(p.xp, flag as u8) };
    if rc != 0 {
        return Err(p.error(rc));
    }
    Ok(none())
}

/// `GetReparseDeferralEnabled()`.
fn get_reparse_deferral(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, _) = method(s, args, kw, "GetReparseDeferralEnabled", 0, 0)?;
    Ok(py_bool(p.reparse_deferral.get()))
}

/// `SetReparseDeferralEnabled(enabled, /)`: a no-op with an Expat older than 2.6.
fn set_reparse_deferral(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, "SetReparseDeferralEnabled", 1, 1)?;
    let on = crate::ops::is_true(pos[0].as_ref())?;
    if let Some(f) = p.api.set_reparse_deferral {
        // SAFETY: `xp` is live.
        unsafe { f(p.xp, on as u8) };
        p.reparse_deferral.set(on);
    }
    Ok(none())
}

/// The `SetBillionLaughs...`/`SetAllocTracker...` methods: `which` picks the entry point.
fn amplification_setting(
    fname: &str,
    which: u8,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (p, pos) = method(s, args, kw, fname, 1, 1)?;
    let v = pos[0].as_ref();
    let api = p.api;
    let root_only = |ok: u8| -> PyResult<Object> {
        if ok != 0 {
            Ok(none())
        } else if p.parent.borrow().is_some() {
            Err(make_error(&p.error_class, "parser must be a root parser", 41, 0, 0))
        } else {
            Err(make_error(&p.error_class, "invalid argument", 41, 0, 0))
        }
    };
    // SAFETY (both arms): `xp` is live; the entry point exists (the method is only registered
    // when it does).
    if which & 1 == 0 {
        let n = crate::types::int::int_value(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_().name()
            ))
        })?;
        if n.to_ibig().signum() < dashu_int::IBig::ZERO {
            return Err(PyErr::value_error("value must be positive"));
        }
        let n = u64::try_from(&*n.to_ibig()).map_err(|_| {
            PyErr::overflow_error("Python int too large to convert to C unsigned long long")
        })?;
        let f = if which == 0 {
            api.set_billion_laughs_threshold
        } else {
            api.set_alloc_tracker_threshold
        };
        root_only(f.map_or(1, |f| unsafe { f(p.xp, n) }))
    } else {
        let x = super::real(v)?;
        if p.parent.borrow().is_none() && !(x >= 1.0) {
            return Err(make_error(&p.error_class, "'max_factor' must be at least 1.0", 41, 0, 0));
        }
        let f = if which == 1 {
            api.set_billion_laughs_amplification
        } else {
            api.set_alloc_tracker_amplification
        };
        root_only(f.map_or(1, |f| unsafe { f(p.xp, x as f32) }))
    }
}

macro_rules! amplification_methods {
    ($($f:ident = $name:literal, $which:literal;)*) => {
        $(fn $f(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
            amplification_setting($name, $which, s, a, k)
        })*
    };
}

amplification_methods! {
    billion_threshold = "SetBillionLaughsAttackProtectionActivationThreshold", 0;
    billion_amplification = "SetBillionLaughsAttackProtectionMaximumAmplification", 1;
    alloc_threshold = "SetAllocTrackerActivationThreshold", 2;
    alloc_amplification = "SetAllocTrackerMaximumAmplification", 3;
}

fn no_new(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error("cannot create 'pyexpat.xmlparser' instances"))
}

/// Adds the type's methods and attribute descriptors (once per interpreter).
pub(super) fn register(api: &Expat) {
    use crate::types::typelookup::register_static_attr;
    let ty = &XMLPARSER_TYPE.0;
    crate::eval::typecall::register_constructor(ty, no_new);
    let mut methods: Vec<(&'static str, NativeFn)> = vec![
        ("Parse", parse),
        ("ParseFile", parse_file),
        ("SetBase", set_base),
        ("GetBase", get_base),
        ("GetInputContext", get_input_context),
        ("ExternalEntityParserCreate", external_entity_parser_create),
        ("SetParamEntityParsing", set_param_entity_parsing),
        ("UseForeignDTD", use_foreign_dtd),
        ("GetReparseDeferralEnabled", get_reparse_deferral),
        ("SetReparseDeferralEnabled", set_reparse_deferral),
    ];
    if api.set_billion_laughs_threshold.is_some() {
        methods.push(("SetBillionLaughsAttackProtectionActivationThreshold", billion_threshold));
        methods
            .push(("SetBillionLaughsAttackProtectionMaximumAmplification", billion_amplification));
    }
    if api.set_alloc_tracker_threshold.is_some() {
        methods.push(("SetAllocTrackerActivationThreshold", alloc_threshold));
        methods.push(("SetAllocTrackerMaximumAmplification", alloc_amplification));
    }
    for (n, f) in methods {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, f));
    }
    let mut getsets: Vec<&'static str> = NAMES.to_vec();
    getsets.extend_from_slice(READ_ONLY);
    getsets.extend_from_slice(&[
        "buffer_size",
        "buffer_text",
        "namespace_prefixes",
        "ordered_attributes",
        "specified_attributes",
        "intern",
    ]);
    crate::modules::sre_pattern::register_attrs(ty, &[], &getsets);
    let _ = register_static_attr(ty, "__module__", new_str("pyexpat"));
}
