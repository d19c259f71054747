//! `_io.TextIOWrapper` (text over a buffered binary stream: encoding and errors, the `newline`
//! modes, line buffering, chunked decoding, `tell`/`seek` cookies, `reconfigure`, `detach`) and
//! `_io.IncrementalNewlineDecoder` (universal newlines over an optional decoder).
//!
//! Decoding is done a chunk at a time on code points; the bytes of an incomplete character at
//! the end of a chunk wait for the next one. A `tell()` cookie is a plain byte position: the
//! start of the current chunk plus the encoded size of the characters consumed from it (exact
//! for the stateless codecs with valid input, which is what CPython's cookie reduces to there).

use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{IterNextFn, PyType, StaticType, TypeFlags, UnaryFn};

use super::iobase::{Self_, TEXT_IOBASE, io_type, me};
use super::{State, bind, call_meth, get_attr, getsets, methods, new_io, unsupported};
use crate::builtins::codecs::io_support;

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;
const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

/// Universal-newline handling on decoded text (CPython's `IncrementalNewlineDecoder` core).
#[derive(Clone)]
pub struct NlDecoder {
    pub translate: bool,
    pub pendingcr: bool,
    pub seen: u8,
}

impl NlDecoder {
    pub fn new(translate: bool) -> NlDecoder {
        NlDecoder { translate, pendingcr: false, seen: 0 }
    }

    /// Translates (or only records) the newlines of `input`; a final `\r` waits for the next
    /// call unless `fin`.
    pub fn decode(&mut self, input: &[u32], fin: bool) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::with_capacity(input.len() + 1);
        if self.pendingcr && (!input.is_empty() || fin) {
            out.push(CR);
            self.pendingcr = false;
        }
        out.extend_from_slice(input);
        if !fin && out.last() == Some(&CR) {
            out.pop();
            self.pendingcr = true;
        }
        let (mut cr, mut lf, mut crlf) = (false, false, false);
        let mut i = 0;
        while i < out.len() {
            if out[i] == CR {
                if out.get(i + 1) == Some(&LF) {
                    crlf = true;
                    i += 2;
                    continue;
                }
                cr = true;
            } else if out[i] == LF {
                lf = true;
            }
            i += 1;
        }
        self.seen |= if cr { SEEN_CR } else { 0 }
            | if lf { SEEN_LF } else { 0 }
            | if crlf { SEEN_CRLF } else { 0 };
        if self.translate && (cr || crlf) {
            let mut t = Vec::with_capacity(out.len());
            let mut i = 0;
            while i < out.len() {
                if out[i] == CR {
                    t.push(LF);
                    if out.get(i + 1) == Some(&LF) {
                        i += 1;
                    }
                } else {
                    t.push(out[i]);
                }
                i += 1;
            }
            return t;
        }
        out
    }
}

/// The `newlines` attribute for a set of seen newline kinds.
pub fn newlines_obj(seen: u8) -> Object {
    let s = |t: &str| new_str(t);
    match seen {
        0 => none(),
        SEEN_CR => s("\r"),
        SEEN_LF => s("\n"),
        SEEN_CRLF => s("\r\n"),
        3 => new_tuple(vec![s("\r"), s("\n")]),
        5 => new_tuple(vec![s("\r"), s("\r\n")]),
        6 => new_tuple(vec![s("\n"), s("\r\n")]),
        _ => new_tuple(vec![s("\r"), s("\n"), s("\r\n")]),
    }
}

/// The state of a `TextIOWrapper`.
pub struct TextState {
    pub buffer: Option<Object>,
    pub ok: bool,
    pub detached: bool,
    /// The encoding as reported; `codec` is the one used (a BOM may fix UTF-16/32's order).
    pub encoding: String,
    pub codec: String,
    pub errors: String,
    pub newline: Option<String>,
    pub line_buffering: bool,
    pub write_through: bool,
    pub readable: bool,
    pub writable: bool,
    pub seekable: bool,
    pub telling: bool,
    pub has_read1: bool,
    pub chunk_size: usize,
    /// Universal-newline decoder (`newline` None or empty).
    pub nl: Option<NlDecoder>,
    /// Decoded (and translated) characters and how many were consumed.
    pub decoded: Vec<u32>,
    pub dpos: usize,
    /// The characters of the current chunk before newline translation, and the byte position
    /// where they start.
    pub raw_chunk: Vec<u32>,
    pub snapshot: Option<i64>,
    /// Bytes of an incomplete character waiting for the next chunk.
    pub pending: Vec<u8>,
    /// Encoded text not yet passed to the buffer.
    pub wpending: Vec<u8>,
    /// Whether a byte-order mark was already written (UTF-16/32).
    pub encoder_started: bool,
}

