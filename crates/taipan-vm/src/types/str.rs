//! `str`: CPython's PEP 393 layout. The code points live inline after a small head, one, two or
//! four bytes each (the narrowest kind that fits, so equal strings have equal kinds and bytes),
//! lone surrogates included. O(1) indexing, cached hash (SipHash-1-3 over the stored bytes, as
//! CPython hashes them), a lazily cached UTF-8 form, immortal statics for `''` and the 128 ASCII
//! characters, and interning.

use std::alloc::Layout;
use std::cell::{Cell, OnceCell};
use std::ptr::NonNull;
use taipan_compiler::fxhash::FastMap;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{alloc_object, free_object, payload_ptr};
use crate::object::statics::StaticObject;
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::types::bool::py_bool;
use crate::types::singletons::not_implemented;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, HashFn, LenFn, PyType, RichCompareFn, SeqItemFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

/// The fixed part of a str's payload; `len * kind` bytes of code units follow it.
#[repr(C)]
pub struct StrHead {
    /// Length in code points.
    len: usize,
    /// Cached hash, -1 until computed (never cached in immortal statics).
    hash: Cell<isize>,
    /// Bytes per code point: 1, 2 or 4.
    kind: u8,
    /// All code points below 128.
    ascii: bool,
    /// Whether this object is the one in the intern table.
    interned: Cell<bool>,
    /// The UTF-8 form of a non-ASCII string without surrogates, made on first request.
    utf8: OnceCell<Box<str>>,
}

const HEAD_SIZE: usize = std::mem::size_of::<StrHead>();
const _: () = assert!(HEAD_SIZE.is_multiple_of(8));

// SAFETY: every str is allocated by `alloc_str` (or is one of the statics below) with a `StrHead`
// payload followed by its code units.
unsafe impl PyPayload for StrHead {
    fn type_object() -> &'static PyType {
        &STR_TYPE.0
    }
}

/// The code units of a str, by kind.
#[derive(Clone, Copy, Debug)]
pub enum StrData<'a> {
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

impl StrData<'_> {
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match self {
            StrData::Latin1(d) => d[i] as u32,
            StrData::Ucs2(d) => d[i] as u32,
            StrData::Ucs4(d) => d[i],
        }
    }

    pub fn len(&self) -> usize {
        match self {
            StrData::Latin1(d) => d.len(),
            StrData::Ucs2(d) => d.len(),
            StrData::Ucs4(d) => d.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = u32> + Clone + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }
}

/// A checked view of a str object.
#[derive(Clone, Copy)]
pub struct Str<'a> {
    obj: ObjectRef<'a>,
    head: &'a StrHead,
}

impl<'a> Str<'a> {
    /// Views `o` as a str, if it is one.
    #[inline]
    pub fn new(o: ObjectRef<'a>) -> Option<Str<'a>> {
        if o.is_small_int() || !o.type_().has_flag(TypeFlags::UNICODE_SUBCLASS) {
            return None;
        }
        // SAFETY: str or a subclass: the payload is a StrHead.
        let head = unsafe { o.payload_unchecked::<StrHead>() };
        Some(Str { obj: o, head })
    }

    pub fn object(self) -> ObjectRef<'a> {
        self.obj
    }

    #[inline]
    pub fn len(self) -> usize {
        self.head.len
    }

    pub fn is_empty(self) -> bool {
        self.head.len == 0
    }

    pub fn kind(self) -> u8 {
        self.head.kind
    }

    pub fn is_ascii(self) -> bool {
        self.head.ascii
    }

    /// Whether this object is the unique interned str of its content. The immortal statics
    /// (`''` and the ASCII characters) count: they are the only objects `intern` returns for
    /// their text.
    #[inline]
    pub fn is_interned(self) -> bool {
        self.head.interned.get() || self.obj.header().is_some_and(PyObject::is_immortal)
    }

