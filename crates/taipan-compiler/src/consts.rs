//! A code unit's constant table (`co_consts` in the making, with CPython's constant cache
//! semantics): equal constants share a slot, where "equal" is `_PyCode_ConstantKey`'s notion —
//! same type and value, floats by their bits (so `0.0` and `-0.0` differ), NaN equal to
//! nothing, containers element by element, code objects by content. Lookups hash the constant
//! in place; no key is built.

use crate::fxhash::{FastHasher, FastMap};
use std::hash::Hasher;
use taipan_bytecode::{CodeObject, Const};

#[derive(Clone, Debug, Default)]
pub struct ConstTable {
    pub list: Vec<Const>,
    /// First slot of each hash (other slots with the same hash are found by scanning).
    index: FastMap<u64, usize>,
}

fn hash_into(c: &Const, h: &mut FastHasher) {
    match c {
        Const::None => h.write_u8(0),
        Const::Ellipsis => h.write_u8(1),
        Const::Bool(b) => {
            h.write_u8(2);
            h.write_u8(*b as u8);
        }
        Const::Int(i) => {
            h.write_u8(3);
            match i64::try_from(i) {
                Ok(v) => h.write_u64(v as u64),
                Err(_) => h.write(&i.to_le_bytes()),
            }
        }
        Const::Float(f) => {
            h.write_u8(4);
            h.write_u64(f.to_bits());
        }
        Const::Complex { re, im } => {
            h.write_u8(5);
            h.write_u64(re.to_bits());
            h.write_u64(im.to_bits());
        }
        Const::Str(s) => {
            h.write_u8(6);
            h.write(s.as_wtf8());
        }
        Const::Bytes(b) => {
            h.write_u8(7);
            h.write(b);
        }
        Const::Tuple(items) => {
            h.write_u8(8);
            h.write_usize(items.len());
            for it in items {
                hash_into(it, h);
            }
        }
        Const::FrozenSet(items) => {
            // Order-independent.
            let mut acc = 0u64;
            for it in items {
                let mut e = FastHasher::default();
                hash_into(it, &mut e);
                acc = acc.wrapping_add(e.finish());
            }
            h.write_u8(9);
            h.write_u64(acc);
        }
        Const::Slice(parts) => {
            h.write_u8(10);
            for p in parts.iter() {
                hash_into(p, h);
            }
        }
        Const::Code(code) => {
            h.write_u8(11);
            h.write(code.name.as_wtf8());
            h.write_u32(code.firstlineno as u32);
            h.write_usize(code.code.len());
            for u in &code.code {
                h.write_u8(u.op);
                h.write_u8(u.arg);
            }
            h.write(&code.linetable);
        }
        other => {
            h.write_u8(12);
            h.write(other.repr().as_bytes());
        }
    }
}

/// The hash [`ConstTable`] files a constant under.
pub fn const_hash(c: &Const) -> u64 {
    let mut h = FastHasher::default();
    hash_into(c, &mut h);
    h.finish()
}

fn code_same(a: &CodeObject, b: &CodeObject) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && a.consts.len() == b.consts.len()
        && a.consts.iter().zip(&b.consts).all(|(x, y)| const_same(x, y))
        && a.names == b.names
        && a.localsplusnames == b.localsplusnames
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
}

/// Whether two constants would share a slot in CPython's constant cache.
pub fn const_same(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Float(x), Const::Float(y)) => !x.is_nan() && x.to_bits() == y.to_bits(),
        (Const::Complex { re: a, im: b }, Const::Complex { re: c, im: d }) => {
            !(a.is_nan() || b.is_nan()) && a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_same(p, q))
        }
        (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| const_same(p, q)))
        }
        (Const::Slice(x), Const::Slice(y)) => x.iter().zip(y.iter()).all(|(p, q)| const_same(p, q)),
        (Const::Code(x), Const::Code(y)) => std::sync::Arc::ptr_eq(x, y) || code_same(x, y),
        _ => false,
    }
}

impl ConstTable {
    pub fn new(list: Vec<Const>) -> ConstTable {
        let mut t = ConstTable { list: Vec::with_capacity(list.len()), index: FastMap::default() };
        for c in list {
            let h = const_hash(&c);
            t.index.entry(h).or_insert(t.list.len());
            t.list.push(c);
        }
        t
    }

    /// The slot of an equal constant, appending `c` if there is none.
    pub fn add(&mut self, c: Const) -> usize {
        let h = const_hash(&c);
        match self.index.get(&h) {
            Some(&i) if const_same(&self.list[i], &c) => return i,
            Some(_) => {
                if let Some(i) = self.list.iter().position(|x| const_same(x, &c)) {
                    return i;
                }
            }
            None => {
                self.index.insert(h, self.list.len());
            }
        }
        self.list.push(c);
        self.list.len() - 1
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