pub(crate) fn blank() -> State {
    State::Text(TextState {
        buffer: None,
        ok: false,
        detached: false,
        encoding: String::new(),
        codec: String::new(),
        errors: String::new(),
        newline: None,
        line_buffering: false,
        write_through: false,
        readable: false,
        writable: false,
        seekable: false,
        telling: false,
        has_read1: false,
        chunk_size: 8192,
        nl: None,
        decoded: Vec::new(),
        dpos: 0,
        raw_chunk: Vec::new(),
        snapshot: None,
        pending: Vec::new(),
        wpending: Vec::new(),
        encoder_started: false,
    })
}

io_type!(
    TEXTIOWRAPPER,
    "_io.TextIOWrapper",
    &TEXT_IOBASE.0,
    1111,
    repr: text_repr as UnaryFn,
    iternext: text_next as IterNextFn,
);

fn with<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut TextState) -> PyResult<R>) -> PyResult<R> {
    let p = super::payload(o)?;
    match &mut *p.state.borrow_mut() {
        State::Text(s) => {
            if !s.ok {
                return Err(PyErr::value_error("I/O operation on uninitialized object"));
            }
            if s.detached {
                return Err(PyErr::value_error("underlying buffer has been detached"));
            }
            f(s)
        }
        _ => Err(PyErr::type_error("TextIOWrapper method called on another object")),
    }
}

fn buffer_of(o: ObjectRef<'_>) -> PyResult<Object> {
    with(o, |s| Ok(s.buffer.clone().expect("attached")))
}

/// Raises the closed-file error when the buffer is closed.
fn check_closed(o: ObjectRef<'_>) -> PyResult<Object> {
    let b = buffer_of(o)?;
    let closed = if std::ptr::eq(o.type_(), &TEXTIOWRAPPER.0) {
        get_attr(b.as_ref(), "closed")?
    } else {
        get_attr(o, "closed")?
    };
    if crate::ops::is_true(closed.as_ref())? {
        return Err(super::closed_error());
    }
    Ok(b)
}

/// The encoding of `encoding=None` or `"locale"`: `utf-8` in UTF-8 mode, else the locale's, as
/// `locale.getencoding()` names it.
pub fn locale_encoding() -> String {
    if crate::config::utf8_mode() {
        return "utf-8".into();
    }
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            let lower = v.to_ascii_lowercase();
            if lower.contains("utf-8") || lower.contains("utf8") {
                return "UTF-8".into();
            }
            return "utf-8".into();
        }
    }
    "utf-8".into()
}

fn cps_of(o: ObjectRef<'_>) -> Vec<u32> {
    Str::new(o).map(|s| s.data().iter().collect()).unwrap_or_default()
}

fn check_newline(nl: &Option<String>) -> PyResult<()> {
    if let Some(n) = nl
        && !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::value_error(format!("illegal newline value: {n}")));
    }
    Ok(())
}

/// `TextIOWrapper.__init__(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`.
pub(crate) fn init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind(
        "TextIOWrapper",
        args,
        kw,
        &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        1,
    )?;
    let buffer = a[0].expect("buffer").clone();
    let encoding = super::str_or_none("TextIOWrapper", "encoding", a[1])?;
    let errors = super::str_or_none("TextIOWrapper", "errors", a[2])?;
    let newline = super::str_or_none("TextIOWrapper", "newline", a[3])?;
    check_newline(&newline)?;
    let line_buffering = super::bool_arg(a[4], false)?;
    let write_through = super::bool_arg(a[5], false)?;
    let encoding = match encoding.as_deref() {
        None | Some("locale") => locale_encoding(),
        Some(e) => e.to_string(),
    };
    let codec = io_support::canonical(&encoding)?;
    let errors = errors.unwrap_or_else(|| "strict".into());
    let readable = crate::ops::is_true(call_meth(buffer.as_ref(), "readable", &[])?.as_ref())?;
    let writable = crate::ops::is_true(call_meth(buffer.as_ref(), "writable", &[])?.as_ref())?;
    let seekable = crate::ops::is_true(call_meth(buffer.as_ref(), "seekable", &[])?.as_ref())?;
    let has_read1 =
        crate::attr::getattr(buffer.as_ref(), crate::types::str::intern("read1").as_ref()).is_ok();
    let mut encoder_started = false;
    if seekable && writable && (codec.starts_with("utf-16") || codec.starts_with("utf-32")) {
        let pos = call_meth(buffer.as_ref(), "tell", &[])?;
        encoder_started = crate::ops::index_value(pos.as_ref())?.unwrap_or(0) != 0;
    }
    let universal = newline.as_deref().is_none_or(str::is_empty);
    let p = super::payload(o)?;
    let old = std::mem::replace(
        &mut *p.state.borrow_mut(),
        State::Text(TextState {
            buffer: Some(buffer),
            ok: true,
            detached: false,
            encoding,
            codec,
            errors,
            nl: universal.then(|| NlDecoder::new(newline.is_none())),
            newline,
            line_buffering,
            write_through,
            readable,
            writable,
            seekable,
            telling: seekable,
            has_read1,
            chunk_size: 8192,
            decoded: Vec::new(),
            dpos: 0,
            raw_chunk: Vec::new(),
            snapshot: None,
            pending: Vec::new(),
            wpending: Vec::new(),
            encoder_started,
        }),
    );
    drop(old);
    if writable {
        super::register_writer(o);
    }
    Ok(none())
}

