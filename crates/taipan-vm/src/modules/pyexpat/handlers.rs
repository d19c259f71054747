//! The C callbacks `pyexpat` gives Expat: each converts Expat's arguments to Python values
//! (names through the parser's `intern` dict), flushes buffered character data, and calls the
//! parser's Python handler. An exception in a handler is kept on the parser and stops the
//! parse (`ParserPayload::flag_error`); `Parse` raises it when Expat returns. Also the
//! unknown-encoding handler (single-byte codecs through Python's codecs).

use std::ffi::{c_int, c_void};

use super::ffi::{self, XChar, XmlContent, XmlEncoding, XmlParser};
use super::parser::ParserPayload;
use crate::error::{PyErr, PyResult};
use crate::object::Object;
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::new_str;

/// The handler attributes, in CPython's order (the index is the handler number).
pub const NAMES: [&str; 22] = [
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

const START_ELEMENT: usize = 0;
const END_ELEMENT: usize = 1;
const PROCESSING_INSTRUCTION: usize = 2;
pub const CHARACTER_DATA: usize = 3;
const UNPARSED_ENTITY_DECL: usize = 4;
const NOTATION_DECL: usize = 5;
const START_NAMESPACE_DECL: usize = 6;
const END_NAMESPACE_DECL: usize = 7;
const COMMENT: usize = 8;
const START_CDATA: usize = 9;
const END_CDATA: usize = 10;
const DEFAULT: usize = 11;
const DEFAULT_EXPAND: usize = 12;
const NOT_STANDALONE: usize = 13;
const EXTERNAL_ENTITY_REF: usize = 14;
const START_DOCTYPE_DECL: usize = 15;
const END_DOCTYPE_DECL: usize = 16;
const ENTITY_DECL: usize = 17;
const XML_DECL: usize = 18;
const ELEMENT_DECL: usize = 19;
const ATTLIST_DECL: usize = 20;
const SKIPPED_ENTITY: usize = 21;

/// Deepest content model (`<!ELEMENT ...>` nesting) converted before RecursionError.
const MAX_MODEL_DEPTH: usize = 2000;

/// Tells Expat to call back for handler `i` (when `h` is set) or not.
pub(super) fn install(p: &ParserPayload, i: usize, h: Option<&Object>) {
    let api = p.api;
    let cb: *const c_void = if h.is_some() { callback(i) } else { std::ptr::null() };
    let set: unsafe extern "C" fn(XmlParser, *const c_void) = match i {
        START_ELEMENT => api.set_start_element,
        END_ELEMENT => api.set_end_element,
        PROCESSING_INSTRUCTION => api.set_processing_instruction,
        CHARACTER_DATA => api.set_character_data,
        UNPARSED_ENTITY_DECL => api.set_unparsed_entity_decl,
        NOTATION_DECL => api.set_notation_decl,
        START_NAMESPACE_DECL => api.set_start_namespace_decl,
        END_NAMESPACE_DECL => api.set_end_namespace_decl,
        COMMENT => api.set_comment,
        START_CDATA => api.set_start_cdata,
        END_CDATA => api.set_end_cdata,
        DEFAULT => api.set_default,
        DEFAULT_EXPAND => api.set_default_expand,
        NOT_STANDALONE => api.set_not_standalone,
        EXTERNAL_ENTITY_REF => api.set_external_entity_ref,
        START_DOCTYPE_DECL => api.set_start_doctype_decl,
        END_DOCTYPE_DECL => api.set_end_doctype_decl,
        ENTITY_DECL => api.set_entity_decl,
        XML_DECL => api.set_xml_decl,
        ELEMENT_DECL => api.set_element_decl,
        ATTLIST_DECL => api.set_attlist_decl,
        _ => api.set_skipped_entity,
    };
    // SAFETY: `xp` is live and `cb` is null or the callback of this handler's C signature.
    unsafe { set(p.xp, cb) }
}

/// After a handler failed: external entities are refused and character data dropped.
pub(super) fn install_error_handlers(p: &ParserPayload) {
    // SAFETY: `xp` is live; both callbacks have the C signatures of their handlers.
    unsafe {
        (p.api.set_external_entity_ref)(p.xp, refuse_external_entity as *const c_void);
        (p.api.set_character_data)(p.xp, noop_character_data as *const c_void);
    }
}

/// A character data callback that does nothing (replacing the running one from inside it).
pub(super) fn install_noop_character_data(p: &ParserPayload) {
    // SAFETY: as above.
    unsafe { (p.api.set_character_data)(p.xp, noop_character_data as *const c_void) }
}

fn callback(i: usize) -> *const c_void {
    match i {
        START_ELEMENT => start_element as *const c_void,
        END_ELEMENT => end_element as *const c_void,
        PROCESSING_INSTRUCTION => processing_instruction as *const c_void,
        CHARACTER_DATA => character_data as *const c_void,
        UNPARSED_ENTITY_DECL => unparsed_entity_decl as *const c_void,
        NOTATION_DECL => notation_decl as *const c_void,
        START_NAMESPACE_DECL => start_namespace_decl as *const c_void,
        END_NAMESPACE_DECL => end_namespace_decl as *const c_void,
        COMMENT => comment as *const c_void,
        START_CDATA => start_cdata as *const c_void,
        END_CDATA => end_cdata as *const c_void,
        DEFAULT => default as *const c_void,
        DEFAULT_EXPAND => default_expand as *const c_void,
        NOT_STANDALONE => not_standalone as *const c_void,
        EXTERNAL_ENTITY_REF => external_entity_ref as *const c_void,
        START_DOCTYPE_DECL => start_doctype_decl as *const c_void,
        END_DOCTYPE_DECL => end_doctype_decl as *const c_void,
        ENTITY_DECL => entity_decl as *const c_void,
        XML_DECL => xml_decl as *const c_void,
        ELEMENT_DECL => element_decl as *const c_void,
        ATTLIST_DECL => attlist_decl as *const c_void,
        _ => skipped_entity as *const c_void,
    }
}

/// The parser a callback's user data points to.
///
/// # Safety
/// `ud` is the user data `new_parser` set: a live parser's payload (callbacks run only inside
/// a parse started by a method of that parser, which holds a reference to it).
unsafe fn parser<'a>(ud: *mut c_void) -> &'a ParserPayload {
    // SAFETY: the caller's contract.
    unsafe { &*(ud as *const ParserPayload) }
}

/// Text from Expat (UTF-8) as a str; None for a null pointer.
fn text(b: Option<&[u8]>) -> Object {
    b.map_or_else(none, |b| new_str(&String::from_utf8_lossy(b)))
}

/// # Safety
/// `s` is null or a NUL-terminated string Expat passed to the running callback.
unsafe fn cstr<'a>(s: *const XChar) -> Option<&'a [u8]> {
    // SAFETY: the caller's contract.
    unsafe { ffi::bytes(s) }
}

/// # Safety
/// `s` points to `len` bytes Expat passed to the running callback.
unsafe fn slice<'a>(s: *const XChar, len: c_int) -> &'a [u8] {
    if s.is_null() || len <= 0 {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(s.cast::<u8>(), len as usize) }
}

impl ParserPayload {
    /// A name as a str, the same object each time through the `intern` dict (None included,
    /// as CPython's `string_intern` does).
    fn intern_name(&self, b: Option<&[u8]>) -> PyResult<Object> {
        let s = text(b);
        let Some(d) = self.intern.borrow().clone() else { return Ok(s) };
        let d = crate::types::dict::as_dict(d.as_ref()).expect("intern is a dict");
        if let Some(v) = d.get_item(s.as_ref())? {
            return Ok(v);
        }
        d.set_item(s.clone(), s.clone())?;
        Ok(s)
    }

    /// Calls handler `i` with `args`, marking the parser as inside a callback.
    fn invoke(&self, i: usize, args: &[Object]) -> PyResult<Object> {
        let Some(h) = self.handler(i) else { return Ok(none()) };
        self.in_callback.set(true);
        let r = crate::ops::call(h.as_ref(), args, None);
        self.in_callback.set(false);
        r
    }
}

/// The common shape of a callback: when handler `i` is set, flush buffered text, build the
/// arguments, call; any exception is kept on the parser and stops the parse.
fn dispatch(
    p: &ParserPayload,
    i: usize,
    build: impl FnOnce(&ParserPayload) -> PyResult<Vec<Object>>,
) -> Option<Object> {
    if p.handler(i).is_none() {
        return None;
    }
    let r = (|| {
        p.flush_buffer()?;
        let args = build(p)?;
        p.invoke(i, &args)
    })();
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            p.flag_error(e);
            None
        }
    }
}

