//! CPython 3.14's abstract syntax tree.
//!
//! [`nodes`] holds the node types, generated from the oracle's `ast` module; this file holds the
//! leaf types they share (locations, identifiers, constants) and [`dump`] renders a tree exactly
//! as `ast.dump(tree, include_attributes=..., indent=...)` does; [`generic`] is the view the
//! bridge to Python's `ast` objects uses.

pub mod dump;
#[rustfmt::skip]
mod dump_gen;
pub mod generic;
#[rustfmt::skip]
mod generic_gen;
#[rustfmt::skip]
pub mod nodes;

pub use dump::{DumpOptions, dump};
pub use nodes::*;
pub use taipan_common::PyStr;

/// An identifier (NFKC-normalised, as CPython stores names).
pub type Identifier = Box<str>;

/// A node's source range as CPython reports it: 1-based lines, 0-based columns counted in UTF-8
/// bytes from the start of the line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Loc {
    pub const fn new(lineno: u32, col_offset: u32, end_lineno: u32, end_col_offset: u32) -> Loc {
        Loc { lineno, col_offset, end_lineno, end_col_offset }
    }

    /// The range from the start of `self` to the end of `end`.
    pub const fn to(self, end: Loc) -> Loc {
        Loc {
            lineno: self.lineno,
            col_offset: self.col_offset,
            end_lineno: end.end_lineno,
            end_col_offset: end.end_col_offset,
        }
    }
}

/// The value of a `Constant` node (and of `MatchSingleton`).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// A non-negative integer literal (a minus sign is a `UnaryOp`).
    Int(dashu_int::UBig),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Box<[u8]>),
    Ellipsis,
    /// Only produced by constant folding, never by the parser.
    Tuple(Vec<Constant>),
}

impl Constant {
    /// Python's `repr` of the value, as `ast.dump` prints it.
    pub fn repr(&self) -> String {
        use taipan_common::repr;
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => repr::repr_float(*f),
            Constant::Complex { real, imag } => repr::repr_complex(*real, *imag),
            Constant::Str(s) => s.repr(),
            Constant::Bytes(b) => repr::repr_bytes(b),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
        }
    }
}