fn text_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, blank());
    init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

/// Passes the encoded text waiting in `wpending` to the buffer.
pub(crate) fn write_flush(o: ObjectRef<'_>) -> PyResult<()> {
    let (data, buffer) = with(o, |s| Ok((std::mem::take(&mut s.wpending), s.buffer.clone())))?;
    if data.is_empty() {
        return Ok(());
    }
    let b = buffer.expect("attached");
    call_meth(b.as_ref(), "write", &[crate::types::bytes::new_bytes(&data)])?;
    Ok(())
}

pub(crate) fn write(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("write", args, kw, &["text"], 1)?;
    let v = a[0].expect("text");
    let Some(text) = Str::new(v.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            v.type_().name()
        )));
    };
    // The common case (UTF-8 into an open native buffer) appends without the general path.
    if std::ptr::eq(o.type_(), &TEXTIOWRAPPER.0)
        && let Some(t) = text.as_str()
        && super::stdio::try_fast_write(o, t)?
    {
        return Ok(new_int_i64(text.len() as i64));
    }
    check_closed(o)?;
    let n = text.len();
    let cps: Vec<u32> = text.data().iter().collect();
    let (flush_now, needflush) = with(o, |s| {
        if !s.writable {
            return Err(unsupported("not writable"));
        }
        let writenl: Option<&str> = match s.newline.as_deref() {
            None => None,
            Some("") | Some("\n") => None,
            Some(nl) => Some(nl),
        };
        let has_nl = cps.iter().any(|&c| c == LF);
        let translated: Vec<u32> = match writenl {
            Some(nl) if has_nl => {
                let mut t = Vec::with_capacity(cps.len() + 8);
                for &c in &cps {
                    if c == LF {
                        t.extend(nl.chars().map(|c| c as u32));
                    } else {
                        t.push(c);
                    }
                }
                t
            }
            _ => cps.clone(),
        };
        let needflush = s.line_buffering && (has_nl || translated.contains(&CR));
        let codec = if s.encoder_started && matches!(s.codec.as_str(), "utf-8-sig" | "utf_8_sig") {
            // The BOM goes out once, at the start of the stream.
            "utf-8".to_string()
        } else if s.encoder_started && s.codec == "utf-16" {
            "utf-16-le".to_string()
        } else if s.encoder_started && s.codec == "utf-32" {
            "utf-32-le".to_string()
        } else {
            s.codec.clone()
        };
        let bytes = io_support::encode(&translated, &codec, &s.errors)?;
        if !translated.is_empty() {
            s.encoder_started = true;
        }
        s.wpending.extend_from_slice(&bytes);
        // Writing discards what was read ahead.
        s.decoded.clear();
        s.dpos = 0;
        s.raw_chunk.clear();
        s.snapshot = None;
        if let Some(nl) = &mut s.nl {
            nl.pendingcr = false;
        }
        s.pending.clear();
        Ok((s.wpending.len() > s.chunk_size || needflush || s.write_through, needflush))
    })?;
    if flush_now {
        write_flush(o)?;
    }
    if needflush {
        let b = buffer_of(o)?;
        call_meth(b.as_ref(), "flush", &[])?;
    }
    Ok(new_int_i64(n as i64))
}

