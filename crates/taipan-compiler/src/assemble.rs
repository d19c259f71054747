//! From a code unit to a code object (`optimize_and_assemble_code_unit` in CPython's
//! `Python/compile.c`, then `Python/assemble.c`): run the flow-graph passes, add the
//! cell/free/generator prologue, then lay out `co_code` (with `EXTENDED_ARG` prefixes and
//! inline `CACHE` units, jump offsets resolved to a fixed point) and encode the location and
//! exception tables with taipan-bytecode's encoders.

use crate::compile::Unit;
use crate::error::CompileResult;
use crate::flowgraph::optimize::Consts;
use crate::flowgraph::{CInstr, Cfg, FinalInstr};
use crate::instr::{Location, NO_LOCATION};
use crate::opinfo::*;
use taipan_bytecode::code::*;
use taipan_bytecode::exception_table;
use taipan_bytecode::linetable::{Encoder, Positions};
use taipan_bytecode::opcodes::*;
use taipan_bytecode::{CodeObject, CodeUnit};
use taipan_common::PyStr;

/// Optimises the unit's instructions and assembles its code object.
pub fn optimize_and_assemble(
    u: &mut Unit<'_>,
    flags: u32,
    nparams: usize,
    filename: &PyStr,
) -> CompileResult<CodeObject> {
    let mut consts: Consts = std::mem::take(&mut u.consts);
    let mut g = Cfg::from_sequence(&u.seq);
    let nlocals = u.varnames.len();

    // _PyCfg_OptimizeCodeUnit
    g.translate_jump_labels_to_targets();
    g.mark_except_handlers();
    g.label_exception_targets();
    g.inline_small_or_no_lineno_blocks();
    g.remove_unreachable();
    g.resolve_line_numbers();
    g.optimize_load_const(&mut consts);
    for b in g.order() {
        g.optimize_basic_block(b, &mut consts);
    }
    g.remove_redundant_nops_and_pairs();
    g.remove_unreachable();
    g.remove_redundant_nops_and_jumps();
    let mut const_list = consts.list;
    g.remove_unused_consts(&mut const_list);
    g.add_checks_for_uninitialized(nlocals, nparams);
    g.insert_superinstructions();
    g.push_cold_blocks_to_end();
    g.resolve_line_numbers();

    // _PyCfg_OptimizedCfgToInstructionSequence
    g.convert_pseudo_conditional_jumps();
    let stackdepth = g.calculate_stackdepth();
    let (names, kinds) = prepare_localsplus(u, &mut g, flags, nparams);
    g.convert_pseudo_ops();
    g.normalize_jumps();
    g.optimize_load_fast();
    let mut instrs = g.to_instructions();
    // NEXT_LOCATION survives the passes (it counts as a line of its own there) and takes the
    // following instruction's location only now.
    for i in (0..instrs.len()).rev() {
        if instrs[i].loc.lineno == crate::instr::NEXT_LOCATION.lineno {
            instrs[i].loc = instrs.get(i + 1).map_or(NO_LOCATION, |n| n.loc);
        }
    }

    // Assembly.
    resolve_unconditional_jumps(&mut instrs);
    let offsets = resolve_jump_offsets(&mut instrs);
    let code = emit_code(&instrs);
    let linetable = emit_linetable(&instrs, u.firstlineno);
    let exceptiontable = emit_exception_table(&instrs, &offsets);
    Ok(CodeObject {
        // co_argcount counts the positional-only parameters too.
        argcount: u.argcount + u.posonlyargcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        // CPython never makes a frame without a stack slot.
        stacksize: stackdepth.max(1) as u32,
        flags,
        firstlineno: u.firstlineno,
        code,
        consts: const_list,
        names: u.names.names.iter().map(|n| PyStr::from(n.as_str())).collect(),
        localsplusnames: names,
        localspluskinds: kinds,
        filename: filename.clone(),
        name: PyStr::from(u.name.as_str()),
        qualname: PyStr::from(u.qualname.as_str()),
        linetable,
        exceptiontable,
    })
}

