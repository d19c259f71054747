//! Reading marshal data: [`loads`] and [`load_code`].

use super::*;
use crate::code::{CodeObject, CodeUnit};
use crate::constant::Const;
use dashu_int::{IBig, Sign, UBig};
use std::sync::Arc;
use taipan_common::PyStr;
use taipan_common::pystr::PyStrBuilder;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;
/// Upper bound on the values materialised (refs to containers copy them), so that a small input
/// cannot expand into an enormous tree.
const MAX_WORK: usize = 1 << 24;

/// Reads one value; trailing bytes are ignored, as `marshal.loads` ignores them.
pub fn loads(data: &[u8]) -> Result<Const, Error> {
    let mut r = Reader { data, pos: 0, refs: Vec::new(), depth: 0, work: 0 };
    r.object().map(|(v, _)| v)
}

/// Reads one value from the start of `data`, also giving how many bytes it took (what
/// `marshal.load` leaves unread in its file).
pub fn loads_prefix(data: &[u8]) -> Result<(Const, usize), Error> {
    let mut r = Reader { data, pos: 0, refs: Vec::new(), depth: 0, work: 0 };
    let (v, _) = r.object()?;
    Ok((v, r.pos))
}

/// Reads a code object (the payload of a `.pyc` after its header).
pub fn load_code(data: &[u8]) -> Result<Arc<CodeObject>, Error> {
    match loads(data)? {
        Const::Code(code) => Ok(code),
        _ => Err(Error { message: "marshal data is not a code object".into(), offset: 0 }),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Values flagged with FLAG_REF, with their size in nodes; `None` while being read.
    refs: Vec<Option<(Const, usize)>>,
    depth: usize,
    work: usize,
}

fn bad(msg: &str) -> String {
    format!("bad marshal data ({msg})")
}

impl Reader<'_> {
    fn err<T>(&self, message: impl Into<String>) -> Result<T, Error> {
        Err(Error { message: message.into(), offset: self.pos })
    }

    fn eof<T>(&self) -> Result<T, Error> {
        self.err("EOF read where object expected")
    }

    fn bytes(&mut self, n: usize) -> Result<&[u8], Error> {
        if self.data.len() - self.pos < n {
            return self.err("marshal data too short");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, Error> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => self.eof(),
        }
    }

    fn long(&mut self) -> Result<i32, Error> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A size field: non-negative and, each item taking at least `min_item` bytes, not more
    /// than the data left can hold.
    fn size(&mut self, min_item: usize, what: &str) -> Result<usize, Error> {
        let n = self.long()?;
        if n < 0 {
            return self.err(bad(&format!("{what} size out of range")));
        }
        let n = n as usize;
        if n.saturating_mul(min_item) > self.data.len() - self.pos {
            return self.err("marshal data too short");
        }
        Ok(n)
    }

    fn charge(&mut self, n: usize) -> Result<(), Error> {
        self.work = self.work.saturating_add(n);
        if self.work > MAX_WORK {
            return self.err("marshal data too complex");
        }
        Ok(())
    }

    fn float_text(&mut self) -> Result<f64, Error> {
        let n = self.byte()? as usize;
        let text = self.bytes(n)?;
        let parsed = std::str::from_utf8(text).ok().and_then(parse_float_text);
        match parsed {
            Some(v) => Ok(v),
            None => self.err(bad("invalid float")),
        }
    }

    fn binary_float(&mut self) -> Result<f64, Error> {
        let b = self.bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    fn utf8(&mut self, n: usize) -> Result<PyStr, Error> {
        let start = self.pos;
        let b = self.bytes(n)?;
        match decode_utf8_surrogatepass(b) {
            Some(s) => Ok(s),
            None => Err(Error {
                message: "bad marshal data (invalid UTF-8 string)".into(),
                offset: start,
            }),
        }
    }

    fn latin1(&mut self, n: usize) -> Result<PyStr, Error> {
        let b = self.bytes(n)?;
        Ok(match std::str::from_utf8(b) {
            Ok(s) if b.is_ascii() => PyStr::from(s),
            _ => PyStr::from_code_points(b.iter().map(|&c| c as u32)),
        })
    }

    fn int_long(&mut self) -> Result<IBig, Error> {
        let n = self.long()?;
        if n == 0 {
            return Ok(IBig::ZERO);
        }
        let size = n.unsigned_abs() as usize;
        if size.saturating_mul(2) > self.data.len() - self.pos {
            return self.err(bad("long size out of range"));
        }
        // Pack the 15-bit digits into little-endian bytes.
        let mut bytes = Vec::with_capacity(size * 2 + 1);
        let (mut acc, mut bits) = (0u32, 0u32);
        let mut last = 0;
        for _ in 0..size {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >> PYLONG_SHIFT != 0 {
                return self.err(bad("digit out of range in long"));
            }
            last = d;
            acc |= (d as u32) << bits;
            bits += PYLONG_SHIFT;
            while bits >= 8 {
                bytes.push(acc as u8);
                acc >>= 8;
                bits -= 8;
            }
        }
        if last == 0 {
            return self.err(bad("unnormalized long data"));
        }
        if bits > 0 {
            bytes.push(acc as u8);
        }
        let mag = UBig::from_le_bytes(&bytes);
        Ok(IBig::from_parts(if n < 0 { Sign::Negative } else { Sign::Positive }, mag))
    }

    fn str_field(&mut self, what: &str) -> Result<PyStr, Error> {
        match self.object()?.0 {
            Const::Str(s) => Ok(s),
            _ => self.err(bad(&format!("code object {what} is not a str"))),
        }
    }

    fn bytes_field(&mut self, what: &str) -> Result<Vec<u8>, Error> {
        match self.object()?.0 {
            Const::Bytes(b) => Ok(b),
            _ => self.err(bad(&format!("code object {what} is not bytes"))),
        }
    }

    fn tuple_field(&mut self, what: &str) -> Result<Vec<Const>, Error> {
        match self.object()?.0 {
            Const::Tuple(t) => Ok(t),
            _ => self.err(bad(&format!("code object {what} is not a tuple"))),
        }
    }

    fn str_tuple_field(&mut self, what: &str) -> Result<Vec<PyStr>, Error> {
        let items = self.tuple_field(what)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Const::Str(s) => out.push(s),
                _ => return self.err(bad(&format!("code object {what} holds a non-str"))),
            }
        }
        Ok(out)
    }

    fn code(&mut self) -> Result<CodeObject, Error> {
        let mut ints = [0i32; 5];
        for v in &mut ints {
            *v = self.long()?;
        }
        if ints.iter().any(|v| *v < 0) {
            return self.err(bad("code object counts out of range"));
        }
        let code = self.bytes_field("co_code")?;
        if code.len() % 2 != 0 {
            return self.err(bad("code object co_code has odd length"));
        }
        let consts = self.tuple_field("co_consts")?;
        let names = self.str_tuple_field("co_names")?;
        let localsplusnames = self.str_tuple_field("co_localsplusnames")?;
        let localspluskinds = self.bytes_field("co_localspluskinds")?;
        if localspluskinds.len() != localsplusnames.len() {
            return self.err(bad("code object local kinds and names differ in length"));
        }
        let filename = self.str_field("co_filename")?;
        let name = self.str_field("co_name")?;
        let qualname = self.str_field("co_qualname")?;
        let firstlineno = self.long()?;
        let linetable = self.bytes_field("co_linetable")?;
        let exceptiontable = self.bytes_field("co_exceptiontable")?;
        Ok(CodeObject {
            argcount: ints[0] as u32,
            posonlyargcount: ints[1] as u32,
            kwonlyargcount: ints[2] as u32,
            stacksize: ints[3] as u32,
            flags: ints[4] as u32,
            firstlineno,
            code: code.chunks_exact(2).map(|c| CodeUnit::new(c[0], c[1])).collect(),
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            linetable,
            exceptiontable,
        })
    }

    /// Reads `n` values, returning them and their total size in nodes.
    fn items(&mut self, n: usize) -> Result<(Vec<Const>, usize), Error> {
        let mut out = Vec::with_capacity(n);
        let mut weight = 1;
        for _ in 0..n {
            let (v, w) = self.object()?;
            out.push(v);
            weight += w;
        }
        Ok((out, weight))
    }

    /// One value and its size in nodes.
    fn object(&mut self) -> Result<(Const, usize), Error> {
        if self.depth >= MAX_DEPTH {
            return self.err("recursion limit exceeded");
        }
        self.depth += 1;
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self) -> Result<(Const, usize), Error> {
        let start = self.pos;
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let slot = if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let (value, weight) = match ty {
            TYPE_NULL => {
                return Err(Error {
                    message: bad("NULL object in marshal data for object"),
                    offset: start,
                });
            }
            TYPE_NONE => (Const::None, 1),
            TYPE_FALSE => (Const::Bool(false), 1),
            TYPE_TRUE => (Const::Bool(true), 1),
            TYPE_STOPITER => (Const::StopIteration, 1),
            TYPE_ELLIPSIS => (Const::Ellipsis, 1),
            TYPE_INT => (Const::Int(IBig::from(self.long()?)), 1),
            TYPE_INT64 => {
                let b = self.bytes(8)?;
                (Const::Int(IBig::from(i64::from_le_bytes(b.try_into().expect("8 bytes")))), 1)
            }
            TYPE_LONG => (Const::Int(self.int_long()?), 1),
            TYPE_FLOAT => (Const::Float(self.float_text()?), 1),
            TYPE_BINARY_FLOAT => (Const::Float(self.binary_float()?), 1),
            TYPE_COMPLEX => {
                let re = self.float_text()?;
                (Const::Complex { re, im: self.float_text()? }, 1)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.binary_float()?;
                (Const::Complex { re, im: self.binary_float()? }, 1)
            }
            TYPE_STRING => {
                let n = self.size(1, "bytes object")?;
                (Const::Bytes(self.bytes(n)?.to_vec()), 1)
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size(1, "string")?;
                (Const::Str(self.utf8(n)?), 1)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.size(1, "string")?;
                (Const::Str(self.latin1(n)?), 1)
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.byte()? as usize;
                (Const::Str(self.latin1(n)?), 1)
            }
            TYPE_TUPLE | TYPE_SMALL_TUPLE => {
                let n =
                    if ty == TYPE_TUPLE { self.size(1, "tuple")? } else { self.byte()? as usize };
                let (items, w) = self.items(n)?;
                (Const::Tuple(items), w)
            }
            TYPE_LIST => {
                let n = self.size(1, "list")?;
                let (items, w) = self.items(n)?;
                (Const::List(items), w)
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.size(1, "set")?;
                let (items, w) = self.items(n)?;
                (if ty == TYPE_SET { Const::Set(items) } else { Const::FrozenSet(items) }, w)
            }
            TYPE_DICT => {
                let mut items = Vec::new();
                let mut w = 1;
                loop {
                    if self.data.get(self.pos) == Some(&TYPE_NULL) {
                        self.pos += 1;
                        break;
                    }
                    let (k, kw) = self.object()?;
                    let (v, vw) = self.object()?;
                    items.push((k, v));
                    w += kw + vw;
                }
                (Const::Dict(items), w)
            }
            TYPE_SLICE => {
                let (a, wa) = self.object()?;
                let (b, wb) = self.object()?;
                let (c, wc) = self.object()?;
                (Const::Slice(Box::new([a, b, c])), 1 + wa + wb + wc)
            }
            TYPE_CODE => (Const::Code(Arc::new(self.code()?)), 1),
            TYPE_REF => {
                let i = self.long()?;
                let found =
                    usize::try_from(i).ok().and_then(|i| self.refs.get(i)).cloned().flatten();
                match found {
                    Some((v, w)) => {
                        self.charge(w)?;
                        (v, w)
                    }
                    None => return Err(Error { message: bad("invalid reference"), offset: start }),
                }
            }
            _ => return Err(Error { message: bad("unknown type code"), offset: start }),
        };
        self.charge(1)?;
        if let Some(i) = slot {
            self.refs[i] = Some((value.clone(), weight));
        }
        Ok((value, weight))
    }
}