/// Reads and decodes one chunk; returns false at the end of the stream.
fn read_chunk(o: ObjectRef<'_>, size_hint: usize) -> PyResult<bool> {
    let (buffer, has_read1, chunk) =
        with(o, |s| Ok((s.buffer.clone().expect("attached"), s.has_read1, s.chunk_size)))?;
    let start = if with(o, |s| Ok(s.seekable && s.telling))? {
        let pos = call_meth(buffer.as_ref(), "tell", &[])?;
        crate::ops::index_value(pos.as_ref())?.map(|p| p as i64)
    } else {
        None
    };
    let n = chunk.max(size_hint);
    let input = call_meth(
        buffer.as_ref(),
        if has_read1 { "read1" } else { "read" },
        &[new_int_i64(n as i64)],
    )?;
    let data = if is_none(input.as_ref()) {
        Vec::new()
    } else {
        super::buffer_bytes(input.as_ref()).ok_or_else(|| {
            PyErr::type_error(format!(
                "underlying {}() should have returned a bytes-like object, not '{}'",
                if has_read1 { "read1" } else { "read" },
                input.type_().name()
            ))
        })?
    };
    let eof = data.is_empty();
    with(o, |s| {
        let carried_cr = s.nl.as_ref().is_some_and(|n| n.pendingcr);
        let mut all = std::mem::take(&mut s.pending);
        let pending_len = all.len() as i64;
        all.extend_from_slice(&data);
        // A byte-order mark decides UTF-16/32's byte order for the rest of the stream.
        if s.codec == "utf-16" && all.len() >= 2 {
            s.codec = if all.starts_with(&[0xFE, 0xFF]) { "utf-16-be" } else { "utf-16-le" }.into();
            if all.starts_with(&[0xFF, 0xFE]) || all.starts_with(&[0xFE, 0xFF]) {
                all.drain(..2);
            }
        } else if s.codec == "utf-32" && all.len() >= 4 {
            s.codec =
                if all.starts_with(&[0, 0, 0xFE, 0xFF]) { "utf-32-be" } else { "utf-32-le" }.into();
            if all.starts_with(&[0xFF, 0xFE, 0, 0]) || all.starts_with(&[0, 0, 0xFE, 0xFF]) {
                all.drain(..4);
            }
        }
        let keep = if eof { 0 } else { io_support::incomplete_tail(&all, &s.codec) };
        let head_len = all.len() - keep;
        let chars = io_support::decode(&all[..head_len], &s.codec, &s.errors)?;
        s.pending = all[head_len..].to_vec();
        let mut raw = Vec::with_capacity(chars.len() + 1);
        let mut cr_len = 0i64;
        if carried_cr {
            raw.push(CR);
            cr_len = io_support::encode(&[CR], &s.codec, "strict").map_or(1, |b| b.len() as i64);
        }
        raw.extend_from_slice(&chars);
        let out = match &mut s.nl {
            Some(nl) => nl.decode(&chars, eof),
            None => chars,
        };
        if s.dpos >= s.decoded.len() {
            s.snapshot = start.map(|p| p - pending_len - cr_len);
            s.raw_chunk = raw;
            s.decoded = out;
            s.dpos = 0;
        } else {
            // Part of the previous chunk is still unread (a line spanning chunks): drop what
            // was consumed, moving the snapshot past its bytes, and append.
            compact(s)?;
            s.raw_chunk.extend_from_slice(&raw[usize::from(carried_cr)..]);
            s.decoded.extend_from_slice(&out);
        }
        Ok(!eof)
    })
}

/// How many characters of `raw_chunk` the first `dpos` decoded characters came from.
fn raw_consumed(s: &TextState) -> usize {
    let translate = s.nl.as_ref().is_some_and(|n| n.translate);
    if !translate {
        return s.dpos.min(s.raw_chunk.len());
    }
    let mut r = 0;
    let mut d = 0;
    while d < s.dpos && r < s.raw_chunk.len() {
        if s.raw_chunk[r] == CR && s.raw_chunk.get(r + 1) == Some(&LF) {
            r += 2;
        } else {
            r += 1;
        }
        d += 1;
    }
    r
}

/// The codec that encodes the characters of a chunk back to its bytes (no byte-order mark).
fn plain_codec(s: &TextState) -> &str {
    match s.codec.as_str() {
        "utf-16" => "utf-16-le",
        "utf-32" => "utf-32-le",
        c => c,
    }
}

/// Drops the consumed part of the decoded text, keeping the snapshot exact.
fn compact(s: &mut TextState) -> PyResult<()> {
    if s.dpos == 0 {
        return Ok(());
    }
    let r = raw_consumed(s);
    if let Some(snap) = s.snapshot {
        let n = io_support::encode(&s.raw_chunk[..r], plain_codec(s), &s.errors)?.len();
        s.snapshot = Some(snap + n as i64);
    }
    s.raw_chunk.drain(..r);
    s.decoded.drain(..s.dpos);
    s.dpos = 0;
    Ok(())
}

fn check_readable(o: ObjectRef<'_>) -> PyResult<()> {
    if with(o, |s| Ok(s.readable))? { Ok(()) } else { Err(unsupported("not readable")) }
}

fn read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("read", args, kw, &["size"], 0)?;
    let n = super::size_arg(a[0])?;
    check_closed(o)?;
    check_readable(o)?;
    write_flush(o)?;
    match n {
        None => {
            let buffer = buffer_of(o)?;
            let all = call_meth(buffer.as_ref(), "read", &[])?;
            let data =
                if is_none(all.as_ref()) { Vec::new() } else { super::bytes_arg(all.as_ref())? };
            let out = with(o, |s| {
                let mut bytes = std::mem::take(&mut s.pending);
                bytes.extend_from_slice(&data);
                if s.codec == "utf-16" || s.codec == "utf-32" {
                    // Whole-stream decode: the codec reads the byte-order mark itself.
                }
                let chars = io_support::decode(&bytes, &s.codec, &s.errors)?;
                let chars = match &mut s.nl {
                    Some(nl) => nl.decode(&chars, true),
                    None => chars,
                };
                let mut out = s.decoded[s.dpos..].to_vec();
                out.extend_from_slice(&chars);
                s.decoded.clear();
                s.dpos = 0;
                s.raw_chunk.clear();
                s.snapshot = None;
                Ok(out)
            })?;
            Ok(new_str_from_code_points(&out))
        }
        Some(n) => {
            loop {
                let have = with(o, |s| Ok(s.decoded.len() - s.dpos))?;
                if have >= n || !read_chunk(o, 0)? {
                    break;
                }
            }
            let out = with(o, |s| {
                let end = (s.dpos + n).min(s.decoded.len());
                let v = s.decoded[s.dpos..end].to_vec();
                s.dpos = end;
                Ok(v)
            })?;
            Ok(new_str_from_code_points(&out))
        }
    }
}

