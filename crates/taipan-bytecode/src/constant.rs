//! [`Const`]: the values a code object's `co_consts` holds, and more generally every value
//! marshal can carry, with Python's `repr` of each.

use crate::code::CodeObject;
use dashu_int::IBig;
use dashu_int::ops::{BitTest, UnsignedAbs};
use std::fmt::Write;
use std::sync::Arc;
use taipan_common::PyStr;
use taipan_common::repr::{repr_bytes, repr_complex, repr_float};

/// A constant. Code objects' constants use `None` through `Slice`; marshal can also carry the
/// mutable containers and `StopIteration` (the exception class), kept for a faithful reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Ellipsis,
    Bool(bool),
    Int(IBig),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    /// Elements in marshal order (CPython's set iteration order when written by CPython).
    FrozenSet(Vec<Const>),
    Code(Arc<CodeObject>),
    /// `slice(start, stop, step)`; 3.14 folds constant subscripts like `x[1:2]` into one.
    Slice(Box<[Const; 3]>),
    /// `StopIteration`, the class (marshal type `S`).
    StopIteration,
    List(Vec<Const>),
    Set(Vec<Const>),
    Dict(Vec<(Const, Const)>),
}

impl Const {
    pub fn int(v: i64) -> Const {
        Const::Int(IBig::from(v))
    }

    pub fn str(s: &str) -> Const {
        Const::Str(PyStr::from(s))
    }

    /// Python's `repr` of the value. A code object shows as CPython shows it, with its address
    /// taken from the `Arc`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Const::None => out.push_str("None"),
            Const::Ellipsis => out.push_str("Ellipsis"),
            Const::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Const::Int(i) => write_int(out, i),
            Const::Float(f) => out.push_str(&repr_float(*f)),
            Const::Complex { re, im } => out.push_str(&repr_complex(*re, *im)),
            Const::Str(s) => out.push_str(&s.repr()),
            Const::Bytes(b) => out.push_str(&repr_bytes(b)),
            Const::Tuple(items) => {
                out.push('(');
                write_items(out, items);
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Const::FrozenSet(items) => {
                if items.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    out.push_str("frozenset({");
                    write_items(out, items);
                    out.push_str("})");
                }
            }
            Const::Code(code) => out.push_str(&code.repr()),
            Const::Slice(parts) => {
                out.push_str("slice(");
                write_items(out, &parts[..]);
                out.push(')');
            }
            Const::StopIteration => out.push_str("<class 'StopIteration'>"),
            Const::List(items) => {
                out.push('[');
                write_items(out, items);
                out.push(']');
            }
            Const::Set(items) => {
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    write_items(out, items);
                    out.push('}');
                }
            }
            Const::Dict(items) => {
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
        }
    }
}

/// CPython's default `sys.get_int_max_str_digits()`.
const INT_MAX_STR_DIGITS: usize = 4300;

/// `repr(int)`; past CPython's limit on decimal digits, where `repr` raises `ValueError`, a
/// placeholder with that error's message (so huge marshalled ints cannot make `dis` crawl).
fn write_int(out: &mut String, i: &IBig) {
    // 4300 decimal digits need at most 14284 bits; skip the conversion well past that.
    let too_big = i.unsigned_abs().bit_len() > 14_400 || {
        let text = i.to_string();
        let digits = text.len() - text.starts_with('-') as usize;
        if digits <= INT_MAX_STR_DIGITS {
            out.push_str(&text);
            return;
        }
        true
    };
    if too_big {
        write!(
            out,
            "<ValueError: Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion>"
        )
        .unwrap();
    }
}

fn write_items(out: &mut String, items: &[Const]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        item.write_repr(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        let t = Const::Tuple(vec![Const::int(1), Const::str("a'"), Const::Float(2.0)]);
        assert_eq!(t.repr(), "(1, \"a'\", 2.0)");
        assert_eq!(Const::Tuple(vec![Const::None]).repr(), "(None,)");
        assert_eq!(Const::Tuple(vec![]).repr(), "()");
        assert_eq!(Const::FrozenSet(vec![]).repr(), "frozenset()");
        let s = Const::Slice(Box::new([Const::int(1), Const::None, Const::int(-2)]));
        assert_eq!(s.repr(), "slice(1, None, -2)");
        assert_eq!(Const::Complex { re: 0.0, im: 1.0 }.repr(), "1j");
        assert_eq!(Const::Bytes(b"x\x00".to_vec()).repr(), "b'x\\x00'");
        let big = Const::Int(IBig::from(10).pow(4299));
        assert_eq!(big.repr().len(), 4300);
        let huge = Const::Int(-IBig::from(10).pow(4300));
        assert!(huge.repr().starts_with("<ValueError"));
    }
}
