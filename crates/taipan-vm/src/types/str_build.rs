//! Building `str` objects with one exact-size allocation: concatenation of known pieces
//! (`a + b`, `BUILD_STRING`, `str.join`, repetition) sizes the result and picks its kind first,
//! then copies the units straight into the new object; `StrBuilder` accumulates code points of
//! unknown count in the narrowest unit width seen so far (widening on demand) for formatting and
//! case mapping; `a += b` on a str nobody else holds grows it in place.

use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::str::{
    ASCII_CHARS, EMPTY_STR, STR_TYPE, Str, StrData, alloc_str, new_str_from_latin1,
};

/// The largest code-unit count a str of `kind` may have (CPython's limit: the byte size must fit
/// in a `Py_ssize_t` together with the head).
fn max_units(kind: u8) -> usize {
    (isize::MAX as usize - 64) / kind as usize
}

/// Copies the units of `src` into the unit array `dst` of width `kind` (at least `src`'s width),
/// starting at unit `at`.
///
/// # Safety
/// `dst` points to a fresh str's unit array of `kind`-byte units with room for `at + src.len()`
/// units, and `kind` is at least the width of `src`'s units.
#[inline]
pub(crate) unsafe fn write_units(src: StrData<'_>, dst: NonNull<u8>, kind: u8, at: usize) {
    // SAFETY: per the contract, every write stays inside the unit array; widening copies convert
    // unit by unit, narrowing never happens.
    unsafe {
        match (src, kind) {
            (StrData::Latin1(s), 1) => {
                std::ptr::copy_nonoverlapping(s.as_ptr(), dst.as_ptr().add(at), s.len())
            }
            (StrData::Latin1(s), 2) => {
                let p = dst.cast::<u16>().as_ptr().add(at);
                for (i, &c) in s.iter().enumerate() {
                    p.add(i).write(c as u16);
                }
            }
            (StrData::Latin1(s), _) => {
                let p = dst.cast::<u32>().as_ptr().add(at);
                for (i, &c) in s.iter().enumerate() {
                    p.add(i).write(c as u32);
                }
            }
            (StrData::Ucs2(s), 2) => std::ptr::copy_nonoverlapping(
                s.as_ptr(),
                dst.cast::<u16>().as_ptr().add(at),
                s.len(),
            ),
            (StrData::Ucs2(s), _) => {
                debug_assert_eq!(kind, 4);
                let p = dst.cast::<u32>().as_ptr().add(at);
                for (i, &c) in s.iter().enumerate() {
                    p.add(i).write(c as u32);
                }
            }
            (StrData::Ucs4(s), _) => {
                debug_assert_eq!(kind, 4);
                std::ptr::copy_nonoverlapping(
                    s.as_ptr(),
                    dst.cast::<u32>().as_ptr().add(at),
                    s.len(),
                )
            }
        }
    }
}

/// The concatenation of `parts` with `sep` between consecutive ones (`None`: no separator), as a
/// new exact str made with one allocation. `parts` are strs (checked by the caller).
pub fn join_strs(sep: Option<Str<'_>>, parts: &[Str<'_>]) -> PyResult<Object> {
    join_impl(sep, parts.len(), |i| parts[i])
}

/// The join of the `count` pieces `part(0)`, `part(1)`, ... with `sep` between them.
#[inline]
fn join_impl<'a>(
    sep: Option<Str<'_>>,
    count: usize,
    part: impl Fn(usize) -> Str<'a>,
) -> PyResult<Object> {
    let mut total: usize = 0;
    let mut kind = 1u8;
    let mut ascii = true;
    for i in 0..count {
        let p = part(i);
        total = total.checked_add(p.len()).ok_or_else(too_long)?;
        kind = kind.max(p.kind());
        ascii &= p.is_ascii();
    }
    if let Some(s) = sep
        && count > 1
    {
        let n = s.len().checked_mul(count - 1).ok_or_else(too_long)?;
        total = total.checked_add(n).ok_or_else(too_long)?;
        kind = kind.max(s.kind());
        ascii &= s.is_ascii();
    }
    if total == 0 {
        return Ok(EMPTY_STR.object());
    }
    if total > max_units(kind) {
        return Err(PyErr::memory_error());
    }
    if total == 1 && ascii {
        let one = (0..count).map(&part).find(|p| !p.is_empty()).or(sep).expect("a unit");
        return Ok(ASCII_CHARS[one.char_at(0) as usize].object());
    }
    let (obj, units) = alloc_str(total, kind, ascii);
    let mut at = 0;
    // SAFETY: the object was made with room for `total` units of `kind`, the widest kind of the
    // pieces; the pieces' lengths add up to `total` (docs/vm.md, "str").
    unsafe {
        for i in 0..count {
            let p = part(i);
            if i > 0
                && let Some(s) = sep
            {
                write_units(s.data(), units, kind, at);
                at += s.len();
            }
            write_units(p.data(), units, kind, at);
            at += p.len();
        }
        debug_assert_eq!(at, total);
        Ok(Object::from_raw(obj))
    }
}