/// Where the line starting at `start` ends (exclusive), if its end is in `buf`.
fn find_line_end(
    buf: &[u32],
    start: usize,
    translated: bool,
    universal: bool,
    nl: &[u32],
) -> Option<usize> {
    let mut i = start;
    while i < buf.len() {
        let c = buf[i];
        if translated || !universal && nl == [LF] {
            if c == LF {
                return Some(i + 1);
            }
        } else if universal {
            if c == LF {
                return Some(i + 1);
            }
            if c == CR {
                return if buf.get(i + 1) == Some(&LF) { Some(i + 2) } else { Some(i + 1) };
            }
        } else if buf[i..].starts_with(nl) {
            return Some(i + nl.len());
        }
        i += 1;
    }
    None
}

pub(crate) fn readline_impl(o: ObjectRef<'_>, limit: Option<usize>) -> PyResult<Vec<u32>> {
    check_closed(o)?;
    check_readable(o)?;
    write_flush(o)?;
    loop {
        let found = with(o, |s| {
            let translated = s.newline.is_none();
            let universal = s.newline.as_deref() == Some("");
            let nl: Vec<u32> =
                s.newline.as_deref().unwrap_or("\n").chars().map(|c| c as u32).collect();
            let end = find_line_end(&s.decoded, s.dpos, translated, universal, &nl);
            let end = match (end, limit) {
                (Some(e), Some(l)) => Some(e.min(s.dpos + l)),
                (None, Some(l)) if s.decoded.len() - s.dpos >= l => Some(s.dpos + l),
                (e, _) => e,
            };
            Ok(end.map(|e| {
                let v = s.decoded[s.dpos..e].to_vec();
                s.dpos = e;
                v
            }))
        })?;
        if let Some(line) = found {
            return Ok(line);
        }
        if !read_chunk(o, 0)? {
            return with(o, |s| {
                let v = s.decoded[s.dpos..].to_vec();
                s.dpos = s.decoded.len();
                Ok(v)
            });
        }
    }
}

pub(crate) fn readline(
    s: Self_<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = bind("readline", args, kw, &["size"], 0)?;
    if let Some(v) = a[0]
        && !is_none(v.as_ref())
        && crate::ops::index_value(v.as_ref())?.is_none()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_().name()
        )));
    }
    let limit = super::size_arg(a[0])?;
    Ok(new_str_from_code_points(&readline_impl(me(s), limit)?))
}

fn text_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    with(o, |s| {
        s.telling = false;
        Ok(())
    })?;
    let line = if std::ptr::eq(o.type_(), &TEXTIOWRAPPER.0) {
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
    if crate::ops::len(line.as_ref())? == 0 {
        with(o, |s| {
            s.snapshot = None;
            s.telling = s.seekable;
            Ok(())
        })?;
        return Ok(None);
    }
    Ok(Some(line))
}

pub(crate) fn flush(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let b = check_closed(o)?;
    with(o, |s| {
        s.telling = s.seekable;
        Ok(())
    })?;
    write_flush(o)?;
    call_meth(b.as_ref(), "flush", &[])
}