    /// The stored code units as raw bytes (`len * kind`, native byte order).
    #[inline]
    pub fn raw_bytes(self) -> &'a [u8] {
        // SAFETY: `alloc_str` places `len * kind` initialised bytes right after the head, 8-aligned,
        // inside the object's allocation, immutable for the object's life (docs/vm.md, "str").
        unsafe {
            let p = payload_ptr::<u8>(self.obj.raw()).add(HEAD_SIZE);
            std::slice::from_raw_parts(p.as_ptr(), self.head.len * self.head.kind as usize)
        }
    }

    #[inline]
    pub fn data(self) -> StrData<'a> {
        let bytes = self.raw_bytes();
        let n = self.head.len;
        // SAFETY: the units start 8-aligned (see `raw_bytes`) and there are exactly `n` of them.
        unsafe {
            match self.head.kind {
                1 => StrData::Latin1(bytes),
                2 => StrData::Ucs2(std::slice::from_raw_parts(bytes.as_ptr().cast::<u16>(), n)),
                _ => StrData::Ucs4(std::slice::from_raw_parts(bytes.as_ptr().cast::<u32>(), n)),
            }
        }
    }

    /// The code point at `i` (which must be in range).
    #[inline]
    pub fn char_at(self, i: usize) -> u32 {
        self.data().get(i)
    }

    /// The string as `&str`, unless it holds a lone surrogate.
    pub fn as_str(self) -> Option<&'a str> {
        if self.head.ascii {
            // SAFETY: an ASCII str's units are bytes below 128, which are valid UTF-8.
            return Some(unsafe { std::str::from_utf8_unchecked(self.raw_bytes()) });
        }
        if let Some(s) = self.head.utf8.get() {
            return Some(s);
        }
        let mut out = String::with_capacity(self.head.len * 2);
        for c in self.data().iter() {
            out.push(char::from_u32(c)?);
        }
        if self.obj.header().is_some_and(PyObject::is_immortal) {
            // Immortal statics are never written; they are all ASCII anyway.
            return None;
        }
        Some(self.head.utf8.get_or_init(|| out.into_boxed_str()))
    }

    /// The string with lone surrogates replaced by U+FFFD.
    pub fn to_string_lossy(self) -> String {
        match self.as_str() {
            Some(s) => s.to_owned(),
            None => self.data().iter().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect(),
        }
    }

    /// `hash(s)`, computed once and cached.
    #[inline]
    pub fn hash(self) -> isize {
        let h = self.head.hash.get();
        if h != -1 {
            return h;
        }
        if self.obj.header().is_some_and(PyObject::is_immortal) {
            // The statics are never written: their hashes live in a process-wide table.
            return static_str_hash(self.raw_bytes());
        }
        let h = crate::hash::hash_bytes(self.raw_bytes());
        self.head.hash.set(h);
        h
    }

    /// Content equality.
    pub fn content_eq(self, other: Str<'_>) -> bool {
        self.obj.is(other.obj)
            || (self.head.len == other.head.len
                && self.head.kind == other.head.kind
                && self.raw_bytes() == other.raw_bytes())
    }

    /// Code point order.
    pub fn content_cmp(self, other: Str<'_>) -> std::cmp::Ordering {
        if self.head.kind == 1 && other.head.kind == 1 {
            return self.raw_bytes().cmp(other.raw_bytes());
        }
        self.data().iter().cmp(other.data().iter())
    }

    /// The index of the first occurrence of `needle` at or after `start`.
    pub fn find(self, needle: Str<'_>, start: usize) -> Option<usize> {
        let (h, n) = (self.data(), needle.data());
        if n.len() > h.len() {
            return None;
        }
        if n.is_empty() {
            return (start <= h.len()).then_some(start);
        }
        if let (StrData::Latin1(hb), StrData::Latin1(nb)) = (h, n) {
            return hb[start.min(hb.len())..]
                .windows(nb.len())
                .position(|w| w == nb)
                .map(|p| p + start);
        }
        (start..=h.len() - n.len()).find(|&i| (0..n.len()).all(|j| h.get(i + j) == n.get(j)))
    }
}

