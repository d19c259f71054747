//! A disassembler that prints exactly what CPython 3.14's `python -m dis FILE` prints for a
//! module code object (`dis.dis(code)`): each code object's instructions with line numbers,
//! jump labels and argument descriptions, its `ExceptionTable:`, then every code object among
//! its constants, recursively, under a `Disassembly of <code object ...>:` heading.
//!
//! The layout follows `Lib/dis.py`'s `Formatter`: a line-number column (at least 3 wide, 4 when
//! some instruction has no line), a label column (`L1:`), the opcode name padded to 20, the
//! oparg right-aligned in 5 (less when the name overflows) and the argument description in
//! parentheses. [`Options`] adds what `-C` (inline caches), `-O` (offsets) and `-P` (source
//! positions instead of line numbers) add.

use crate::code::{CodeObject, CodeUnit};
use crate::exception_table;
use crate::linetable::Positions;
use crate::opcode::{self, cache_entries, deopt, has_arg};
use crate::opcodes::*;
use std::collections::HashMap;
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;
const NO_LINENO: &str = "  --";
const FUNCTION_ATTR_FLAGS: [&str; 5] =
    ["defaults", "kwdefaults", "annotations", "closure", "annotate"];

/// What `dis` shows beyond its default listing (`python -m dis -C -O -P`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `-C`: a `CACHE` line for each inline cache entry.
    pub show_caches: bool,
    /// `-O`: each instruction's byte offset.
    pub show_offsets: bool,
    /// `-P`: full source positions instead of line numbers.
    pub show_positions: bool,
}

/// `dis.dis(code)`: the disassembly of `code` and, recursively, of the code objects among its
/// constants.
pub fn dis(code: &CodeObject) -> String {
    dis_with(code, &Options::default())
}

/// [`dis`] with options.
pub fn dis_with(code: &CodeObject, opts: &Options) -> String {
    let mut out = String::new();
    dis_recursive(code, opts, &mut out);
    out
}

fn dis_recursive(code: &CodeObject, opts: &Options, out: &mut String) {
    disassemble_into(code, opts, out);
    for nested in code.nested_code() {
        out.push('\n');
        writeln!(out, "Disassembly of {}:", nested.repr()).unwrap();
        dis_recursive(nested, opts, out);
    }
}

/// `dis.disassemble(code)`: one code object's listing, without its nested code objects.
pub fn disassemble(code: &CodeObject, opts: &Options) -> String {
    let mut out = String::new();
    disassemble_into(code, opts, &mut out);
    out
}

/// `dis.code_info(code)`: the summary `dis.show_code` prints (names, counts, flags, constants,
/// names and variables), without a trailing newline.
pub fn code_info(code: &CodeObject) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "Name:              {}\nFilename:          {}\nArgument count:    {}\n\
         Positional-only arguments: {}\nKw-only arguments: {}\nNumber of locals:  {}\n\
         Stack size:        {}\nFlags:             {}",
        code.name.to_string_lossy(),
        code.filename.to_string_lossy(),
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.nlocals(),
        code.stacksize,
        crate::code::pretty_flags(code.flags)
    );
    if !code.consts.is_empty() {
        out.push_str("\nConstants:");
        for (i, c) in code.consts.iter().enumerate() {
            let _ = write!(out, "\n{i:4}: {}", c.repr());
        }
    }
    let sections: [(&str, Vec<&taipan_common::PyStr>); 4] = [
        ("Names", code.names.iter().collect()),
        ("Variable names", code.varnames()),
        ("Free variables", code.freevars()),
        ("Cell variables", code.cellvars()),
    ];
    for (title, names) in sections {
        if !names.is_empty() {
            let _ = write!(out, "\n{title}:");
            for (i, n) in names.iter().enumerate() {
                let _ = write!(out, "\n{i:4}: {}", n.to_string_lossy());
            }
        }
    }
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

/// `dis._get_positions_width`: room for `LINE:COL-ENDLINE:ENDCOL` and a space.
fn positions_width(positions: &[Positions]) -> usize {
    let mut has_value = false;
    let mut width = 0;
    for p in positions {
        let parts = [p.line, p.end_line, p.col, p.end_col];
        has_value |= parts.iter().any(Option::is_some);
        width = width.max(parts.iter().map(|v| v.map_or(1, |v| v.to_string().len())).sum());
    }
    if has_value { 1 + NO_LINENO.len().max(3 + width) } else { 0 }
}

fn format_positions(p: &Positions) -> String {
    if p.line.is_none() && p.end_line.is_none() && p.col.is_none() && p.end_col.is_none() {
        return NO_LINENO.to_string();
    }
    let f = |v: Option<i32>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    format!("{}:{}-{}:{}", f(p.line), f(p.col), f(p.end_line), f(p.end_col))
}