fn close(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let b = buffer_of(o)?;
    let closed = get_attr(o, "closed")?;
    if crate::ops::is_true(closed.as_ref())? {
        return Ok(none());
    }
    let flushed = call_meth(o, "flush", &[]);
    let r = call_meth(b.as_ref(), "close", &[]);
    match (flushed, r) {
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

fn tell(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let b = check_closed(o)?;
    let (seekable, telling) = with(o, |s| Ok((s.seekable, s.telling)))?;
    if !seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    if !telling {
        return Err(PyErr::new(
            &crate::types::exceptions::OS_ERROR,
            "telling position disabled by next() call",
        ));
    }
    write_flush(o)?;
    call_meth(o, "flush", &[])?;
    let pos = call_meth(b.as_ref(), "tell", &[])?;
    let pos = crate::ops::index_value(pos.as_ref())?.unwrap_or(0) as i64;
    let cookie = with(o, |s| {
        let Some(start) = s.snapshot else { return Ok(pos) };
        if s.dpos >= s.decoded.len()
            && s.pending.is_empty()
            && !s.nl.as_ref().is_some_and(|n| n.pendingcr)
        {
            return Ok(pos);
        }
        let r = raw_consumed(s);
        let bytes = io_support::encode(&s.raw_chunk[..r], plain_codec(s), &s.errors)?;
        Ok(start + bytes.len() as i64)
    })?;
    Ok(new_int_i64(cookie))
}

fn reset_read(s: &mut TextState) {
    s.decoded.clear();
    s.dpos = 0;
    s.raw_chunk.clear();
    s.snapshot = None;
    s.pending.clear();
    if let Some(nl) = &mut s.nl {
        nl.pendingcr = false;
    }
}

fn seek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("seek", args, kw, &["cookie", "whence"], 1)?;
    let cookie_obj = a[0].expect("cookie").clone();
    let whence = super::int_arg(a[1], 0)?;
    let b = check_closed(o)?;
    if !with(o, |s| Ok(s.seekable))? {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let Some(cookie) = crate::ops::index_value(cookie_obj.as_ref())? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            cookie_obj.type_().name()
        )));
    };
    match whence {
        1 => {
            if cookie != 0 {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            return tell(Some(o), &[], None);
        }
        2 => {
            if cookie != 0 {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            call_meth(o, "flush", &[])?;
            with(o, |s| {
                reset_read(s);
                Ok(())
            })?;
            return call_meth(b.as_ref(), "seek", &[new_int_i64(0), new_int_i64(2)]);
        }
        0 => {}
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    }
    if cookie < 0 {
        return Err(PyErr::value_error(format!(
            "negative seek position {}",
            crate::ops::repr_string(cookie_obj.as_ref())?
        )));
    }
    call_meth(o, "flush", &[])?;
    with(o, |s| {
        reset_read(s);
        if s.codec.starts_with("utf-16") || s.codec.starts_with("utf-32") {
            s.encoder_started = cookie != 0;
        }
        Ok(())
    })?;
    call_meth(b.as_ref(), "seek", &[new_int_i64(cookie as i64)])?;
    Ok(cookie_obj)
}

fn truncate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("truncate", args, kw, &["pos"], 0)?;
    call_meth(o, "flush", &[])?;
    let b = buffer_of(o)?;
    let pos = a[0].cloned().unwrap_or_else(none);
    call_meth(b.as_ref(), "truncate", &[pos])
}

fn detach(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    call_meth(o, "flush", &[])?;
    let b = with(o, |s| {
        s.detached = true;
        Ok(s.buffer.take())
    })?;
    Ok(b.unwrap_or_else(none))
}

fn delegate(s: Self_<'_>, meth: &str) -> PyResult<Object> {
    let b = buffer_of(me(s))?;
    call_meth(b.as_ref(), meth, &[])
}

fn fileno(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(s, "fileno")
}
fn isatty(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(s, "isatty")
}
fn seekable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    check_closed(me(s))?;
    Ok(py_bool(with(me(s), |s| Ok(s.seekable))?))
}
fn readable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(s, "readable")
}
fn writable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    delegate(s, "writable")
}

fn reconfigure(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = crate::builtins::args::Args::new(args, kw);
    if !a.pos.is_empty() {
        return Err(PyErr::type_error("reconfigure() takes no positional arguments"));
    }
    let a = bind(
        "reconfigure",
        args,
        kw,
        &["encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
    )?;
    let encoding = super::str_or_none("reconfigure", "encoding", a[0])?;
    let errors = super::str_or_none("reconfigure", "errors", a[1])?;
    let newline_given =
        a[2].is_some_and(|v| !std::ptr::eq(v.type_(), &crate::types::singletons::ELLIPSIS_TYPE.0));
    let newline =
        if newline_given { super::str_or_none("reconfigure", "newline", a[2])? } else { None };
    if newline_given {
        check_newline(&newline)?;
    }
    let opt_bool = |v: Option<&Object>| -> PyResult<Option<bool>> {
        match v {
            None => Ok(None),
            Some(v) if is_none(v.as_ref()) => Ok(None),
            Some(v) => crate::ops::is_true(v.as_ref()).map(Some),
        }
    };
    let line_buffering = opt_bool(a[3])?;
    let write_through = opt_bool(a[4])?;
    if encoding.is_some() || errors.is_some() || newline_given {
        let started = with(o, |s| Ok(!s.decoded.is_empty() || s.snapshot.is_some()))?;
        if started {
            return Err(unsupported(
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    let codec = match encoding.as_deref() {
        Some("locale") => Some(io_support::canonical(&locale_encoding())?),
        Some(e) => Some(io_support::canonical(e)?),
        None => None,
    };
    call_meth(o, "flush", &[])?;
    with(o, |s| {
        if let (Some(e), Some(c)) = (encoding, codec) {
            s.encoding = if e == "locale" { locale_encoding() } else { e };
            s.codec = c;
            s.errors = errors.clone().unwrap_or_else(|| "strict".into());
        } else if let Some(e) = errors {
            s.errors = e;
        }
        if newline_given {
            let universal = newline.as_deref().is_none_or(str::is_empty);
            s.nl = universal.then(|| NlDecoder::new(newline.is_none()));
            s.newline = newline;
        }
        if let Some(b) = line_buffering {
            s.line_buffering = b;
        }
        if let Some(b) = write_through {
            s.write_through = b;
        }
        Ok(())
    })?;
    Ok(none())
}

fn encoding_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_str(&with(o, |s| Ok(s.encoding.clone()))?))
}
fn errors_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_str(&with(o, |s| Ok(s.errors.clone()))?))
}
fn newlines_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(with(o, |s| Ok(s.nl.as_ref().map(|n| n.seen)))?.map_or_else(none, newlines_obj))
}
fn line_buffering_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(with(o, |s| Ok(s.line_buffering))?))
}
fn write_through_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(with(o, |s| Ok(s.write_through))?))
}
fn buffer_get(o: ObjectRef<'_>) -> PyResult<Object> {
    buffer_of(o)
}
fn name_get(o: ObjectRef<'_>) -> PyResult<Object> {
    get_attr(buffer_of(o)?.as_ref(), "name")
}
fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    get_attr(buffer_of(o)?.as_ref(), "closed")
}
fn chunk_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(with(o, |s| Ok(s.chunk_size))? as i64))
}
fn chunk_set(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            "cannot delete attribute",
        ));
    };
    let n = crate::ops::index_value(v)?.unwrap_or(0);
    if n <= 0 {
        return Err(PyErr::value_error("a strictly positive integer is required"));
    }
    with(o, |s| {
        s.chunk_size = n as usize;
        Ok(())
    })
}
fn finalizing_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(super::payload(o)?.finalizing.get()))
}