/// Which kind a set of code points needs, and whether it is ASCII.
fn kind_for(max: u32) -> (u8, bool) {
    match max {
        0..=0x7f => (1, true),
        0x80..=0xff => (1, false),
        0x100..=0xffff => (2, false),
        _ => (4, false),
    }
}

/// Allocates a str of `len` code points of `kind`, head written, units uninitialised; returns the
/// object and a pointer to its units.
pub(crate) fn alloc_str(len: usize, kind: u8, ascii: bool) -> (NonNull<PyObject>, NonNull<u8>) {
    alloc_str_of_type(&STR_TYPE.0, len, kind, ascii)
}

/// `alloc_str` for `str` or a Python subclass of it.
fn alloc_str_of_type(
    ty: &PyType,
    len: usize,
    kind: u8,
    ascii: bool,
) -> (NonNull<PyObject>, NonNull<u8>) {
    let bytes = len.checked_mul(kind as usize).expect("str too long");
    let layout = Layout::from_size_align(HEAD_SIZE + bytes, 8).expect("str too long");
    let obj = alloc_object(ty, layout);
    let head = StrHead {
        len,
        hash: Cell::new(-1),
        kind,
        ascii,
        interned: Cell::new(false),
        utf8: OnceCell::new(),
    };
    // SAFETY: the allocation has room for the head and `bytes` bytes after it.
    unsafe {
        payload_ptr::<StrHead>(obj).write(head);
        (obj, payload_ptr::<u8>(obj).add(HEAD_SIZE))
    }
}

/// A copy of the str `s` whose type is `ty`, a Python subclass of `str`.
pub fn str_of_type(ty: &PyType, s: ObjectRef<'_>) -> Option<Object> {
    let src = Str::new(s)?;
    // SAFETY: `s` is a str: a StrHead followed by `len * kind` bytes (docs/vm.md, "str").
    let (len, kind, ascii) = unsafe {
        let h = s.payload_unchecked::<StrHead>();
        (h.len, h.kind, h.ascii)
    };
    let _ = src;
    let (obj, data) = alloc_str_of_type(ty, len, kind, ascii);
    // SAFETY: both allocations hold `len * kind` bytes of units after their heads; the new
    // object is fully initialised once they are copied.
    unsafe {
        let from = payload_ptr::<u8>(s.raw()).add(HEAD_SIZE);
        std::ptr::copy_nonoverlapping(from.as_ptr(), data.as_ptr(), len * kind as usize);
        Some(Object::from_raw(obj))
    }
}

/// Deallocates a str.
///
/// # Safety
/// Called only by the deallocation path on a dead str made by `alloc_str`.
unsafe fn str_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the payload is a StrHead followed by `len * kind` bytes; drop the head, then free
    // with the layout `alloc_str` used.
    unsafe {
        let head = payload_ptr::<StrHead>(obj);
        let bytes = head.as_ref().len * head.as_ref().kind as usize;
        std::ptr::drop_in_place(head.as_ptr());
        free_object(obj, Layout::from_size_align_unchecked(HEAD_SIZE + bytes, 8));
    }
}

/// Builds a str from code points (surrogates allowed), in the narrowest kind.
pub fn new_str_from_code_points(cps: &[u32]) -> Object {
    let max = cps.iter().copied().max().unwrap_or(0);
    debug_assert!(max <= 0x10ffff);
    if cps.is_empty() {
        return EMPTY_STR.object();
    }
    if cps.len() == 1 && max < 128 {
        return ASCII_CHARS[max as usize].object();
    }
    let (kind, ascii) = kind_for(max);
    let (obj, units) = alloc_str(cps.len(), kind, ascii);
    // SAFETY: `units` has room for `cps.len()` units of `kind`, 8-aligned, and is ours alone.
    unsafe {
        match kind {
            1 => {
                for (i, &c) in cps.iter().enumerate() {
                    units.add(i).write(c as u8);
                }
            }
            2 => {
                let p = units.cast::<u16>();
                for (i, &c) in cps.iter().enumerate() {
                    p.add(i).write(c as u16);
                }
            }
            _ => {
                let p = units.cast::<u32>();
                for (i, &c) in cps.iter().enumerate() {
                    p.add(i).write(c);
                }
            }
        }
        Object::from_raw(obj)
    }
}

