//! The `_sre` module: the native half of the `re` package. `re/_compiler.py` turns a pattern
//! into SRE code words and calls `_sre.compile`; matching runs those words on the matcher of
//! the `rustpython-sre_engine` crate (its opcode numbering and `MAGIC` are CPython 3.14's).
//!
//! This file owns the module functions (`compile`, `template`, the case helpers, the
//! constants), the subject strings (str, bytes and the other bytes-like objects, as the engine
//! sees them) and the one entry point to the engine ([`run`]). The types are in
//! `sre_pattern.rs` (`re.Pattern`), `sre_match.rs` (`re.Match`) and `sre_scanner.rs`
//! (`SRE_Scanner`, `SRE_Template`).

use rustpython_sre_engine::engine::{Request, State};
use rustpython_sre_engine::string::lower_ascii;
use rustpython_sre_engine::{SRE_MAGIC, StrDrive};
use rustpython_wtf8::{Wtf8, Wtf8Buf};
use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::bytes_data;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, StrData};

use super::sre_pattern::{PatternPayload, new_pattern};

/// `_sre.CODESIZE`: bytes per code word.
pub const CODESIZE: i64 = 4;
/// `_sre.MAXREPEAT`: the "no upper bound" repeat count (a code word's largest value).
pub const MAXREPEAT: u32 = u32::MAX;
/// `_sre.MAXGROUPS`.
pub const MAXGROUPS: i64 = (u32::MAX / 2) as i64;

/// A subject being matched: the object (kept alive, and sliced for groups) and its characters
/// in the form the engine reads. Latin-1 strs and bytes are read in place; other bytes-like
/// objects are copied; wider strs are re-encoded as WTF-8 (lone surrogates included).
pub(crate) struct Subject {
    pub obj: Object,
    /// Length in characters (bytes for a bytes-like subject).
    pub len: usize,
    pub is_bytes: bool,
    copied: Option<Vec<u8>>,
    wide: Option<Wtf8Buf>,
    /// The matcher's state, kept from one match to the next so that its cursor moves forward
    /// from where it was instead of re-walking a wide (variable-width) text from its start.
    state: RefCell<State>,
}

/// The engine's view of a subject.
pub(crate) enum View<'a> {
    Narrow(&'a [u8]),
    Wide(&'a Wtf8),
}

impl Subject {
    /// The subject `o` (CPython's `getstring`): a str, or an object exposing bytes.
    pub fn new(o: ObjectRef<'_>) -> PyResult<Subject> {
        if let Some(s) = Str::new(o) {
            let wide = match s.data() {
                StrData::Latin1(_) => None,
                data => Some(wtf8_of(data)),
            };
            return Ok(Subject {
                obj: o.to_owned(),
                len: s.len(),
                is_bytes: false,
                copied: None,
                wide,
                state: RefCell::default(),
            });
        }
        if let Some(b) = bytes_data(o) {
            return Ok(Subject {
                obj: o.to_owned(),
                len: b.len(),
                is_bytes: true,
                copied: None,
                wide: None,
                state: RefCell::default(),
            });
        }
        let copied = crate::types::bytearray::bytearray_data(o)
            .or_else(|| crate::types::memoryview::memoryview_bytes(o));
        match copied {
            Some(c) => Ok(Subject {
                obj: o.to_owned(),
                len: c.len(),
                is_bytes: true,
                copied: Some(c),
                wide: None,
                state: RefCell::default(),
            }),
            None => Err(PyErr::type_error(format!(
                "expected string or bytes-like object, got '{}'",
                o.type_().name()
            ))),
        }
    }

    /// The same subject without the re-encoded text (what a match keeps: it only slices).
    pub fn share(&self) -> Subject {
        Subject {
            obj: self.obj.clone(),
            len: self.len,
            is_bytes: self.is_bytes,
            copied: self.copied.clone(),
            wide: None,
            state: RefCell::default(),
        }
    }

    pub fn view(&self) -> View<'_> {
        if let Some(w) = &self.wide {
            return View::Wide(w);
        }
        if let Some(c) = &self.copied {
            return View::Narrow(c);
        }
        if let Some(s) = Str::new(self.obj.as_ref()) {
            return View::Narrow(s.raw_bytes());
        }
        View::Narrow(bytes_data(self.obj.as_ref()).unwrap_or(&[]))
    }

    /// `subject[start:end]` as CPython's `getslice`: an exact str for a str, bytes for any
    /// bytes-like subject.
    pub fn slice(&self, start: usize, end: usize) -> Object {
        // The whole of an exact str or bytes is the subject itself.
        let t = self.obj.type_();
        if start == 0
            && end == self.len
            && (std::ptr::eq(t, &crate::types::str::STR_TYPE.0)
                || std::ptr::eq(t, &crate::types::bytes::BYTES_TYPE.0))
        {
            return self.obj.clone();
        }
        if let Some(s) = Str::new(self.obj.as_ref()) {
            return crate::types::str::str_substring(s, start, end);
        }
        match self.view() {
            View::Narrow(b) => crate::types::bytes::new_bytes(&b[start..end]),
            View::Wide(_) => crate::types::bytes::new_bytes(&[]),
        }
    }

    /// The empty str or bytes of the subject's kind (the joiner of `sub` and `split`).
    pub fn empty(&self) -> Object {
        if self.is_bytes {
            crate::types::bytes::new_bytes(&[])
        } else {
            crate::types::str::new_str("")
        }
    }
}