fn text_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let tname = o.type_().name().to_string();
    let Some(_g) = crate::ops::ReprGuard::enter(o) else {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            format!("reentrant call inside {tname}.__repr__"),
        ));
    };
    let mut out = format!("<{tname}");
    let soft = |e: &PyErr| {
        e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR)
            || e.matches(&crate::types::exceptions::VALUE_ERROR)
    };
    match get_attr(o, "name") {
        Ok(n) => out.push_str(&format!(" name={}", crate::ops::repr_string(n.as_ref())?)),
        Err(e) if soft(&e) => {}
        Err(e) => return Err(e),
    }
    match get_attr(o, "mode") {
        Ok(m) => out.push_str(&format!(" mode={}", crate::ops::repr_string(m.as_ref())?)),
        Err(e) if soft(&e) => {}
        Err(e) => return Err(e),
    }
    if let Ok(enc) = with(o, |s| Ok(s.encoding.clone())) {
        out.push_str(&format!(" encoding={}", crate::ops::repr_string(new_str(&enc).as_ref())?));
    }
    out.push('>');
    Ok(new_str(&out))
}

fn getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error(format!("cannot pickle '{}' instances", me(s).type_().name())))
}

// IncrementalNewlineDecoder

pub struct NlDecoderPayload {
    decoder: RefCell<Option<Object>>,
    state: RefCell<Option<NlDecoder>>,
}

// SAFETY: objects of `IncrementalNewlineDecoder` are made only by `nld_new` with this payload.
unsafe impl PyPayload for NlDecoderPayload {
    fn type_object() -> &'static PyType {
        &NEWLINE_DECODER.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead decoder.
unsafe fn nld_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: decoders carry an `NlDecoderPayload`.
    unsafe { dealloc_payload::<NlDecoderPayload>(obj) }
}

fn nld_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(p) = o.payload::<NlDecoderPayload>()
        && let Some(d) = p.decoder.borrow().as_ref()
    {
        visit(d.as_ref());
    }
}

pub static NEWLINE_DECODER: StaticType = StaticType(PyType::new_static(
    "_io.IncrementalNewlineDecoder",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<NlDecoderPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1112,
    nld_dealloc,
    Some(nld_traverse),
    crate::types::object::object_slots(),
));

fn nld(o: ObjectRef<'_>) -> PyResult<&NlDecoderPayload> {
    o.payload::<NlDecoderPayload>()
        .ok_or_else(|| PyErr::type_error("IncrementalNewlineDecoder method on another object"))
}

fn nld_init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("IncrementalNewlineDecoder", args, kw, &["decoder", "translate", "errors"], 2)?;
    let dec = a[0].filter(|d| !is_none(d.as_ref())).cloned();
    let translate = crate::ops::is_true(a[1].expect("translate").as_ref())?;
    let p = nld(o)?;
    let old = p.decoder.replace(dec);
    drop(old);
    *p.state.borrow_mut() = Some(NlDecoder::new(translate));
    Ok(none())
}

fn nld_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o =
        new_object(t, NlDecoderPayload { decoder: RefCell::new(None), state: RefCell::new(None) });
    nld_init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