/// Builds a str from Rust text.
pub fn new_str(s: &str) -> Object {
    if s.is_ascii() {
        if s.is_empty() {
            return EMPTY_STR.object();
        }
        if s.len() == 1 {
            return ASCII_CHARS[s.as_bytes()[0] as usize].object();
        }
        let (obj, units) = alloc_str(s.len(), 1, true);
        // SAFETY: room for `s.len()` bytes, ours alone.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), units.as_ptr(), s.len());
            return Object::from_raw(obj);
        }
    }
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    new_str_from_code_points(&cps)
}

/// Builds a str from a `taipan_common::PyStr` (a constant from the compiler).
pub fn new_str_from_pystr(s: &taipan_common::pystr::PyStr) -> Object {
    match s.as_str() {
        Some(t) => new_str(t),
        None => new_str_from_code_points(&s.code_points().collect::<Vec<_>>()),
    }
}

/// The Rust text of a str object (lossy for lone surrogates), `None` for other objects.
pub fn str_to_string(o: ObjectRef<'_>) -> Option<String> {
    Str::new(o).map(Str::to_string_lossy)
}

/// Builds a str from Latin-1 code units (each byte one code point).
pub fn new_str_from_latin1(b: &[u8]) -> Object {
    if b.is_empty() {
        return EMPTY_STR.object();
    }
    let ascii = b.is_ascii();
    if b.len() == 1 && ascii {
        return ASCII_CHARS[b[0] as usize].object();
    }
    let (obj, units) = alloc_str(b.len(), 1, ascii);
    // SAFETY: room for `b.len()` one-byte units, ours alone.
    unsafe {
        std::ptr::copy_nonoverlapping(b.as_ptr(), units.as_ptr(), b.len());
        Object::from_raw(obj)
    }
}

/// `s[start:end]` for `start <= end <= len(s)` (the whole string itself when it is exact).
pub fn str_substring(s: Str<'_>, start: usize, end: usize) -> Object {
    if start == 0 && end == s.len() && std::ptr::eq(s.obj.type_(), &STR_TYPE.0) {
        return s.obj.to_owned();
    }
    match s.data() {
        StrData::Latin1(b) => {
            let b = &b[start..end];
            if s.is_ascii() { new_str_from_ascii(b) } else { new_str_from_latin1(b) }
        }
        StrData::Ucs2(u) => new_str_from_ucs2(&u[start..end]),
        StrData::Ucs4(u) => new_str_from_code_points(&u[start..end]),
    }
}

/// Builds a str from bytes known to be ASCII (no scan).
pub fn new_str_from_ascii(b: &[u8]) -> Object {
    debug_assert!(b.is_ascii());
    match b {
        [] => EMPTY_STR.object(),
        [c] => ASCII_CHARS[*c as usize].object(),
        _ => {
            let (obj, units) = alloc_str(b.len(), 1, true);
            // SAFETY: room for `b.len()` one-byte units, ours alone.
            unsafe {
                std::ptr::copy_nonoverlapping(b.as_ptr(), units.as_ptr(), b.len());
                Object::from_raw(obj)
            }
        }
    }
}

/// Builds a str from UCS-2 units (narrowed to Latin-1 when they all fit).
pub fn new_str_from_ucs2(u: &[u16]) -> Object {
    let max = u.iter().copied().max().unwrap_or(0);
    if max < 0x100 {
        let b: Vec<u8> = u.iter().map(|&c| c as u8).collect();
        return new_str_from_latin1(&b);
    }
    let (obj, units) = alloc_str(u.len(), 2, false);
    // SAFETY: room for `u.len()` two-byte units, 8-aligned, ours alone.
    unsafe {
        std::ptr::copy_nonoverlapping(u.as_ptr(), units.cast::<u16>().as_ptr(), u.len());
        Object::from_raw(obj)
    }
}