/// `prepare_localsplus`: the `MAKE_CELL`/`COPY_FREE_VARS`/`RETURN_GENERATOR` prologue, the
/// renumbering of cell and free variable opargs, and the `co_localsplusnames`/kinds.
fn prepare_localsplus(
    u: &Unit<'_>,
    g: &mut Cfg,
    flags: u32,
    nparams: usize,
) -> (Vec<PyStr>, Vec<u8>) {
    let nlocals = u.varnames.len();
    let ncells = u.cellvars.len();
    let nfrees = u.freevars.len();
    let noffsets = ncells + nfrees;
    let mut fixed: Vec<usize> = (0..noffsets).map(|i| nlocals + i).collect();
    for (ci, name) in u.cellvars.names.iter().enumerate() {
        if let Some(vi) = u.varnames.get(name) {
            fixed[ci] = vi;
        }
    }
    let entry = g.entry;
    let is_gen = flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0;
    if is_gen {
        let loc = Location::new(u.firstlineno, u.firstlineno, -1, -1);
        g.blocks[entry].instrs.insert(0, CInstr::new(RETURN_GENERATOR as u16, 0, loc));
        g.blocks[entry].instrs.insert(1, CInstr::new(POP_TOP as u16, 0, loc));
    }
    if ncells > 0 {
        let mut sorted = vec![0usize; ncells + nlocals];
        for (i, f) in fixed.iter().take(ncells).enumerate() {
            if *f < sorted.len() {
                sorted[*f] = i + 1;
            }
        }
        let mut used = 0;
        for s in sorted {
            if used >= ncells {
                break;
            }
            if s == 0 {
                continue;
            }
            g.blocks[entry]
                .instrs
                .insert(used, CInstr::new(MAKE_CELL as u16, (s - 1) as i32, NO_LOCATION));
            used += 1;
        }
    }
    if nfrees > 0 {
        g.blocks[entry]
            .instrs
            .insert(0, CInstr::new(COPY_FREE_VARS as u16, nfrees as i32, NO_LOCATION));
    }
    // fix_cell_offsets
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in g.order() {
        for ins in g.blocks[b].instrs.iter_mut() {
            let derefs = ins.op == MAKE_CELL as u16
                || ins.op == LOAD_CLOSURE
                || ins.op == LOAD_DEREF as u16
                || ins.op == STORE_DEREF as u16
                || ins.op == DELETE_DEREF as u16
                || ins.op == LOAD_FROM_DICT_OR_DEREF as u16;
            if derefs && let Some(f) = fixed.get(ins.arg as usize) {
                ins.arg = *f as i32;
            }
        }
    }
    // compute_localsplus_info
    let nlocalsplus = nlocals + ncells + nfrees - numdropped;
    let mut names = vec![PyStr::from(""); nlocalsplus];
    let mut kinds = vec![0u8; nlocalsplus];
    let ste_varargs = flags & CO_VARARGS != 0;
    let ste_varkw = flags & CO_VARKEYWORDS != 0;
    let npos = u.posonlyargcount as usize;
    let nargs = u.argcount as usize;
    let nkw = u.kwonlyargcount as usize;
    for (i, name) in u.varnames.names.iter().enumerate() {
        let mut kind = CO_FAST_LOCAL;
        if i < nparams {
            if i < npos {
                kind |= CO_FAST_ARG_POS;
            } else if i < npos + nargs {
                kind |= CO_FAST_ARG_POS | CO_FAST_ARG_KW;
            } else if i < npos + nargs + nkw {
                kind |= CO_FAST_ARG_KW;
            } else if i == npos + nargs + nkw && ste_varargs {
                kind |= CO_FAST_ARG_VAR | CO_FAST_ARG_POS;
            } else if ste_varkw {
                kind |= CO_FAST_ARG_VAR | CO_FAST_ARG_KW;
            }
        }
        if u.fasthidden.iter().any(|(n, _)| n == name) {
            kind |= CO_FAST_HIDDEN;
        }
        if u.cellvars.get(name).is_some() {
            kind |= CO_FAST_CELL;
        }
        names[i] = PyStr::from(name.as_str());
        kinds[i] = kind;
    }
    let mut dropped = 0;
    for (ci, name) in u.cellvars.names.iter().enumerate() {
        if u.varnames.get(name).is_some() {
            dropped += 1;
            continue;
        }
        let off = ci + nlocals - dropped;
        if off < nlocalsplus {
            names[off] = PyStr::from(name.as_str());
            kinds[off] = CO_FAST_CELL;
        }
    }
    for (fi, name) in u.freevars.names.iter().enumerate() {
        let off = ncells + fi + nlocals - numdropped;
        if off < nlocalsplus {
            names[off] = PyStr::from(name.as_str());
            kinds[off] = CO_FAST_FREE;
        }
    }
    (names, kinds)
}

/// `resolve_unconditional_jumps`: `JUMP` becomes `JUMP_FORWARD` or `JUMP_BACKWARD` (and
/// `JUMP_NO_INTERRUPT` its no-interrupt form) by the target's position.
fn resolve_unconditional_jumps(instrs: &mut [FinalInstr]) {
    for (i, ins) in instrs.iter_mut().enumerate() {
        let forward = ins.arg as usize > i;
        if ins.op == JUMP {
            ins.op = if forward { JUMP_FORWARD } else { JUMP_BACKWARD } as u16;
        } else if ins.op == JUMP_NO_INTERRUPT {
            ins.op = if forward { JUMP_FORWARD } else { JUMP_BACKWARD_NO_INTERRUPT } as u16;
        }
    }
}

