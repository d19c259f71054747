//! The code object: every `co_*` attribute CPython 3.14's `types.CodeType` has, the views derived
//! from them (`co_varnames`, `co_cellvars`, `co_freevars`, `co_nlocals`, `co_lines()`,
//! `co_positions()`), and the `CO_*` flag and `CO_FAST_*` local-kind constants.

use crate::constant::Const;
use crate::linetable::{self, LineRange, Positions};
use std::sync::Arc;
use taipan_common::PyStr;

// co_flags bits (Include/cpython/code.h; `inspect.CO_*`).
pub const CO_OPTIMIZED: u32 = 0x1;
pub const CO_NEWLOCALS: u32 = 0x2;
pub const CO_VARARGS: u32 = 0x4;
pub const CO_VARKEYWORDS: u32 = 0x8;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;
pub const CO_NOFREE: u32 = 0x40;
pub const CO_COROUTINE: u32 = 0x80;
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
pub const CO_ASYNC_GENERATOR: u32 = 0x200;
pub const CO_HAS_DOCSTRING: u32 = 0x400_0000;
pub const CO_METHOD: u32 = 0x800_0000;
// __future__ flags that may also appear in co_flags.
pub const CO_FUTURE_DIVISION: u32 = 0x2_0000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x4_0000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x8_0000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x10_0000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x20_0000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x80_0000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;

/// The names `dis.pretty_flags` gives the flag bits.
pub const FLAG_NAMES: [(u32, &str); 12] = [
    (CO_OPTIMIZED, "OPTIMIZED"),
    (CO_NEWLOCALS, "NEWLOCALS"),
    (CO_VARARGS, "VARARGS"),
    (CO_VARKEYWORDS, "VARKEYWORDS"),
    (CO_NESTED, "NESTED"),
    (CO_GENERATOR, "GENERATOR"),
    (CO_NOFREE, "NOFREE"),
    (CO_COROUTINE, "COROUTINE"),
    (CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
    (CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    (CO_HAS_DOCSTRING, "HAS_DOCSTRING"),
    (CO_METHOD, "METHOD"),
];

// Kinds of the fast locals (`co_localspluskinds` bytes; Include/internal/pycore_code.h).
/// A positional parameter (positional-only, positional-or-keyword, or `*args`).
pub const CO_FAST_ARG_POS: u8 = 0x02;
/// A keyword parameter (keyword-only, positional-or-keyword, or `**kwargs`).
pub const CO_FAST_ARG_KW: u8 = 0x04;
/// `*args` or `**kwargs`.
pub const CO_FAST_ARG_VAR: u8 = 0x08;
pub const CO_FAST_ARG: u8 = CO_FAST_ARG_POS | CO_FAST_ARG_KW | CO_FAST_ARG_VAR;
/// A variable of an inlined comprehension, hidden from `locals()`.
pub const CO_FAST_HIDDEN: u8 = 0x10;
pub const CO_FAST_LOCAL: u8 = 0x20;
pub const CO_FAST_CELL: u8 = 0x40;
pub const CO_FAST_FREE: u8 = 0x80;

/// One 16-bit code unit of `co_code`: an opcode and its one-byte argument (an inline cache entry
/// is a code unit too, with opcode `CACHE`). In memory and in `co_code` the opcode comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodeUnit {
    pub op: u8,
    pub arg: u8,
}

impl CodeUnit {
    pub fn new(op: u8, arg: u8) -> CodeUnit {
        CodeUnit { op, arg }
    }
}

/// A code object (`types.CodeType`), field for field as CPython 3.14 marshals it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub firstlineno: i32,
    /// `co_code`: instructions and their inline caches.
    pub code: Vec<CodeUnit>,
    pub consts: Vec<Const>,
    pub names: Vec<PyStr>,
    /// Names of the fast locals: arguments, other locals, cells, then free variables.
    pub localsplusnames: Vec<PyStr>,
    /// One `CO_FAST_*` kind byte per entry of `localsplusnames`.
    pub localspluskinds: Vec<u8>,
    pub filename: PyStr,
    pub name: PyStr,
    pub qualname: PyStr,
    /// The location table (see [`crate::linetable`]).
    pub linetable: Vec<u8>,
    /// The exception table (see [`crate::exception_table`]).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// `co_code` as bytes (opcode, argument, opcode, argument, ...).
    pub fn code_bytes(&self) -> Vec<u8> {
        self.code.iter().flat_map(|u| [u.op, u.arg]).collect()
    }

    /// Code units from `co_code` bytes (an odd trailing byte is dropped).
    pub fn units_from_bytes(bytes: &[u8]) -> Vec<CodeUnit> {
        bytes.chunks_exact(2).map(|c| CodeUnit::new(c[0], c[1])).collect()
    }

    fn names_of_kind(&self, mask: u8) -> Vec<&PyStr> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| *k & mask != 0)
            .map(|(n, _)| n)
            .collect()
    }

    /// `co_varnames`: the locals that are not only cells or free variables (arguments first).
    pub fn varnames(&self) -> Vec<&PyStr> {
        self.names_of_kind(CO_FAST_LOCAL)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<&PyStr> {
        self.names_of_kind(CO_FAST_CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<&PyStr> {
        self.names_of_kind(CO_FAST_FREE)
    }

    /// `co_nlocals`: the number of `co_varnames`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds.iter().filter(|k| *k & CO_FAST_LOCAL != 0).count()
    }

    /// Number of cell variables (`co_ncellvars`).
    pub fn ncellvars(&self) -> usize {
        self.localspluskinds.iter().filter(|k| *k & CO_FAST_CELL != 0).count()
    }

    /// Number of free variables (`co_nfreevars`).
    pub fn nfreevars(&self) -> usize {
        self.localspluskinds.iter().filter(|k| *k & CO_FAST_FREE != 0).count()
    }

    /// The name of fast local `i` (`co._varname_from_oparg(i)`).
    pub fn varname_from_oparg(&self, i: usize) -> Option<&PyStr> {
        self.localsplusnames.get(i)
    }

    /// `co_lines()`: `(start, end, line)` byte-offset ranges with their line (`None`: no line).
    pub fn lines(&self) -> Vec<LineRange> {
        linetable::co_lines(&self.linetable, self.firstlineno)
    }

    /// `co_positions()`: one `(line, end_line, col, end_col)` per code unit.
    pub fn positions(&self) -> Vec<Positions> {
        linetable::co_positions(&self.linetable, self.firstlineno, self.code.len())
    }

    /// The `repr` CPython gives a code object. Its address is this object's own.
    pub fn repr(&self) -> String {
        format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            self.name.to_string_lossy(),
            self as *const CodeObject as usize,
            self.filename.to_string_lossy(),
            self.firstlineno
        )
    }

    /// Every code object nested in this one's constants (depth first, as `dis` visits them).
    pub fn nested_code(&self) -> impl Iterator<Item = &Arc<CodeObject>> {
        self.consts.iter().filter_map(|c| match c {
            Const::Code(code) => Some(code),
            _ => None,
        })
    }
}