/// Encodes code points as (generalised) WTF-8, one sequence per code point, so that a lone
/// surrogate pair stays two characters as in a CPython str.
fn wtf8_of(data: StrData<'_>) -> Wtf8Buf {
    let mut out: Vec<u8> = Vec::with_capacity(data.len() * 2);
    for c in data.iter() {
        match c {
            0..0x80 => out.push(c as u8),
            0x80..0x800 => out.extend([0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]),
            0x800..0x10000 => out.extend([
                0xe0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
            _ => out.extend([
                0xf0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3f) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
        }
    }
    // SAFETY: the bytes are the generalised UTF-8 encoding of code points below 0x110000, one
    // well-formed sequence each, which is what `Wtf8`'s decoder (and the engine's drive) reads;
    // the only WTF-8 rule not kept (a surrogate pair encoded as two sequences) does not affect
    // decoding one code point at a time.
    unsafe { Wtf8Buf::from_bytes_unchecked(out) }
}

/// How [`run`] anchors the match.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Match,
    FullMatch,
    Search,
}

/// A successful match: `marks[2*g]`, `marks[2*g+1]` is group `g`'s span (-1 when the group did
/// not take part), group 0 being the whole match; `lastindex` is -1 when no group closed.
#[derive(Clone)]
pub(crate) struct Found {
    pub marks: Vec<isize>,
    pub lastindex: isize,
}

impl Found {
    pub fn start(&self) -> usize {
        self.marks[0] as usize
    }

    pub fn end(&self) -> usize {
        self.marks[1] as usize
    }
}

fn run_on<S: StrDrive>(
    state: &mut State,
    s: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
    groups: usize,
) -> Option<Found> {
    let req = Request {
        string: s,
        start: pos,
        end: endpos,
        pattern_codes: code,
        match_all: mode == Mode::FullMatch,
        must_advance,
    };
    state.reset(&req, pos);
    let ok = match mode {
        Mode::Search => state.search(req),
        _ => state.py_match(&req),
    };
    if !ok {
        return None;
    }
    let mut marks = Vec::with_capacity(2 * (groups + 1));
    marks.push(state.start as isize);
    marks.push(state.cursor.position as isize);
    for g in 0..groups {
        let (a, b) = state.marks.get(g);
        match (a.into_option(), b.into_option()) {
            (Some(a), Some(b)) if a <= b => marks.extend([a as isize, b as isize]),
            _ => marks.extend([-1, -1]),
        }
    }
    let lastindex = state.marks.last_index();
    Some(Found { marks, lastindex: if lastindex > groups as isize { -1 } else { lastindex } })
}

/// Runs `pattern` on `subject[pos:endpos]` (already clamped). A malformed program (only
/// reachable by calling `_sre.compile` by hand) raises RuntimeError instead of panicking.
pub(crate) fn run(
    pattern: &PatternPayload,
    subject: &Subject,
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    if pos > endpos {
        return Ok(None);
    }
    let code = &pattern.code;
    let groups = pattern.groups;
    // No Python code runs inside the matcher, so the state is never borrowed twice.
    // `sre_validate` keeps malformed code from the matcher; catching a panic of the matcher
    // crate is a second line for dev builds only (release builds abort on a panic).
    let mut state = subject.state.borrow_mut();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match subject.view() {
        View::Narrow(b) => run_on(&mut state, b, code, pos, endpos, mode, must_advance, groups),
        View::Wide(w) => run_on(&mut state, w, code, pos, endpos, mode, must_advance, groups),
    }));
    r.map_err(|_| {
        *state = State::default();
        PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "invalid SRE code")
    })
}

/// Clamps `pos`/`endpos` to `0..=len` as CPython's `state_init` does.
pub(crate) fn clamp(pos: isize, endpos: isize, len: usize) -> (usize, usize) {
    let c = |v: isize| if v < 0 { 0 } else { (v as usize).min(len) };
    (c(pos), c(endpos))
}