/// `s[start:stop:step]`, with already-adjusted indices and the resulting length.
pub fn str_slice(s: Str<'_>, start: isize, step: isize, n: usize) -> Object {
    if step == 1 && start == 0 && n == s.len() && std::ptr::eq(s.obj.type_(), &STR_TYPE.0) {
        return s.obj.to_owned();
    }
    if step == 1 {
        let start = start as usize;
        return str_substring(s, start, start + n);
    }
    let d = s.data();
    if let StrData::Latin1(b) = d {
        let out: Vec<u8> = (0..n).map(|i| b[(start + i as isize * step) as usize]).collect();
        return new_str_from_latin1(&out);
    }
    let cps: Vec<u32> = (0..n).map(|i| d.get((start + i as isize * step) as usize)).collect();
    new_str_from_code_points(&cps)
}

fn str_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let s = Str::new(o).expect("str_repr on a str");
    // Printable ASCII without quotes or backslashes (most reprs): the text in single quotes,
    // with no code-point walk.
    if s.is_ascii() {
        let b = s.raw_bytes();
        if b.iter().all(|&c| (b' '..=b'~').contains(&c) && c != b'\'' && c != b'\\') {
            let mut out = Vec::with_capacity(b.len() + 2);
            out.push(b'\'');
            out.extend_from_slice(b);
            out.push(b'\'');
            return Ok(new_str_from_ascii(&out));
        }
    }
    Ok(new_str(&taipan_common::repr::repr_code_points(s.data().iter())))
}

fn str_str(o: ObjectRef<'_>) -> PyResult<Object> {
    let s = Str::new(o).expect("str");
    if std::ptr::eq(o.type_(), &STR_TYPE.0) {
        Ok(o.to_owned())
    } else {
        Ok(crate::types::str_build::join_strs(None, &[s])?)
    }
}

fn str_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    Ok(Str::new(o).expect("str").hash())
}

fn str_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (Str::new(a), Str::new(b)) else { return Ok(not_implemented()) };
    Ok(py_bool(match op {
        CompareOp::Eq => x.content_eq(y),
        CompareOp::Ne => !x.content_eq(y),
        _ => op.matches(x.content_cmp(y)),
    }))
}

fn str_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(Str::new(o).expect("str").len())
}

/// `s[i]` with a negative index already allowed for: a one-character string.
fn str_item(o: ObjectRef<'_>, i: isize) -> PyResult<Object> {
    let s = Str::new(o).expect("str");
    if i < 0 || i as usize >= s.len() {
        return Err(PyErr::index_error("string index out of range"));
    }
    let c = s.char_at(i as usize);
    Ok(if c < 128 { ASCII_CHARS[c as usize].object() } else { new_str_from_code_points(&[c]) })
}

fn str_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let s = Str::new(o).expect("str");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(s.len())?;
        return Ok(str_slice(s, start, step, n));
    }
    match crate::ops::index_value(key)? {
        Some(i) => {
            let i = if i < 0 { i + s.len() as isize } else { i };
            str_item(o, i)
        }
        None => Err(PyErr::type_error(format!(
            "string indices must be integers, not '{}'",
            key.type_().name()
        ))),
    }
}

fn str_concat(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let x = Str::new(a).expect("str");
    let Some(y) = Str::new(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_().name()
        )));
    };
    if y.is_empty() && std::ptr::eq(a.type_(), &STR_TYPE.0) {
        return Ok(a.to_owned());
    }
    if x.is_empty() && std::ptr::eq(b.type_(), &STR_TYPE.0) {
        return Ok(b.to_owned());
    }
    crate::types::str_build::concat2(x, y)
}