/// An `int`-returning handler's result as a C int (an exception stops the parse).
fn int_result(p: &ParserPayload, v: Option<Object>) -> c_int {
    let Some(v) = v else { return 0 };
    match crate::types::int::int_value(v.as_ref()) {
        Some(n) => i64::try_from(&*n.to_ibig()).map_or(-1, |n| n as c_int),
        None => {
            p.flag_error(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_().name()
            )));
            0
        }
    }
}

/// Calls the character data handler with `data` (nothing if it was cleared meanwhile).
pub(super) fn call_character_handler(p: &ParserPayload, data: &[u8]) -> PyResult<()> {
    if p.handler(CHARACTER_DATA).is_none() {
        return Ok(());
    }
    let r = p.invoke(CHARACTER_DATA, &[text(Some(data))]);
    if r.is_err() {
        p.stop();
        install_noop_character_data(p);
    }
    r.map(drop)
}

extern "C" fn character_data(ud: *mut c_void, s: *const XChar, len: c_int) {
    // SAFETY: Expat passes our user data and `len` bytes at `s`.
    let (p, data) = unsafe { (parser(ud), slice(s, len)) };
    let buffered = p.buffer.borrow().is_some();
    if !buffered {
        if let Err(e) = call_character_handler(p, data) {
            p.flag_error(e);
        }
        return;
    }
    let used = p.buffer.borrow().as_ref().map_or(0, Vec::len);
    let size = p.buffer_size.get();
    if used + data.len() > size {
        if let Err(e) = p.flush_buffer() {
            p.flag_error(e);
            return;
        }
        if p.handler(CHARACTER_DATA).is_none() {
            return;
        }
    }
    // The flush may have turned buffering off (`buffer_text = False` in the handler).
    if data.len() > size || p.buffer.borrow().is_none() {
        if let Err(e) = call_character_handler(p, data) {
            p.flag_error(e);
        }
        if let Some(b) = p.buffer.borrow_mut().as_mut() {
            b.clear();
        }
    } else if let Some(b) = p.buffer.borrow_mut().as_mut() {
        b.extend_from_slice(data);
    }
}

