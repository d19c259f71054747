//! Writing marshal data: [`dumps`] and [`dump_code`].
//!
//! The output need not be byte-identical to CPython's, only loadable by it. Interned strings
//! (names, and constants made of name characters, as CPython interns them) are written once
//! and referred back to; code objects are flagged so a repeated `Arc` is written once.

use super::*;
use crate::code::CodeObject;
use crate::constant::Const;
use dashu_int::{IBig, Sign};
use std::collections::HashMap;
use taipan_common::PyStr;

/// Marshals a value.
pub fn dumps(value: &Const) -> Vec<u8> {
    let mut w = Writer::default();
    w.value(value);
    w.out
}

/// Marshals a code object (what follows a `.pyc` header).
pub fn dump_code(code: &CodeObject) -> Vec<u8> {
    let mut w = Writer::default();
    w.code(code);
    w.out
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    strings: HashMap<PyStr, u32>,
    codes: HashMap<*const CodeObject, u32>,
    nrefs: u32,
}

/// CPython interns string constants made only of ASCII letters, digits and underscores.
fn looks_like_name(s: &PyStr) -> bool {
    s.as_wtf8().iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

impl Writer {
    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        self.long(i32::try_from(n).unwrap_or(i32::MAX));
    }

    fn new_ref(&mut self) -> u32 {
        self.nrefs += 1;
        self.nrefs - 1
    }

    fn str(&mut self, s: &PyStr, interned: bool) {
        if interned {
            if let Some(&i) = self.strings.get(s) {
                self.out.push(TYPE_REF);
                self.long(i as i32);
                return;
            }
            let i = self.new_ref();
            self.strings.insert(s.clone(), i);
        }
        let flag = if interned { FLAG_REF } else { 0 };
        let b = s.as_wtf8();
        if b.is_ascii() {
            if b.len() < 256 {
                let ty = if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII };
                self.out.push(ty | flag);
                self.out.push(b.len() as u8);
            } else {
                let ty = if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII };
                self.out.push(ty | flag);
                self.size(b.len());
            }
        } else {
            // WTF-8 with each surrogate encoded on its own is exactly Python's
            // UTF-8 "surrogatepass" encoding.
            self.out.push(if interned { TYPE_INTERNED } else { TYPE_UNICODE } | flag);
            self.size(b.len());
        }
        self.out.extend_from_slice(b);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.out.push(TYPE_STRING);
        self.size(b.len());
        self.out.extend_from_slice(b);
    }

    fn int(&mut self, v: &IBig) {
        if let Ok(small) = i32::try_from(v) {
            self.out.push(TYPE_INT);
            self.long(small);
            return;
        }
        let (sign, mag) = v.clone().into_parts();
        let bytes = mag.to_le_bytes();
        let mut digits = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        for &b in bytes.iter() {
            acc |= (b as u32) << bits;
            bits += 8;
            while bits >= PYLONG_SHIFT {
                digits.push((acc & 0x7fff) as u16);
                acc >>= PYLONG_SHIFT;
                bits -= PYLONG_SHIFT;
            }
        }
        if bits > 0 {
            digits.push(acc as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.out.push(TYPE_LONG);
        let n = digits.len() as i32;
        self.long(if sign == Sign::Negative { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn seq(&mut self, items: &[Const]) {
        for item in items {
            self.value(item);
        }
    }

    fn value(&mut self, v: &Const) {
        match v {
            Const::None => self.out.push(TYPE_NONE),
            Const::Ellipsis => self.out.push(TYPE_ELLIPSIS),
            Const::StopIteration => self.out.push(TYPE_STOPITER),
            Const::Bool(b) => self.out.push(if *b { TYPE_TRUE } else { TYPE_FALSE }),
            Const::Int(i) => self.int(i),
            Const::Float(f) => {
                self.out.push(TYPE_BINARY_FLOAT);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Const::Complex { re, im } => {
                self.out.push(TYPE_BINARY_COMPLEX);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Const::Str(s) => self.str(s, looks_like_name(s)),
            Const::Bytes(b) => self.bytes(b),
            Const::Tuple(items) => {
                if items.len() < 256 {
                    self.out.push(TYPE_SMALL_TUPLE);
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(TYPE_TUPLE);
                    self.size(items.len());
                }
                self.seq(items);
            }
            Const::List(items) => {
                self.out.push(TYPE_LIST);
                self.size(items.len());
                self.seq(items);
            }
            Const::Set(items) | Const::FrozenSet(items) => {
                self.out.push(if matches!(v, Const::Set(_)) { TYPE_SET } else { TYPE_FROZENSET });
                self.size(items.len());
                self.seq(items);
            }
            Const::Dict(items) => {
                self.out.push(TYPE_DICT);
                for (k, v) in items {
                    self.value(k);
                    self.value(v);
                }
                self.out.push(TYPE_NULL);
            }
            Const::Slice(parts) => {
                self.out.push(TYPE_SLICE);
                self.seq(&parts[..]);
            }
            Const::Code(code) => self.code(code),
        }
    }

    fn str_tuple(&mut self, items: &[PyStr]) {
        if items.len() < 256 {
            self.out.push(TYPE_SMALL_TUPLE);
            self.out.push(items.len() as u8);
        } else {
            self.out.push(TYPE_TUPLE);
            self.size(items.len());
        }
        for s in items {
            self.str(s, true);
        }
    }

    fn code(&mut self, code: &CodeObject) {
        let key = code as *const CodeObject;
        if let Some(&i) = self.codes.get(&key) {
            self.out.push(TYPE_REF);
            self.long(i as i32);
            return;
        }
        let i = self.new_ref();
        self.codes.insert(key, i);
        self.out.push(TYPE_CODE | FLAG_REF);
        for v in
            [code.argcount, code.posonlyargcount, code.kwonlyargcount, code.stacksize, code.flags]
        {
            self.long(v as i32);
        }
        self.bytes(&code.code_bytes());
        self.out.push(if code.consts.len() < 256 { TYPE_SMALL_TUPLE } else { TYPE_TUPLE });
        if code.consts.len() < 256 {
            self.out.push(code.consts.len() as u8);
        } else {
            self.size(code.consts.len());
        }
        self.seq(&code.consts);
        self.str_tuple(&code.names);
        self.str_tuple(&code.localsplusnames);
        self.bytes(&code.localspluskinds);
        self.str(&code.filename, true);
        self.str(&code.name, true);
        self.str(&code.qualname, true);
        self.long(code.firstlineno);
        self.bytes(&code.linetable);
        self.bytes(&code.exceptiontable);
    }
}