fn too_long() -> PyErr {
    PyErr::overflow_error("join() result is too long for a Python string")
}

/// `a + b` for two strs (the first an exact str or a subclass): one allocation.
pub fn concat2(a: Str<'_>, b: Str<'_>) -> PyResult<Object> {
    join_strs(None, &[a, b])
}

/// `s * n` for `n >= 2` and a non-empty `s`: one allocation, the first copy doubled in place.
pub fn repeat(s: Str<'_>, n: usize) -> PyResult<Object> {
    let total = s
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("repeated string is too long"))?;
    let kind = s.kind();
    if total > max_units(kind) {
        return Err(PyErr::memory_error());
    }
    let (obj, units) = alloc_str(total, kind, s.is_ascii());
    let k = kind as usize;
    // SAFETY: the new object has room for `total` units of `kind`; each copy reads units already
    // written and writes after them, inside the array.
    unsafe {
        write_units(s.data(), units, kind, 0);
        let mut done = s.len();
        while done < total {
            let n = done.min(total - done);
            std::ptr::copy_nonoverlapping(units.as_ptr(), units.as_ptr().add(done * k), n * k);
            done += n;
        }
        Ok(Object::from_raw(obj))
    }
}

/// Code points collected one piece at a time in the narrowest unit width needed so far, turned
/// into a str by `finish` (one copy into an exact-size object).
pub struct StrBuilder {
    buf: Buf,
    ascii: bool,
}

enum Buf {
    Latin1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

impl Default for StrBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl StrBuilder {
    pub fn new() -> Self {
        StrBuilder { buf: Buf::Latin1(Vec::new()), ascii: true }
    }

    pub fn with_capacity(n: usize) -> Self {
        StrBuilder { buf: Buf::Latin1(Vec::with_capacity(n)), ascii: true }
    }

