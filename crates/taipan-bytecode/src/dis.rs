//! A disassembler that prints exactly what CPython 3.14's `python -m dis FILE` prints for a
//! module code object (`dis.dis(code)`): each code object's instructions with line numbers,
//! jump labels and argument descriptions, its `ExceptionTable:`, then every code object among
//! its constants, recursively, under a `Disassembly of <code object ...>:` heading.
//!
//! The layout follows `Lib/dis.py`'s `Formatter`: a line-number column (at least 3 wide, 4 when
//! some instruction has no line), a label column (`L1:`), the opcode name padded to 20, the
//! oparg right-aligned in 5 (less when the name overflows) and the argument description in
//! parentheses. Offsets and caches are not shown (`dis`'s defaults).

use crate::code::{CodeObject, CodeUnit};
use crate::exception_table;
use crate::opcode::{self, cache_entries, deopt, has_arg};
use crate::opcodes::*;
use std::collections::HashMap;
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;
const NO_LINENO: &str = "  --";
const FUNCTION_ATTR_FLAGS: [&str; 5] =
    ["defaults", "kwdefaults", "annotations", "closure", "annotate"];

/// `dis.dis(code)`: the disassembly of `code` and, recursively, of the code objects among its
/// constants.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_recursive(code, &mut out);
    out
}

fn dis_recursive(code: &CodeObject, out: &mut String) {
    disassemble_into(code, out);
    for nested in code.nested_code() {
        out.push('\n');
        writeln!(out, "Disassembly of {}:", nested.repr()).unwrap();
        dis_recursive(nested, out);
    }
}

/// `dis.disassemble(code)`: one code object's listing, without its nested code objects.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

/// One instruction as `dis._unpack_opargs` yields it: byte offset, opcode, oparg (`None` when
/// the opcode takes none; EXTENDED_ARG prefixes folded in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawInstr {
    pub offset: usize,
    pub op: u8,
    pub arg: Option<i128>,
}

/// The instructions of `co_code`, inline caches skipped (`dis._unpack_opargs`).
pub fn unpack_opargs(code: &[CodeUnit]) -> Vec<RawInstr> {
    const INT_OVERFLOW: i128 = 1 << 31;
    let mut out = Vec::with_capacity(code.len());
    let mut extended: i128 = 0;
    let mut caches = 0;
    for (i, unit) in code.iter().enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let d = deopt(unit.op);
        caches = cache_entries(d);
        let arg = if has_arg(d as u16) {
            let arg = unit.arg as i128 | extended;
            extended = if d == EXTENDED_ARG { arg.wrapping_shl(8) } else { 0 };
            if extended >= INT_OVERFLOW {
                extended = extended.wrapping_sub(2 * INT_OVERFLOW);
            }
            Some(arg)
        } else {
            extended = 0;
            None
        };
        out.push(RawInstr { offset: i * 2, op: unit.op, arg });
    }
    out
}

/// The byte offset a jump instruction goes to (`dis._get_jump_target`), `None` for others.
pub fn jump_target(op: u8, arg: i128, offset: usize) -> Option<i128> {
    let d = deopt(op);
    if !opcode::has_jump(d as u16) && !opcode::has_exc(d as u16) {
        return None;
    }
    let arg = if opcode::is_backward_jump(d) { arg.wrapping_neg() } else { arg };
    Some((offset as i128 + 2).wrapping_add(arg.wrapping_mul(2)) + 2 * cache_entries(d) as i128)
}

/// `dis.findlinestarts`: the offsets where the line changes, with the new line.
pub fn findlinestarts(code: &CodeObject) -> Vec<(u32, Option<i32>)> {
    let mut out = Vec::new();
    let mut last: Option<Option<i32>> = None;
    for r in code.lines() {
        if last != Some(r.line) {
            last = Some(r.line);
            out.push((r.start, r.line));
        }
    }
    out
}

fn lineno_width(linestarts: &HashMap<u32, Option<i32>>) -> usize {
    let Some(max) = linestarts.values().filter_map(|l| l.filter(|l| *l != 0)).max() else {
        return 0;
    };
    if max == -1 {
        return 0;
    }
    let w = max.to_string().len().max(3);
    if w < NO_LINENO.len() && linestarts.values().any(Option::is_none) {
        NO_LINENO.len()
    } else {
        w
    }
}

struct Resolver<'a> {
    code: &'a CodeObject,
    labels: &'a HashMap<i128, usize>,
}