/// `a + b` for a str `a` the caller owns: when that is the only reference to an exact, mortal,
/// uninterned str at least as wide as `b`, `b` is appended in place (the object may move); else
/// a new str. Nothing can observe the old value: with one reference held by the caller, no other
/// object, cache or table refers to `a` (docs/vm.md, "str", in-place append).
pub fn concat_owned(a: Object, b: ObjectRef<'_>) -> PyResult<Object> {
    let Some(x) = Str::new(a.as_ref()) else {
        return crate::ops::binary_op(a.as_ref(), b, crate::ops::BinOp::Add);
    };
    let Some(y) = Str::new(b) else { return str_concat(a.as_ref(), b) };
    if !(std::ptr::eq(a.type_(), &STR_TYPE.0)
        && a.refcnt() == Some(1)
        && !x.head.interned.get()
        && !x.is_empty()
        && !y.is_empty()
        && y.kind() <= x.kind())
    {
        return str_concat(a.as_ref(), b);
    }
    let (old_len, kind) = (x.len(), x.kind());
    let new_len = old_len
        .checked_add(y.len())
        .filter(|n| *n <= (isize::MAX as usize - 64) / kind as usize)
        .ok_or_else(PyErr::memory_error)?;
    let ascii = x.is_ascii() && y.is_ascii();
    let k = kind as usize;
    let raw = a.into_raw();
    // SAFETY: `raw` is the only reference to a heap str (refcount 1, exact type, not interned, not
    // immortal) and `x` is no longer used, so no borrow of its payload is alive while it moves;
    // the old and new layouts are the ones `alloc_str` would use for `old_len` and `new_len`
    // units; `b` is a different object (the caller's reference to `a` is the only one, and `b`
    // is borrowed from a reference of its own), so its data stays valid across the move.
    unsafe {
        let old = Layout::from_size_align_unchecked(HEAD_SIZE + old_len * k, 8);
        let new = Layout::from_size_align_unchecked(HEAD_SIZE + new_len * k, 8);
        let obj = crate::object::alloc::realloc_object(raw, old, new);
        let head = payload_ptr::<StrHead>(obj).as_ptr();
        (*head).len = new_len;
        (*head).hash.set(-1);
        (*head).ascii = ascii;
        drop((*head).utf8.take());
        let units = payload_ptr::<u8>(obj).add(HEAD_SIZE);
        crate::types::str_build::write_units(y.data(), units, kind, old_len);
        Ok(Object::from_raw(obj))
    }
}

fn str_repeat(a: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let s = Str::new(a).expect("str");
    if n <= 0 || s.is_empty() {
        return Ok(EMPTY_STR.object());
    }
    if n == 1 && std::ptr::eq(a.type_(), &STR_TYPE.0) {
        return Ok(a.to_owned());
    }
    let total = s
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("repeated string is too long"))?;
    if total > isize::MAX as usize / 4 {
        return Err(PyErr::memory_error());
    }
    let _ = total;
    crate::types::str_build::repeat(s, n as usize)
}

fn str_contains(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<bool> {
    let s = Str::new(a).expect("str");
    let Some(n) = Str::new(b) else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.type_().name()
        )));
    };
    Ok(s.find(n, 0).is_some())
}

/// Interned strings by content, one table per storage kind (1, 2 or 4 bytes per code point;
/// a str's kind is the narrowest that fits, so equal texts have equal kinds and equal raw
/// bytes). Keyed by the raw bytes so that Rust text can be looked up without making a str
/// first. Interpreter-wide, under the GIL.
static INTERNED: crate::gil::GilLazy<std::cell::RefCell<[FastMap<Box<[u8]>, Object>; 3]>> =
    crate::gil::GilLazy::new(|| std::cell::RefCell::new(Default::default()));

/// The intern table index of a str kind (1, 2, 4).
#[inline]
fn kind_table(kind: u8) -> usize {
    match kind {
        1 => 0,
        2 => 1,
        _ => 2,
    }
}

/// The interned str with the content of `o` (a str): the one object every intern of equal text
/// returns. The table holds a strong reference (interned strings are not immortal here).
pub fn intern_object(o: Object) -> Object {
    let s = Str::new(o.as_ref()).expect("intern of a str");
    if s.is_interned() || o.as_ref().header().is_none_or(PyObject::is_immortal) {
        return o;
    }
    let table = kind_table(s.kind());
    if let Some(found) = INTERNED.with(|t| t.borrow()[table].get(s.raw_bytes()).cloned()) {
        return found;
    }
    let key: Box<[u8]> = s.raw_bytes().into();
    s.head.interned.set(true);
    INTERNED.with(|t| t.borrow_mut()[table].insert(key, o.clone()));
    o
}