/// `dis.pretty_flags`: the flag names joined by `, `, unknown bits in hex.
pub fn pretty_flags(flags: u32) -> String {
    let mut names = Vec::new();
    let mut rest = flags;
    for i in 0..32 {
        let bit = 1u32 << i;
        if rest & bit != 0 {
            match FLAG_NAMES.iter().find(|(b, _)| *b == bit) {
                Some((_, n)) => names.push((*n).to_string()),
                None => names.push(format!("{bit:#x}")),
            }
            rest ^= bit;
            if rest == 0 {
                break;
            }
        }
    }
    if flags == 0 {
        names.push("0x0".into());
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_views() {
        let code = CodeObject {
            localsplusnames: ["a", "b", "x", "y"].iter().map(|s| PyStr::from(*s)).collect(),
            localspluskinds: vec![
                CO_FAST_LOCAL | CO_FAST_CELL,
                CO_FAST_LOCAL,
                CO_FAST_CELL,
                CO_FAST_FREE,
            ],
            ..CodeObject::default()
        };
        assert_eq!(code.varnames(), [&PyStr::from("a"), &PyStr::from("b")]);
        assert_eq!(code.cellvars(), [&PyStr::from("a"), &PyStr::from("x")]);
        assert_eq!(code.freevars(), [&PyStr::from("y")]);
        assert_eq!(code.nlocals(), 2);
        assert_eq!(pretty_flags(0x3 | CO_HAS_DOCSTRING), "OPTIMIZED, NEWLOCALS, HAS_DOCSTRING");
        assert_eq!(pretty_flags(0x1000), "0x1000");
    }
}