extern "C" fn noop_character_data(_: *mut c_void, _: *const XChar, _: c_int) {}

extern "C" fn refuse_external_entity(
    _: XmlParser,
    _: *const XChar,
    _: *const XChar,
    _: *const XChar,
    _: *const XChar,
) -> c_int {
    0
}

extern "C" fn start_element(ud: *mut c_void, name: *const XChar, atts: *const *const XChar) {
    // SAFETY: Expat passes our user data, a name and a null-terminated array of
    // name/value pairs, all valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, START_ELEMENT, |p| {
        let count = if p.specified.get() {
            // SAFETY: `xp` is live and inside the start-element callback.
            unsafe { (p.api.specified_attribute_count)(p.xp) }.max(0) as usize
        } else {
            let mut n = 0;
            // SAFETY: the array ends with a null pointer.
            while !unsafe { *atts.add(n) }.is_null() {
                n += 2;
            }
            n
        };
        let mut flat = Vec::with_capacity(count);
        for i in (0..count).step_by(2) {
            // SAFETY: `i + 1 < count` entries are valid strings.
            let (k, v) = unsafe { (cstr(*atts.add(i)), cstr(*atts.add(i + 1))) };
            flat.push(p.intern_name(k)?);
            flat.push(text(v));
        }
        let attrs = if p.ordered.get() {
            crate::types::list::new_list(flat)
        } else {
            let d = crate::types::dict::new_dict();
            let dd = crate::types::dict::as_dict(d.as_ref()).expect("dict");
            let mut it = flat.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                dd.set_item(k, v)?;
            }
            d
        };
        // SAFETY: `name` is valid during the callback.
        Ok(vec![p.intern_name(unsafe { cstr(name) })?, attrs])
    });
}

/// Declares callbacks whose arguments are all strings: `name(args...) -> [conversions]`,
/// each argument converted by `intern` (an interned name) or `text` (plain text).
macro_rules! string_callbacks {
    ($($f:ident = $idx:ident ( $($a:ident : $conv:ident),* );)*) => {
        $(extern "C" fn $f(ud: *mut c_void, $($a: *const XChar),*) {
            // SAFETY: Expat passes our user data and strings valid during the callback.
            let p = unsafe { parser(ud) };
            dispatch(p, $idx, |_p| {
                Ok(vec![$(string_callbacks!(@conv _p, $conv, unsafe { cstr($a) })),*])
            });
        })*
    };
    (@conv $p:ident, intern, $v:expr) => { $p.intern_name($v)? };
    (@conv $p:ident, text, $v:expr) => { text($v) };
}