/// Parses the text of a `TYPE_FLOAT` payload (Python's `repr` of a float).
fn parse_float_text(s: &str) -> Option<f64> {
    match s {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ if s.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) => s.parse().ok(),
        _ => None,
    }
}

/// Decodes UTF-8 that may encode surrogates (Python's `surrogatepass`); `None` if malformed.
pub(crate) fn decode_utf8_surrogatepass(b: &[u8]) -> Option<PyStr> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Some(PyStr::from(s));
    }
    let mut out = PyStrBuilder::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let b0 = b[i] as u32;
        let cont =
            |k: usize| b.get(i + k).filter(|c| *c & 0xc0 == 0x80).map(|c| (*c & 0x3f) as u32);
        let (c, n) = match b0 {
            0x00..=0x7f => (b0, 1),
            0xc2..=0xdf => ((b0 & 0x1f) << 6 | cont(1)?, 2),
            0xe0..=0xef => {
                let c = (b0 & 0x0f) << 12 | cont(1)? << 6 | cont(2)?;
                if c < 0x800 {
                    return None;
                }
                (c, 3)
            }
            0xf0..=0xf4 => {
                let c = (b0 & 0x07) << 18 | cont(1)? << 12 | cont(2)? << 6 | cont(3)?;
                if !(0x10000..=0x10ffff).contains(&c) {
                    return None;
                }
                (c, 4)
            }
            _ => return None,
        };
        out.push(c);
        i += n;
    }
    Some(out.finish())
}