    pub fn len(&self) -> usize {
        match &self.buf {
            Buf::Latin1(v) => v.len(),
            Buf::Ucs2(v) => v.len(),
            Buf::Ucs4(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes the buffer at least `kind` bytes wide.
    #[cold]
    fn widen(&mut self, kind: u8) {
        self.buf = match std::mem::replace(&mut self.buf, Buf::Latin1(Vec::new())) {
            Buf::Latin1(v) if kind == 2 => Buf::Ucs2(v.iter().map(|&c| c as u16).collect()),
            Buf::Latin1(v) => Buf::Ucs4(v.iter().map(|&c| c as u32).collect()),
            Buf::Ucs2(v) if kind == 4 => Buf::Ucs4(v.iter().map(|&c| c as u32).collect()),
            other => other,
        };
    }

    /// Appends one code point (surrogates allowed).
    #[inline]
    pub fn push(&mut self, c: u32) {
        if c >= 0x80 {
            self.ascii = false;
        }
        match &mut self.buf {
            Buf::Latin1(v) if c < 0x100 => v.push(c as u8),
            Buf::Ucs2(v) if c < 0x10000 => v.push(c as u16),
            Buf::Ucs4(v) => v.push(c),
            _ => {
                self.widen(if c < 0x10000 { 2 } else { 4 });
                self.push(c);
            }
        }
    }

    /// Appends ASCII bytes (the caller guarantees they are ASCII).
    #[inline]
    pub fn push_ascii(&mut self, b: &[u8]) {
        debug_assert!(b.is_ascii());
        match &mut self.buf {
            Buf::Latin1(v) => v.extend_from_slice(b),
            Buf::Ucs2(v) => v.extend(b.iter().map(|&c| c as u16)),
            Buf::Ucs4(v) => v.extend(b.iter().map(|&c| c as u32)),
        }
    }

    /// Appends Rust text.
    pub fn push_str(&mut self, s: &str) {
        if s.is_ascii() {
            self.push_ascii(s.as_bytes());
        } else {
            for c in s.chars() {
                self.push(c as u32);
            }
        }
    }

    /// Appends code units (any slice: its widest unit is looked for, so the result keeps the
    /// narrowest kind).
    pub fn push_data(&mut self, d: StrData<'_>) {
        let max = match d {
            StrData::Latin1(b) => {
                if !b.is_ascii() {
                    self.ascii = false;
                }
                if let Buf::Latin1(v) = &mut self.buf {
                    return v.extend_from_slice(b);
                }
                return self.extend_units(b.iter().map(|&c| c as u32));
            }
            StrData::Ucs2(u) => u.iter().copied().max().unwrap_or(0) as u32,
            StrData::Ucs4(u) => u.iter().copied().max().unwrap_or(0),
        };
        self.prepare(max);
        self.extend_units(d.iter());
    }

    /// Appends a whole str object's text (its kind is the narrowest: no scan needed).
    #[inline]
    pub fn push_obj(&mut self, s: Str<'_>) {
        match s.data() {
            d @ StrData::Latin1(_) => self.push_data(d),
            StrData::Ucs2(u) => {
                self.prepare(0xffff);
                match &mut self.buf {
                    Buf::Ucs2(v) => v.extend_from_slice(u),
                    _ => self.extend_units(u.iter().map(|&c| c as u32)),
                }
            }
            StrData::Ucs4(u) => {
                self.prepare(0x10ffff);
                if let Buf::Ucs4(v) = &mut self.buf {
                    v.extend_from_slice(u);
                }
            }
        }
    }

    /// Widens the buffer (and clears the ASCII flag) for code points up to `max`.
    #[inline]
    fn prepare(&mut self, max: u32) {
        if max >= 0x80 {
            self.ascii = false;
        }
        let need = if max < 0x100 {
            1
        } else if max < 0x10000 {
            2
        } else {
            4
        };
        let have = match self.buf {
            Buf::Latin1(_) => 1,
            Buf::Ucs2(_) => 2,
            Buf::Ucs4(_) => 4,
        };
        if need > have {
            self.widen(need);
        }
    }

    /// Appends units that fit the buffer's current width.
    #[inline]
    fn extend_units(&mut self, it: impl Iterator<Item = u32>) {
        match &mut self.buf {
            Buf::Latin1(v) => v.extend(it.map(|c| c as u8)),
            Buf::Ucs2(v) => v.extend(it.map(|c| c as u16)),
            Buf::Ucs4(v) => v.extend(it),
        }
    }

    /// Appends the decimal digits of `n`.
    pub fn push_i64(&mut self, n: i64) {
        let mut tmp = [0u8; 20];
        self.push_ascii(format_i64(n, &mut tmp));
    }

    /// The collected code points as bytes (for a bytes format, whose pieces are all below 256).
    pub fn into_latin1(self) -> Vec<u8> {
        match self.buf {
            Buf::Latin1(v) => v,
            Buf::Ucs2(v) => v.iter().map(|&c| c as u8).collect(),
            Buf::Ucs4(v) => v.iter().map(|&c| c as u8).collect(),
        }
    }

    /// The str of the collected code points.
    pub fn finish(self) -> Object {
        match self.buf {
            Buf::Latin1(v) if self.ascii => crate::types::str::new_str_from_ascii(&v),
            Buf::Latin1(v) => new_str_from_latin1(&v),
            Buf::Ucs2(v) => units_to_str(StrData::Ucs2(&v), 2),
            // Widened only for a code point that needs it: the kind is the narrowest.
            Buf::Ucs4(v) => units_to_str(StrData::Ucs4(&v), 4),
        }
    }
}

/// A str of exactly the units `d` (which need `kind`, non-empty).
fn units_to_str(d: StrData<'_>, kind: u8) -> Object {
    let (obj, units) = alloc_str(d.len(), kind, false);
    // SAFETY: room for `d.len()` units of `kind`, which is `d`'s own width.
    unsafe {
        write_units(d, units, kind, 0);
        Object::from_raw(obj)
    }
}

/// Writes the decimal digits of `n` at the end of `buf` and returns them.
#[inline]
pub fn format_i64(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let neg = n < 0;
    let mut u = n.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if neg {
        // i64::MIN has 19 digits: there is always room for the sign.
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

/// `str(n)` for an `i64`: the digits written straight into a new str.
pub fn str_from_i64(n: i64) -> Object {
    if (0..10).contains(&n) {
        return ASCII_CHARS[b'0' as usize + n as usize].object();
    }
    let mut tmp = [0u8; 20];
    let d = format_i64(n, &mut tmp);
    let (obj, units) = alloc_str(d.len(), 1, true);
    // SAFETY: room for `d.len()` one-byte units.
    unsafe {
        std::ptr::copy_nonoverlapping(d.as_ptr(), units.as_ptr(), d.len());
        Object::from_raw(obj)
    }
}

/// Whether `o` is an exact str (not a subclass).
#[inline]
pub fn is_exact_str(o: ObjectRef<'_>) -> bool {
    std::ptr::eq(o.type_(), &STR_TYPE.0)
}

/// `a += b` compiled as `BINARY_OP +=` followed by `STORE_FAST target`, when `a` is an exact str
/// and `b` a str: the local about to be overwritten releases its reference first (it is
/// overwritten by the store anyway, as CPython's specialised instruction does), so that a str
/// held only by that local grows in place. `Err(a)` hands `a` back for any other operands.
pub fn inplace_concat_for_store(
    a: Object,
    b: ObjectRef<'_>,
    target: &mut Option<Object>,
) -> Result<PyResult<Object>, Object> {
    if !is_exact_str(a.as_ref()) || Str::new(b).is_none() {
        return Err(a);
    }
    if target.as_ref().is_some_and(|t| t.is(&a)) {
        drop(target.take());
    }
    Ok(crate::types::str::concat_owned(a, b))
}

/// `BUILD_STRING`: the concatenation of the pieces (all strs, as the compiler emits them), with
/// one allocation.
pub fn build_string(items: &[Object]) -> PyResult<Object> {
    if items.iter().any(|it| Str::new(it.as_ref()).is_none()) {
        return Err(PyErr::type_error("BUILD_STRING of a non-str"));
    }
    join_objects(None, items)
}

/// `sep.join(items)` (no separator for `None`) for items already checked to be strs.
pub fn join_objects(sep: Option<Str<'_>>, items: &[Object]) -> PyResult<Object> {
    join_impl(sep, items.len(), |i| Str::new(items[i].as_ref()).expect("checked to be a str"))
}

/// A new ASCII str of `len` bytes written by `fill` (which must write ASCII only).
pub fn ascii_str_with(len: usize, fill: impl FnOnce(&mut [u8])) -> Object {
    if len == 0 {
        return EMPTY_STR.object();
    }
    if len == 1 {
        let mut b = [0u8];
        fill(&mut b);
        return ASCII_CHARS[(b[0] & 0x7f) as usize].object();
    }
    let (obj, units) = alloc_str(len, 1, true);
    // SAFETY: the fresh object has `len` one-byte units, ours alone; they are zeroed before the
    // slice is formed so `fill` sees initialised bytes.
    unsafe {
        std::ptr::write_bytes(units.as_ptr(), 0, len);
        fill(std::slice::from_raw_parts_mut(units.as_ptr(), len));
        let obj = Object::from_raw(obj);
        debug_assert!(Str::new(obj.as_ref()).is_some_and(|s| s.raw_bytes().is_ascii()));
        obj
    }
}

/// `format(v, spec)` without building the spec's text, for the common cases that need no
/// `__format__` lookup: an exact str with an empty spec is itself, an exact int (tagged or small)
/// with an empty spec is its decimal digits. `None`: take the general path.
#[inline]
pub fn format_fast(v: ObjectRef<'_>, spec: Option<ObjectRef<'_>>) -> Option<Object> {
    if let Some(sp) = spec
        && !Str::new(sp).is_some_and(|s| s.is_empty())
    {
        return None;
    }
    if let Some(n) = v.small_int() {
        return Some(str_from_i64(n));
    }
    if is_exact_str(v) {
        return Some(v.to_owned());
    }
    if std::ptr::eq(v.type_(), &crate::types::int::INT_TYPE.0)
        && let Some(crate::types::int::IntVal::Small(n)) = crate::types::int::int_value(v)
    {
        return Some(str_from_i64(n));
    }
    None
}