string_callbacks! {
    end_element = END_ELEMENT(name: intern);
    processing_instruction = PROCESSING_INSTRUCTION(target: intern, data: text);
    unparsed_entity_decl = UNPARSED_ENTITY_DECL(
        name: intern, base: intern, system_id: intern, public_id: intern, notation: intern);
    notation_decl = NOTATION_DECL(name: intern, base: intern, system_id: intern, public_id: intern);
    start_namespace_decl = START_NAMESPACE_DECL(prefix: intern, uri: intern);
    end_namespace_decl = END_NAMESPACE_DECL(prefix: intern);
    comment = COMMENT(data: text);
}

extern "C" fn start_cdata(ud: *mut c_void) {
    // SAFETY: Expat passes our user data.
    dispatch(unsafe { parser(ud) }, START_CDATA, |_| Ok(vec![]));
}

extern "C" fn end_cdata(ud: *mut c_void) {
    // SAFETY: Expat passes our user data.
    dispatch(unsafe { parser(ud) }, END_CDATA, |_| Ok(vec![]));
}

extern "C" fn end_doctype_decl(ud: *mut c_void) {
    // SAFETY: Expat passes our user data.
    dispatch(unsafe { parser(ud) }, END_DOCTYPE_DECL, |_| Ok(vec![]));
}

extern "C" fn default(ud: *mut c_void, s: *const XChar, len: c_int) {
    // SAFETY: Expat passes our user data and `len` bytes at `s`.
    let (p, data) = unsafe { (parser(ud), slice(s, len)) };
    dispatch(p, DEFAULT, |_| Ok(vec![text(Some(data))]));
}

extern "C" fn default_expand(ud: *mut c_void, s: *const XChar, len: c_int) {
    // SAFETY: as for `default`.
    let (p, data) = unsafe { (parser(ud), slice(s, len)) };
    dispatch(p, DEFAULT_EXPAND, |_| Ok(vec![text(Some(data))]));
}

extern "C" fn not_standalone(ud: *mut c_void) -> c_int {
    // SAFETY: Expat passes our user data.
    let p = unsafe { parser(ud) };
    let v = dispatch(p, NOT_STANDALONE, |_| Ok(vec![]));
    int_result(p, v)
}

extern "C" fn external_entity_ref(
    xp: XmlParser,
    context: *const XChar,
    base: *const XChar,
    system_id: *const XChar,
    public_id: *const XChar,
) -> c_int {
    // SAFETY: Expat's `XML_GetUserData` reads the user data stored first in the parser
    // struct; it is our payload, and the strings are valid during the callback.
    let p = unsafe { parser(*(xp as *const *mut c_void)) };
    let v = dispatch(p, EXTERNAL_ENTITY_REF, |p| {
        // SAFETY: as above.
        unsafe {
            Ok(vec![
                text(cstr(context)),
                p.intern_name(cstr(base))?,
                p.intern_name(cstr(system_id))?,
                p.intern_name(cstr(public_id))?,
            ])
        }
    });
    int_result(p, v)
}

extern "C" fn start_doctype_decl(
    ud: *mut c_void,
    name: *const XChar,
    system_id: *const XChar,
    public_id: *const XChar,
    has_internal_subset: c_int,
) {
    // SAFETY: Expat passes our user data and strings valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, START_DOCTYPE_DECL, |p| unsafe {
        Ok(vec![
            p.intern_name(cstr(name))?,
            p.intern_name(cstr(system_id))?,
            p.intern_name(cstr(public_id))?,
            new_int_i64(has_internal_subset as i64),
        ])
    });
}

#[allow(clippy::too_many_arguments)]
extern "C" fn entity_decl(
    ud: *mut c_void,
    name: *const XChar,
    is_parameter_entity: c_int,
    value: *const XChar,
    value_length: c_int,
    base: *const XChar,
    system_id: *const XChar,
    public_id: *const XChar,
    notation: *const XChar,
) {
    // SAFETY: Expat passes our user data, strings and a value of `value_length` bytes (or
    // null), valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, ENTITY_DECL, |p| unsafe {
        let value = if value.is_null() { none() } else { text(Some(slice(value, value_length))) };
        Ok(vec![
            p.intern_name(cstr(name))?,
            new_int_i64(is_parameter_entity as i64),
            value,
            p.intern_name(cstr(base))?,
            p.intern_name(cstr(system_id))?,
            p.intern_name(cstr(public_id))?,
            p.intern_name(cstr(notation))?,
        ])
    });
}

extern "C" fn xml_decl(
    ud: *mut c_void,
    version: *const XChar,
    encoding: *const XChar,
    standalone: c_int,
) {
    // SAFETY: Expat passes our user data and strings valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, XML_DECL, |_| unsafe {
        Ok(vec![text(cstr(version)), text(cstr(encoding)), new_int_i64(standalone as i64)])
    });
}