/// Offset between an `END_ASYNC_FOR`'s `SEND` target and the `END_SEND` it names.
const END_SEND_OFFSET: i32 = 5;

/// `resolve_jump_offsets`: jump opargs become relative code-unit offsets (recomputed until
/// the `EXTENDED_ARG` prefixes they need stop changing). Returns each instruction's offset.
fn resolve_jump_offsets(instrs: &mut [FinalInstr]) -> Vec<usize> {
    let targets: Vec<usize> = instrs.iter().map(|i| i.arg.max(0) as usize).collect();
    let mut offsets = vec![0usize; instrs.len() + 1];
    loop {
        let mut total = 0;
        for (i, ins) in instrs.iter().enumerate() {
            offsets[i] = total;
            total += instr_size(ins.op, ins.arg);
        }
        offsets[instrs.len()] = total;
        let mut recompile = false;
        let mut offset = 0i32;
        for i in 0..instrs.len() {
            let ins = &mut instrs[i];
            let isize = instr_size(ins.op, ins.arg);
            offset += isize as i32;
            if has_jump(ins.op) {
                let t = offsets[targets[i].min(offsets.len() - 1)] as i32;
                let arg = if ins.op == END_ASYNC_FOR as u16 {
                    offset - t - END_SEND_OFFSET
                } else if t < offset {
                    offset - t
                } else {
                    t - offset
                };
                ins.arg = arg;
                if instr_size(ins.op, ins.arg) != isize {
                    recompile = true;
                }
            }
        }
        if !recompile {
            break;
        }
    }
    offsets
}

fn emit_code(instrs: &[FinalInstr]) -> Vec<CodeUnit> {
    let mut out = Vec::new();
    for ins in instrs {
        let op = ins.op as u8;
        let arg = if has_arg(ins.op) { ins.arg as u32 } else { 0 };
        if arg > 0xFF_FFFF {
            out.push(CodeUnit::new(EXTENDED_ARG, (arg >> 24) as u8));
        }
        if arg > 0xFFFF {
            out.push(CodeUnit::new(EXTENDED_ARG, (arg >> 16) as u8));
        }
        if arg > 0xFF {
            out.push(CodeUnit::new(EXTENDED_ARG, (arg >> 8) as u8));
        }
        out.push(CodeUnit::new(op, arg as u8));
        for _ in 0..taipan_bytecode::opcode::cache_entries(op) {
            out.push(CodeUnit::new(CACHE, 0));
        }
    }
    out
}

fn positions(loc: Location) -> Positions {
    if loc.lineno < 0 {
        return Positions::default();
    }
    Positions {
        line: Some(loc.lineno),
        end_line: if loc.end_lineno < 0 { None } else { Some(loc.end_lineno) },
        col: if loc.col < 0 { None } else { Some(loc.col) },
        end_col: if loc.end_col < 0 { None } else { Some(loc.end_col) },
    }
}

fn emit_linetable(instrs: &[FinalInstr], firstlineno: i32) -> Vec<u8> {
    let mut enc = Encoder::new(firstlineno);
    let mut loc = NO_LOCATION;
    let mut size = 0u32;
    for ins in instrs {
        if ins.loc != loc {
            if size > 0 {
                enc.push(size, positions(loc));
            }
            loc = ins.loc;
            size = 0;
        }
        size += instr_size(ins.op, ins.arg) as u32;
    }
    if size > 0 {
        enc.push(size, positions(loc));
    }
    enc.finish()
}

fn emit_exception_table(instrs: &[FinalInstr], offsets: &[usize]) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut handler: Option<crate::flowgraph::Handler> = None;
    let mut start = 0usize;
    let mut ioffset = 0usize;
    let mut flush = |h: Option<crate::flowgraph::Handler>, start: usize, end: usize| {
        if let Some(h) = h
            && end > start
        {
            let mut depth = h.startdepth - 1;
            if h.preserve_lasti {
                depth -= 1;
            }
            entries.push(exception_table::Entry {
                start: start as u32,
                end: end as u32,
                target: offsets[h.index.min(offsets.len() - 1)] as u32,
                depth: depth.max(0) as u32,
                lasti: h.preserve_lasti,
            });
        }
    };
    for ins in instrs {
        let label = ins.handler.map(|h| h.index);
        if label != handler.map(|h| h.index) {
            flush(handler, start, ioffset);
            start = ioffset;
            handler = ins.handler;
        }
        ioffset += instr_size(ins.op, ins.arg);
    }
    flush(handler, start, ioffset);
    exception_table::encode(&entries)
}