/// An argument list parsed by name: CPython's argument-clinic messages for `name(...)`.
pub(crate) fn parse_args(
    fname: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Object>>> {
    let bound = Args::new(args, kw).bind(fname, names, required)?;
    Ok(bound.into_iter().map(|o| o.cloned()).collect())
}

/// An index-sized integer argument (`pos`, `count`, ...), CPython's messages otherwise.
pub(crate) fn isize_arg(o: ObjectRef<'_>) -> PyResult<isize> {
    let v = match crate::ops::index_via_slot(o)? {
        Some(i) => i,
        None => o.to_owned(),
    };
    match crate::types::int::int_value(v.as_ref()) {
        Some(crate::types::int::IntVal::Small(i)) => isize::try_from(i)
            .map_err(|_| PyErr::overflow_error("Python int too large to convert to C ssize_t")),
        Some(crate::types::int::IntVal::Big(_)) => {
            Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))),
    }
}

/// A code point argument of the case helpers.
fn char_arg(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<u32> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    let v = crate::ops::index_value(args[0].as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        ))
    })?;
    Ok(u32::try_from(v).unwrap_or(u32::MAX))
}

/// CPython's `_PyUnicode_ToLowercase`: the first character of the full lowercase mapping
/// (so the compiler sees the same case data as `str.lower`, Unicode 16).
fn uni_lower(c: u32) -> u32 {
    let mut out = Vec::with_capacity(3);
    taipan_common::unicode::push_lower(c, &mut out);
    out.first().copied().unwrap_or(c)
}

/// CPython's `_PyUnicode_ToUppercase`: the first character of the full uppercase mapping
/// (`ß` gives `S`, which is why `ß` counts as cased).
fn uni_upper(c: u32) -> u32 {
    let mut out = Vec::with_capacity(3);
    taipan_common::unicode::push_upper(c, &mut out);
    out.first().copied().unwrap_or(c)
}

fn ascii_iscased(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = char_arg("ascii_iscased", args, kw)?;
    Ok(py_bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = char_arg("unicode_iscased", args, kw)?;
    Ok(py_bool(c != uni_lower(c) || c != uni_upper(c)))
}

fn ascii_tolower(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = char_arg("ascii_tolower", args, kw)?;
    Ok(new_int_i64(lower_ascii(c) as i64))
}

fn unicode_tolower(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = char_arg("unicode_tolower", args, kw)?;
    Ok(new_int_i64(uni_lower(c) as i64))
}

fn getcodesize(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("getcodesize", 0, 0)?;
    Ok(new_int_i64(CODESIZE))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"];
    let v = parse_args("compile", args, kw, &names, 6)?;
    let v: Vec<Object> = v.into_iter().map(|o| o.expect("required")).collect();
    let flags = isize_arg(v[1].as_ref())?;
    let Some(items) = crate::types::list::as_list(v[2].as_ref()).map(|l| l.to_vec()) else {
        return Err(PyErr::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            v[2].type_().name()
        )));
    };
    let mut code = Vec::with_capacity(items.len());
    for it in &items {
        let n = crate::types::int::int_value(it.as_ref()).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                it.type_().name()
            ))
        })?;
        match n {
            crate::types::int::IntVal::Small(v) if (0..=u32::MAX as i64).contains(&v) => {
                code.push(v as u32)
            }
            _ => {
                return Err(PyErr::overflow_error("regular expression code size limit exceeded"));
            }
        }
    }
    let groups = isize_arg(v[3].as_ref())?.max(0) as usize;
    for (i, what, ok) in [
        (4, "dict", crate::types::dict::as_dict(v[4].as_ref()).is_some()),
        (5, "tuple", crate::types::tuple::tuple_items(v[5].as_ref()).is_some()),
    ] {
        if !ok {
            return Err(PyErr::type_error(format!(
                "compile() argument '{}' must be {what}, not {}",
                names[i],
                v[i].type_().name()
            )));
        }
    }
    if !super::sre_validate::valid(&code, groups) {
        return Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "invalid SRE code"));
    }
    if super::sre_validate::has_lazy_empty_repeat(&code) {
        return Err(PyErr::new(
            &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
            "a lazy repeat of a group that can match the empty string is not supported by \
             Taipan's re engine yet",
        ));
    }
    new_pattern(v[0].clone(), flags as u32, code, groups, v[4].clone(), v[5].clone())
}

/// Makes the `_sre` module.
pub fn make_module() -> PyResult<Object> {
    super::sre_pattern::register();
    super::sre_match::register();
    super::sre_scanner::register();
    let m = new_module("_sre");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 7] = [
        ("compile", compile),
        ("template", super::sre_scanner::template),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
    ];
    for (n, f) in &fns {
        d.set_str(n, new_builtin_function(n, *f))?;
    }
    d.set_str("MAGIC", new_int_i64(SRE_MAGIC as i64))?;
    d.set_str("CODESIZE", new_int_i64(CODESIZE))?;
    d.set_str("MAXREPEAT", new_int_i64(MAXREPEAT as i64))?;
    d.set_str("MAXGROUPS", new_int_i64(MAXGROUPS))?;
    d.set_str(
        "copyright",
        crate::types::str::new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    )?;
    Ok(m)
}