/// A content model as CPython gives it: `(type, quant, name, children)`.
fn content_model(m: &XmlContent, depth: usize) -> PyResult<Object> {
    if depth > MAX_MODEL_DEPTH {
        return Err(PyErr::recursion_error(
            "maximum recursion depth exceeded while converting a content model",
        ));
    }
    let mut children = Vec::with_capacity(m.numchildren as usize);
    for i in 0..m.numchildren as usize {
        // SAFETY: `children` holds `numchildren` nodes, valid until the model is freed.
        let c = unsafe { &*m.children.add(i) };
        children.push(content_model(c, depth + 1)?);
    }
    Ok(crate::types::tuple::new_tuple(vec![
        new_int_i64(m.ty as i64),
        new_int_i64(m.quant as i64),
        // SAFETY: a null or NUL-terminated name inside the model.
        text(unsafe { cstr(m.name) }),
        crate::types::tuple::new_tuple(children),
    ]))
}

extern "C" fn element_decl(ud: *mut c_void, name: *const XChar, model: *mut XmlContent) {
    // SAFETY: Expat passes our user data, a name and a model we must free.
    let p = unsafe { parser(ud) };
    dispatch(p, ELEMENT_DECL, |p| {
        // SAFETY: as above; the model is read before it is freed below.
        let m = unsafe { content_model(&*model, 0) }?;
        Ok(vec![p.intern_name(unsafe { cstr(name) })?, m])
    });
    // SAFETY: the model was handed to us by this callback and is freed once.
    unsafe { (p.api.free_content_model)(p.xp, model) };
}

extern "C" fn attlist_decl(
    ud: *mut c_void,
    element: *const XChar,
    attribute: *const XChar,
    att_type: *const XChar,
    default: *const XChar,
    is_required: c_int,
) {
    // SAFETY: Expat passes our user data and strings valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, ATTLIST_DECL, |p| unsafe {
        Ok(vec![
            p.intern_name(cstr(element))?,
            p.intern_name(cstr(attribute))?,
            text(cstr(att_type)),
            text(cstr(default)),
            new_int_i64(is_required as i64),
        ])
    });
}

extern "C" fn skipped_entity(ud: *mut c_void, name: *const XChar, is_parameter_entity: c_int) {
    // SAFETY: Expat passes our user data and a name valid during the callback.
    let p = unsafe { parser(ud) };
    dispatch(p, SKIPPED_ENTITY, |p| {
        Ok(vec![p.intern_name(unsafe { cstr(name) })?, new_int_i64(is_parameter_entity as i64)])
    });
}

/// Expat met an encoding it does not know: decode all 256 byte values with Python's codec
/// (`replace`); a codec giving anything but 256 characters is refused.
pub(super) extern "C" fn unknown_encoding(
    ud: *mut c_void,
    name: *const XChar,
    info: *mut XmlEncoding,
) -> c_int {
    // SAFETY: Expat passes the encoding name and a map to fill, both valid during the call.
    let name = unsafe { cstr(name) }.map(|b| String::from_utf8_lossy(b).into_owned());
    let r = (|| -> PyResult<Vec<u32>> {
        let all: Vec<u8> = (0..=255u8).collect();
        let bytes = crate::types::bytes::new_bytes(&all);
        let decode = crate::attr::getattr(bytes.as_ref(), new_str("decode").as_ref())?;
        let s = crate::ops::call(
            decode.as_ref(),
            &[new_str(name.as_deref().unwrap_or("")), new_str("replace")],
            None,
        )?;
        let chars: Vec<u32> = crate::types::str::Str::new(s.as_ref())
            .map(|s| s.data().iter().collect())
            .unwrap_or_default();
        if chars.len() != 256 {
            return Err(PyErr::value_error("multi-byte encodings are not supported"));
        }
        Ok(chars)
    })();
    match r {
        Ok(chars) => {
            // SAFETY: `info` is Expat's writable encoding record.
            let info = unsafe { &mut *info };
            for (slot, c) in info.map.iter_mut().zip(chars) {
                *slot = if c == 0xFFFD { -1 } else { c as c_int };
            }
            info.data = std::ptr::null_mut();
            info.convert = std::ptr::null();
            info.release = std::ptr::null();
            1
        }
        Err(e) => {
            // SAFETY: the handler data is our payload, as for the other callbacks.
            let p = unsafe { parser(ud) };
            let mut pending = p.pending.borrow_mut();
            if pending.is_none() {
                *pending = Some(e);
            }
            0
        }
    }
}