/// The columns shared by every line of one code object's listing.
struct Layout {
    lineno_w: usize,
    label_w: usize,
    offset_w: usize,
    show_positions: bool,
}

/// One printed line: `Formatter.print_instruction_line`.
struct Line<'a> {
    offset: usize,
    /// `Some(line)` when the instruction starts a source line.
    starts_line: Option<Option<i32>>,
    label: Option<usize>,
    opname: &'a str,
    arg: Option<i128>,
    argrepr: &'a str,
    positions: Positions,
}

fn print_line(layout: &Layout, l: &Line, out: &mut String) {
    let mut line = String::new();
    let w = layout.lineno_w;
    if w > 0 && l.starts_line.is_some() && l.offset > 0 {
        out.push('\n');
    }
    if w > 0 {
        if layout.show_positions {
            write!(line, "{:<w$} ", format_positions(&l.positions)).unwrap();
        } else {
            match l.starts_line {
                Some(Some(n)) => write!(line, "{n:>w$} ").unwrap(),
                Some(None) => write!(line, "{NO_LINENO:>w$} ").unwrap(),
                None => write!(line, "{:w$} ", "").unwrap(),
            }
        }
    }
    let lw = layout.label_w;
    match l.label {
        Some(n) => write!(line, "{:>lw$} ", format!("L{n}:")).unwrap(),
        None => write!(line, "{:lw$} ", "").unwrap(),
    }
    if layout.offset_w > 0 {
        write!(line, "{:>ow$}   ", l.offset, ow = layout.offset_w).unwrap();
    }
    line.push_str("    ");
    write!(line, "{:<OPNAME_WIDTH$}", l.opname).unwrap();
    if let Some(arg) = l.arg {
        let width = OPARG_WIDTH.saturating_sub(l.opname.len().saturating_sub(OPNAME_WIDTH));
        write!(line, " {arg:>width$}").unwrap();
        if !l.argrepr.is_empty() {
            write!(line, " ({})", l.argrepr).unwrap();
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// One instruction as `dis.get_instructions` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The name of the opcode as found in the code (specialised names included).
    pub opname: String,
    pub opcode: u8,
    /// The oparg with EXTENDED_ARG prefixes folded in; `None` when the opcode takes none.
    pub arg: Option<i64>,
    /// The argument as `dis` describes it (empty when it has no description).
    pub argrepr: String,
    /// Byte offset of the instruction.
    pub offset: usize,
    /// Byte offset of its first EXTENDED_ARG prefix (or of itself).
    pub start_offset: usize,
    /// The instruction starts a new line (`co_lines()` changes line here).
    pub starts_line: bool,
    /// Its source line, if it has one.
    pub line_number: Option<i32>,
    /// `n` when some jump or exception handler targets it and `dis` labels it `Ln`.
    pub label: Option<usize>,
    pub positions: Positions,
    /// The jump target's byte offset, for jumps.
    pub jump_target: Option<i64>,
}

/// Jump targets and exception-table boundaries, numbered from 1 in offset order
/// (`dis._make_labels_map`).
fn labels_map(instrs: &[RawInstr], exceptions: &[exception_table::Entry]) -> HashMap<i128, usize> {
    let mut targets: Vec<i128> = Vec::new();
    for ins in instrs {
        if let Some(t) = ins.arg.and_then(|arg| jump_target(ins.op, arg, ins.offset)) {
            targets.push(t);
        }
    }
    for e in exceptions {
        targets.extend([e.start as i128 * 2, e.end as i128 * 2, e.target as i128 * 2]);
    }
    targets.sort_unstable();
    targets.dedup();
    targets.iter().enumerate().map(|(i, t)| (*t, i + 1)).collect()
}

fn instructions_with(
    code: &CodeObject,
    instrs: &[RawInstr],
    labels: &HashMap<i128, usize>,
    linestarts: &HashMap<u32, Option<i32>>,
    positions: &[Positions],
) -> Vec<Instruction> {
    let resolver = Resolver { code, labels };
    let mut out = Vec::with_capacity(instrs.len());
    let mut line_number = None;
    let mut prefixes = 0;
    for ins in instrs {
        let starts = linestarts.get(&(ins.offset as u32));
        if let Some(l) = starts {
            line_number = *l;
        }
        let start_offset = ins.offset - 2 * prefixes;
        prefixes = if deopt(ins.op) == EXTENDED_ARG { prefixes + 1 } else { 0 };
        out.push(Instruction {
            opname: opname(ins.op),
            opcode: ins.op,
            arg: ins.arg.map(|a| a as i64),
            argrepr: ins.arg.map_or(String::new(), |a| resolver.argrepr(ins.op, a, ins.offset)),
            offset: ins.offset,
            start_offset: if prefixes > 0 { ins.offset } else { start_offset },
            starts_line: starts.is_some(),
            line_number,
            label: labels.get(&(ins.offset as i128)).copied(),
            positions: positions.get(ins.offset / 2).copied().unwrap_or_default(),
            jump_target: ins.arg.and_then(|a| jump_target(ins.op, a, ins.offset)).map(|t| t as i64),
        });
    }
    out
}

/// `dis.get_instructions(code)`: the code object's instructions, described. As in CPython, only
/// jump targets are labelled here (the listing also labels exception-table boundaries).
pub fn get_instructions(code: &CodeObject) -> Vec<Instruction> {
    let instrs = unpack_opargs(&code.code);
    let linestarts: HashMap<u32, Option<i32>> = findlinestarts(code).into_iter().collect();
    let labels = labels_map(&instrs, &[]);
    instructions_with(code, &instrs, &labels, &linestarts, &code.positions())
}

fn disassemble_into(code: &CodeObject, opts: &Options, out: &mut String) {
    let instrs = unpack_opargs(&code.code);
    let linestarts: HashMap<u32, Option<i32>> = findlinestarts(code).into_iter().collect();
    let exceptions: Vec<exception_table::Entry> = exception_table::decode(&code.exceptiontable);
    let positions = code.positions();
    let labels = labels_map(&instrs, &exceptions);

    let layout = Layout {
        lineno_w: if opts.show_positions {
            positions_width(&positions)
        } else {
            lineno_width(&linestarts)
        },
        label_w: 4 + labels.len().to_string().len(),
        offset_w: if opts.show_offsets {
            (code.code.len() * 2).saturating_sub(2).max(9999).to_string().len()
        } else {
            0
        },
        show_positions: opts.show_positions,
    };
    for ins in instructions_with(code, &instrs, &labels, &linestarts, &positions) {
        let pos = ins.positions;
        let line = Line {
            offset: ins.offset,
            starts_line: ins.starts_line.then_some(ins.line_number),
            label: ins.label,
            opname: &ins.opname,
            arg: ins.arg.map(i128::from),
            argrepr: &ins.argrepr,
            positions: pos,
        };
        print_line(&layout, &line, out);
        if opts.show_caches {
            let mut offset = ins.offset;
            for &(field, size) in cache_format(deopt(ins.opcode)) {
                let first = offset / 2 + 1;
                let units = code.code.get(first..first + size as usize).unwrap_or(&[]);
                let value: u64 = units
                    .iter()
                    .flat_map(|u| [u.op, u.arg])
                    .enumerate()
                    .map(|(i, b)| (b as u64) << (8 * i))
                    .sum();
                for i in 0..size {
                    offset += 2;
                    let argrepr = if i == 0 { format!("{field}: {value}") } else { String::new() };
                    let cache = Line {
                        offset,
                        starts_line: None,
                        label: None,
                        opname: "CACHE",
                        arg: Some(0),
                        argrepr: &argrepr,
                        positions: pos,
                    };
                    print_line(&layout, &cache, out);
                }
            }
        }
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

/// A listing made comparable across processes, as `../shared/tools/pydiff.py`'s `normalise_dis`
/// does: code-object addresses become ` at 0x`, and the elements of each `frozenset({...})` are
/// sorted (split at top-level commas, quotes and brackets respected), since set order depends on
/// hashing.
pub fn normalise_listing(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        s.push_str(&rest[..i + 6]);
        rest = rest[i + 6..]
            .trim_start_matches(|c: char| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
    }
    s.push_str(rest);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("frozenset({") {
        let body_start = i + "frozenset({".len();
        // Up to the first "})", as pydiff's non-greedy regex.
        let Some(j) = rest[body_start..].find("})") else { break };
        out.push_str(&rest[..i]);
        let mut items = split_set_items(&rest[body_start..body_start + j]);
        items.sort();
        out.push_str("frozenset({");
        out.push_str(&items.join(", "));
        out.push_str("})");
        rest = &rest[body_start + j + 2..];
    }
    out.push_str(rest);
    out
}

fn split_set_items(body: &str) -> Vec<String> {
    let (mut items, mut depth, mut cur, mut quote) = (Vec::new(), 0i32, String::new(), None);
    for ch in body.chars() {
        if let Some(q) = quote {
            cur.push(ch);
            if ch == q {
                quote = None;
            }
            continue;
        }
        match ch {
            '\'' | '"' => quote = Some(ch),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            items.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(ch);
        }
    }
    if !cur.trim().is_empty() {
        items.push(cur.trim().to_string());
    }
    items
}
