//! `marshal.loads`'s reader for data without code objects: it builds objects directly, so a
//! back-reference (`r`) gives the very object it names, as CPython's reader does (shared
//! items stay shared, a list or dict may contain itself). Lists, dicts and sets are
//! registered before their items are read; tuples, frozensets and slices only once complete,
//! so a reference into an unfinished one is CPython's "invalid reference". Data holding a code
//! object is read by `taipan_bytecode::marshal` instead (`Error::Code`). Truncated or corrupt
//! data is an error, never a panic.

use dashu_int::{IBig, Sign, UBig};

use crate::error::PyErr;
use crate::object::Object;
use crate::types::dict::as_dict;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

pub(crate) enum Error {
    Py(PyErr),
    /// The data holds a code object: read it the other way.
    Code,
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error::Py(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

fn bad(msg: &str) -> Error {
    Error::Py(PyErr::value_error(format!("bad marshal data ({msg})")))
}

fn eof(msg: &str) -> Error {
    Error::Py(PyErr::new(&crate::types::exceptions::EOF_ERROR, msg))
}

pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pub(crate) pos: usize,
    refs: Vec<Option<Object>>,
    depth: usize,
}

/// A float's text in the version 0/1 formats.
fn parse_float(t: &str) -> Option<f64> {
    let l = t.trim().to_ascii_lowercase();
    let (neg, body) = match l.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, l.strip_prefix('+').unwrap_or(&l)),
    };
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-')) => {
            body.parse::<f64>().ok()?
        }
        _ => return None,
    };
    Some(if neg { -v } else { v })
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0, refs: Vec::new(), depth: 0 }
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.data.len() - self.pos < n {
            return Err(eof("marshal data too short"));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(eof("EOF read where object expected")),
        }
    }

    fn long(&mut self) -> Result<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A size field: non-negative and not more than the bytes left.
    fn size(&mut self, what: &str) -> Result<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(bad(&format!("{what} size out of range")));
        }
        let n = n as usize;
        if n > self.data.len() - self.pos {
            return Err(eof("marshal data too short"));
        }
        Ok(n)
    }

    fn binary_float(&mut self) -> Result<f64> {
        let b = self.bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    fn text_float(&mut self) -> Result<f64> {
        let n = self.byte()? as usize;
        let t = self.bytes(n)?;
        std::str::from_utf8(t).ok().and_then(parse_float).ok_or_else(|| bad("invalid float"))
    }

    fn long_int(&mut self) -> Result<IBig> {
        let n = self.long()?;
        if n == 0 {
            return Ok(IBig::ZERO);
        }
        let size = n.unsigned_abs() as usize;
        if size.saturating_mul(2) > self.data.len() - self.pos {
            return Err(bad("long size out of range"));
        }
        let mut bytes = Vec::with_capacity(size * 2 + 1);
        let (mut acc, mut bits) = (0u32, 0u32);
        let mut last = 0;
        for _ in 0..size {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >> 15 != 0 {
                return Err(bad("digit out of range in long"));
            }
            last = d;
            acc |= (d as u32) << bits;
            bits += 15;
            while bits >= 8 {
                bytes.push(acc as u8);
                acc >>= 8;
                bits -= 8;
            }
        }
        if last == 0 {
            return Err(bad("unnormalized long data"));
        }
        if bits > 0 {
            bytes.push(acc as u8);
        }
        let mag = UBig::from_le_bytes(&bytes);
        Ok(IBig::from_parts(if n < 0 { Sign::Negative } else { Sign::Positive }, mag))
    }

    fn utf8(&mut self, n: usize) -> Result<Object> {
        let b = self.bytes(n)?;
        let cps = crate::builtins::codecs::io_support::decode(b, "utf-8", "surrogatepass")?;
        Ok(crate::types::str::new_str_from_code_points(&cps))
    }

    fn latin1(&mut self, n: usize) -> Result<Object> {
        let b = self.bytes(n)?;
        Ok(match std::str::from_utf8(b) {
            Ok(s) if b.is_ascii() => crate::types::str::new_str(s),
            _ => crate::types::str::new_str_from_code_points(
                &b.iter().map(|&c| c as u32).collect::<Vec<_>>(),
            ),
        })
    }

    fn items(&mut self, n: usize) -> Result<Vec<Object>> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            out.push(self.object()?);
        }
        Ok(out)
    }

    pub(crate) fn object(&mut self) -> Result<Object> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::Py(PyErr::value_error("recursion limit exceeded")));
        }
        self.depth += 1;
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    /// Registers a flagged value now (containers that may refer to themselves).
    fn early(&mut self, slot: Option<usize>, v: &Object) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    fn object_inner(&mut self) -> Result<Object> {
        use crate::types::int::{new_int, new_int_i64};
        let code = self.byte()?;
        let flag = code & 0x80 != 0;
        let ty = code & 0x7f;
        if ty == b'r' {
            let i = self.long()?;
            let found = usize::try_from(i).ok().and_then(|i| self.refs.get(i)).cloned().flatten();
            return found.ok_or_else(|| bad("invalid reference"));
        }
        let slot = if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match ty {
            b'0' => return Err(bad("NULL object in marshal data for object")),
            b'N' => crate::types::singletons::none(),
            b'F' => crate::types::bool::py_bool(false),
            b'T' => crate::types::bool::py_bool(true),
            b'.' => crate::types::singletons::ELLIPSIS.object(),
            b'S' => crate::types::exceptions::STOP_ITERATION.0.as_object().to_owned(),
            b'i' => new_int_i64(self.long()? as i64),
            b'I' => {
                let b = self.bytes(8)?;
                new_int_i64(i64::from_le_bytes(b.try_into().expect("8 bytes")))
            }
            b'l' => new_int(self.long_int()?),
            b'f' => crate::types::float::new_float(self.text_float()?),
            b'g' => crate::types::float::new_float(self.binary_float()?),
            b'x' => {
                let re = self.text_float()?;
                crate::types::complex::new_complex(re, self.text_float()?)
            }
            b'y' => {
                let re = self.binary_float()?;
                crate::types::complex::new_complex(re, self.binary_float()?)
            }
            b's' => {
                let n = self.size("bytes object")?;
                crate::types::bytes::new_bytes(self.bytes(n)?)
            }
            b'u' | b't' => {
                let n = self.size("string")?;
                let s = self.utf8(n)?;
                if ty == b't' { crate::types::str::intern_object(s) } else { s }
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if ty == b'a' || ty == b'A' {
                    self.size("string")?
                } else {
                    self.byte()? as usize
                };
                let s = self.latin1(n)?;
                if ty == b'A' || ty == b'Z' { crate::types::str::intern_object(s) } else { s }
            }
            b'(' | b')' => {
                let n = if ty == b'(' { self.size("tuple")? } else { self.byte()? as usize };
                crate::types::tuple::new_tuple(self.items(n)?)
            }
            b'[' => {
                let n = self.size("list")?;
                let list = crate::types::list::new_list(Vec::new());
                self.early(slot, &list);
                let l = crate::types::list::as_list(list.as_ref()).expect("list");
                for _ in 0..n {
                    let item = self.object()?;
                    l.append(item);
                }
                list
            }
            b'{' => {
                let dict = crate::types::dict::new_dict();
                self.early(slot, &dict);
                let d = as_dict(dict.as_ref()).expect("dict");
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.object()?;
                    let v = self.object()?;
                    d.set_item(k, v)?;
                }
                dict
            }
            b'<' => {
                let n = self.size("set")?;
                let set = crate::types::set::new_set(Vec::new())?;
                self.early(slot, &set);
                for _ in 0..n {
                    let item = self.object()?;
                    crate::types::set::as_set(set.as_ref()).expect("set").add(item)?;
                }
                set
            }
            b'>' => {
                let n = self.size("set")?;
                crate::types::set::new_frozenset(self.items(n)?)?
            }
            b':' => {
                let a = self.object()?;
                let b = self.object()?;
                let c = self.object()?;
                crate::types::slice::new_slice(a, b, c)
            }
            b'c' => return Err(Error::Code),
            _ => return Err(bad("unknown type code")),
        };
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        Ok(v)
    }
}