/// The interned str of a string literal: made once, then cloned from a static at the call site
/// (no hashing, no table lookup). Statics are never dropped (the intern table keeps the str
/// alive anyway).
#[macro_export]
macro_rules! interned {
    ($s:literal) => {{
        static NAME: $crate::gil::GilLazy<$crate::object::Object> =
            $crate::gil::GilLazy::new(|| $crate::types::str::intern($s));
        $crate::object::Object::clone(&NAME)
    }};
}

/// Interns Rust text. ASCII text already interned is found without making a str.
pub fn intern(s: &str) -> Object {
    if s.is_ascii() && s.len() > 1 {
        if let Some(found) = INTERNED.with(|t| t.borrow()[0].get(s.as_bytes()).cloned()) {
            return found;
        }
    }
    intern_object(new_str(s))
}

pub static STR_TYPE: StaticType = StaticType(PyType::new_static(
    "str",
    Some(&crate::types::object::OBJECT_TYPE.0),
    HEAD_SIZE,
    1,
    TypeFlags::BASETYPE.union(TypeFlags::UNICODE_SUBCLASS),
    13,
    str_dealloc,
    None,
    Slots {
        iter: slot(crate::types::iter::STR_ITER),
        repr: slot(str_repr as UnaryFn),
        str: slot(str_str as UnaryFn),
        hash: slot(str_hash as HashFn),
        richcompare: slot(str_richcompare as RichCompareFn),
        sq_length: slot(str_len as LenFn),
        sq_concat: slot(str_concat as BinaryFn),
        sq_repeat: slot(str_repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        sq_item: slot(str_item as SeqItemFn),
        sq_contains: slot(str_contains as ContainsFn),
        mp_length: slot(str_len as LenFn),
        mp_subscript: slot(str_subscript as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

/// An immortal static str of `N` Latin-1 units, laid out like a heap str.
#[repr(C)]
pub struct StaticStr<const N: usize> {
    head: StrHead,
    data: [u8; N],
}

const fn static_str<const N: usize>(data: [u8; N]) -> StaticObject<StaticStr<N>> {
    StaticObject::new(
        &STR_TYPE.0,
        StaticStr {
            head: StrHead {
                len: N,
                hash: Cell::new(-1),
                kind: 1,
                ascii: true,
                interned: Cell::new(false),
                utf8: OnceCell::new(),
            },
            data,
        },
    )
}

/// The hashes of the immortal strs (`''` and the 128 one-character ASCII strings), computed
/// once with the process's hash secret; index 128 is `''`.
static STATIC_STR_HASHES: std::sync::OnceLock<[isize; 129]> = std::sync::OnceLock::new();

/// The hash of an immortal static str, whose bytes are `data` (empty or one ASCII byte).
fn static_str_hash(data: &[u8]) -> isize {
    let table = STATIC_STR_HASHES.get_or_init(|| {
        let mut t = [0isize; 129];
        for (i, h) in t.iter_mut().enumerate().take(128) {
            *h = crate::hash::hash_bytes(&[i as u8]);
        }
        t[128] = crate::hash::hash_bytes(&[]);
        t
    });
    match data {
        [] => table[128],
        [b] if *b < 128 => table[*b as usize],
        _ => crate::hash::hash_bytes(data),
    }
}

/// `''`.
pub static EMPTY_STR: StaticObject<StaticStr<0>> = static_str([]);

/// The one-character strings of the ASCII range, shared like CPython's Latin-1 singletons.
pub static ASCII_CHARS: [StaticObject<StaticStr<1>>; 128] = {
    let mut i = 0;
    let mut out = [const { static_str([0]) }; 128];
    while i < 128 {
        // `replace` + `forget`: const evaluation cannot run the old element's destructor.
        std::mem::forget(std::mem::replace(&mut out[i], static_str([i as u8])));
        i += 1;
    }
    out
};