impl Resolver<'_> {
    fn name(&self, i: i128) -> String {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.code.names.get(i))
            .map_or_else(|| "<invalid name>".into(), |s| s.to_string_lossy())
    }

    fn local(&self, i: i128) -> String {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.code.varname_from_oparg(i))
            .map_or_else(|| "<invalid local>".into(), |s| s.to_string_lossy())
    }

    /// `ArgResolver.get_argval_argrepr`'s description of the argument.
    fn argrepr(&self, op: u8, arg: i128, offset: usize) -> String {
        let d = deopt(op);
        let d16 = d as u16;
        let pick = |table: &[&str]| {
            usize::try_from(arg)
                .ok()
                .and_then(|i| table.get(i))
                .map_or(String::new(), |s| s.to_string())
        };
        if opcode::has_const(d16) {
            return usize::try_from(arg)
                .ok()
                .and_then(|i| self.code.consts.get(i))
                .map_or_else(|| "<invalid const>".into(), |c| c.repr());
        }
        if opcode::has_name(d16) {
            let (index, suffix) = match d {
                LOAD_GLOBAL => (arg >> 1, " + NULL"),
                LOAD_ATTR => (arg >> 1, " + NULL|self"),
                LOAD_SUPER_ATTR => (arg >> 2, " + NULL|self"),
                _ => (arg, ""),
            };
            let name = self.name(index);
            return if !suffix.is_empty() && arg & 1 != 0 && !name.is_empty() {
                name + suffix
            } else {
                name
            };
        }
        if opcode::has_jump(d16) || opcode::has_exc(d16) {
            let target = jump_target(op, arg, offset).unwrap_or(-1);
            let prep = if d == END_ASYNC_FOR { "from" } else { "to" };
            return match self.labels.get(&target) {
                Some(l) => format!("{prep} L{l}"),
                None => format!("{prep} <invalid target>"),
            };
        }
        match d {
            LOAD_FAST_LOAD_FAST
            | LOAD_FAST_BORROW_LOAD_FAST_BORROW
            | STORE_FAST_LOAD_FAST
            | STORE_FAST_STORE_FAST => {
                return format!("{}, {}", self.local(arg >> 4), self.local(arg & 15));
            }
            _ => {}
        }
        if opcode::has_local(d16) || opcode::has_free(d16) {
            return self.local(arg);
        }
        match d {
            COMPARE_OP => {
                let op = pick_at(&CMP_OP, arg >> 5);
                if arg & 16 != 0 { format!("bool({op})") } else { op }
            }
            CONVERT_VALUE => pick(&["", "str", "repr", "ascii"]),
            SET_FUNCTION_ATTRIBUTE => FUNCTION_ATTR_FLAGS
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", "),
            BINARY_OP => usize::try_from(arg)
                .ok()
                .and_then(|i| NB_OPS.get(i))
                .map_or(String::new(), |p| p.1.to_string()),
            CALL_INTRINSIC_1 => pick(&INTRINSIC_1),
            CALL_INTRINSIC_2 => pick(&INTRINSIC_2),
            LOAD_COMMON_CONSTANT => pick(&COMMON_CONSTANTS),
            LOAD_SPECIAL => pick(&SPECIAL_METHOD_NAMES),
            IS_OP => (if arg != 0 { "is not" } else { "is" }).into(),
            CONTAINS_OP => (if arg != 0 { "not in" } else { "in" }).into(),
            _ => String::new(),
        }
    }
}

fn pick_at(table: &[&str], i: i128) -> String {
    usize::try_from(i).ok().and_then(|i| table.get(i)).map_or(String::new(), |s| s.to_string())
}

fn opname(op: u8) -> String {
    opcode::name(op as u16).map_or_else(|| format!("<{op}>"), str::to_string)
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let instrs = unpack_opargs(&code.code);
    let linestarts: HashMap<u32, Option<i32>> = findlinestarts(code).into_iter().collect();
    let exceptions: Vec<exception_table::Entry> = exception_table::decode(&code.exceptiontable);

    // Labels: jump targets, then every exception-table boundary, numbered in offset order.
    let mut targets: Vec<i128> = Vec::new();
    for ins in &instrs {
        if let Some(arg) = ins.arg {
            if let Some(t) = jump_target(ins.op, arg, ins.offset) {
                targets.push(t);
            }
        }
    }
    for e in &exceptions {
        targets.extend([e.start as i128 * 2, e.end as i128 * 2, e.target as i128 * 2]);
    }
    targets.sort_unstable();
    targets.dedup();
    let labels: HashMap<i128, usize> =
        targets.iter().enumerate().map(|(i, t)| (*t, i + 1)).collect();

    let lineno_w = lineno_width(&linestarts);
    let label_w = 4 + labels.len().to_string().len();
    let resolver = Resolver { code, labels: &labels };
    let mut line = String::new();
    for ins in &instrs {
        let starts_line = linestarts.get(&(ins.offset as u32));
        if lineno_w > 0 && starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        line.clear();
        if lineno_w > 0 {
            match starts_line {
                Some(Some(n)) => write!(line, "{n:>lineno_w$} ").unwrap(),
                Some(None) => write!(line, "{NO_LINENO:>lineno_w$} ").unwrap(),
                None => write!(line, "{:lineno_w$} ", "").unwrap(),
            }
        }
        match labels.get(&(ins.offset as i128)) {
            Some(l) => write!(line, "{:>label_w$} ", format!("L{l}:")).unwrap(),
            None => write!(line, "{:label_w$} ", "").unwrap(),
        }
        line.push_str("    ");
        let name = opname(ins.op);
        write!(line, "{name:<OPNAME_WIDTH$}").unwrap();
        if let Some(arg) = ins.arg {
            let width = OPARG_WIDTH.saturating_sub(name.len().saturating_sub(OPNAME_WIDTH));
            write!(line, " {arg:>width$}").unwrap();
            let argrepr = resolver.argrepr(ins.op, arg, ins.offset);
            if !argrepr.is_empty() {
                write!(line, " ({argrepr})").unwrap();
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !exceptions.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &exceptions {
            let l = |off: u32| labels[&(off as i128 * 2)];
            let lasti = if e.lasti { " lasti" } else { "" };
            writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{lasti}",
                l(e.start),
                l(e.end),
                l(e.target),
                e.depth
            )
            .unwrap();
        }
    }
}