fn nld_state(o: ObjectRef<'_>) -> PyResult<NlDecoder> {
    nld(o)?
        .state
        .borrow()
        .clone()
        .ok_or_else(|| PyErr::value_error("IncrementalNewlineDecoder.__init__() not called"))
}

fn nld_decode(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("decode", args, kw, &["input", "final"], 1)?;
    let fin = super::bool_arg(a[1], false)?;
    let mut st = nld_state(o)?;
    let dec = nld(o)?.decoder.borrow().clone();
    let input = a[0].expect("input").clone();
    let output = match dec {
        Some(d) => {
            let f = crate::attr::getattr(d.as_ref(), crate::types::str::intern("decode").as_ref())?;
            let names = new_tuple(vec![new_str("final")]);
            crate::ops::call(f.as_ref(), &[input, py_bool(fin)], Some(names.as_ref()))?
        }
        None => input,
    };
    if Str::new(output.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            output.type_().name()
        )));
    }
    let out = st.decode(&cps_of(output.as_ref()), fin);
    *nld(o)?.state.borrow_mut() = Some(st);
    Ok(new_str_from_code_points(&out))
}

fn nld_getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let st = nld_state(o)?;
    let dec = nld(o)?.decoder.borrow().clone();
    let (buf, mut flag) = match dec {
        Some(d) => {
            let t = call_meth(d.as_ref(), "getstate", &[])?;
            let items = crate::types::tuple::tuple_items(t.as_ref())
                .filter(|i| i.len() == 2)
                .ok_or_else(|| PyErr::type_error("illegal decoder state"))?
                .to_vec();
            (items[0].clone(), crate::ops::index_value(items[1].as_ref())?.unwrap_or(0) as i64)
        }
        None => (crate::types::bytes::new_bytes(b""), 0),
    };
    flag <<= 1;
    if st.pendingcr {
        flag |= 1;
    }
    Ok(new_tuple(vec![buf, new_int_i64(flag)]))
}

fn nld_setstate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("setstate", args, kw, &["state"], 1)?;
    let t = a[0].expect("state");
    let items = crate::types::tuple::tuple_items(t.as_ref())
        .filter(|i| i.len() == 2)
        .ok_or_else(|| PyErr::type_error("state argument must be a tuple"))?
        .to_vec();
    let flag = crate::ops::index_value(items[1].as_ref())?.unwrap_or(0) as i64;
    let mut st = nld_state(o)?;
    st.pendingcr = flag & 1 != 0;
    *nld(o)?.state.borrow_mut() = Some(st);
    let dec = nld(o)?.decoder.borrow().clone();
    if let Some(d) = dec {
        call_meth(
            d.as_ref(),
            "setstate",
            &[new_tuple(vec![items[0].clone(), new_int_i64(flag >> 1)])],
        )?;
    }
    Ok(none())
}

fn nld_reset(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let mut st = nld_state(o)?;
    st.seen = 0;
    st.pendingcr = false;
    *nld(o)?.state.borrow_mut() = Some(st);
    let dec = nld(o)?.decoder.borrow().clone();
    if let Some(d) = dec {
        call_meth(d.as_ref(), "reset", &[])?;
    }
    Ok(none())
}

fn nld_newlines(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(newlines_obj(nld_state(o)?.seen))
}

pub(crate) fn register() {
    register_constructor(&TEXTIOWRAPPER.0, text_new);
    methods(
        &TEXTIOWRAPPER,
        &[
            ("__init__", init),
            ("write", write),
            ("read", read),
            ("readline", readline),
            ("flush", flush),
            ("close", close),
            ("tell", tell),
            ("seek", seek),
            ("truncate", truncate),
            ("detach", detach),
            ("fileno", fileno),
            ("isatty", isatty),
            ("seekable", seekable),
            ("readable", readable),
            ("writable", writable),
            ("reconfigure", reconfigure),
            ("__getstate__", getstate),
        ],
    );
    getsets(
        &TEXTIOWRAPPER,
        &[
            ("encoding", encoding_get, None),
            ("errors", errors_get, None),
            ("newlines", newlines_get, None),
            ("line_buffering", line_buffering_get, None),
            ("write_through", write_through_get, None),
            ("buffer", buffer_get, None),
            ("name", name_get, None),
            ("closed", closed_get, None),
            ("_CHUNK_SIZE", chunk_get, Some(chunk_set)),
            ("_finalizing", finalizing_get, None),
        ],
    );
    register_constructor(&NEWLINE_DECODER.0, nld_new);
    methods(
        &NEWLINE_DECODER,
        &[
            ("__init__", nld_init),
            ("decode", nld_decode),
            ("getstate", nld_getstate),
            ("setstate", nld_setstate),
            ("reset", nld_reset),
        ],
    );
    getsets(&NEWLINE_DECODER, &[("newlines", nld_newlines, None)]);
}
