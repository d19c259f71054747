//! The value-stack depth at each instruction of a code object, for `frame.f_lineno = n`
//! (`trace::set_lineno`): a trace hook may only move a frame between instructions where its
//! value stack is empty, so the loop's stack bound and the kinds of values the instructions
//! expect (iterators, exceptions, NULLs) always hold after a jump.

use taipan_bytecode::opcode::{cache_entries, stack_effect};
use taipan_bytecode::opcodes::*;

use taipan_bytecode::CodeUnit;

use crate::types::code::CodePayload;

/// The instruction starting at unit `i` (its `EXTENDED_ARG` prefixes folded in): opcode, full
/// oparg, and the unit after its caches; `None` at the end of the code.
pub(crate) fn decode(units: &[CodeUnit], mut i: usize) -> Option<(u8, usize, usize)> {
    let mut arg = 0usize;
    while i < units.len() && units[i].op == EXTENDED_ARG {
        arg = (arg << 8) | units[i].arg as usize;
        i += 1;
    }
    let u = units.get(i)?;
    let arg = (arg << 8) | u.arg as usize;
    Some((u.op, arg, i + 1 + cache_entries(u.op)))
}

/// Where the jump instruction `op arg` (ending at `next`) goes, if it is one.
pub(crate) fn jump_target(op: u8, arg: usize, next: usize) -> Option<usize> {
    match op {
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE
        | JUMP_FORWARD | FOR_ITER | SEND => Some(next + arg),
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => next.checked_sub(arg),
        _ => None,
    }
}

/// The depth at the start of each code unit that some path reaches (`None`: unreached, or
/// not the start of an instruction).
pub(crate) fn stack_depths(c: &CodePayload) -> Vec<Option<i32>> {
    let n = c.units.len().saturating_sub(1);
    let units = &c.units[..n];
    let mut depth: Vec<Option<i32>> = vec![None; n + 1];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    for e in taipan_bytecode::exception_table::decode(&c.code.exceptiontable) {
        work.push((e.target as usize, e.depth as i32 + e.lasti as i32 + 1));
    }
    while let Some((start, d)) = work.pop() {
        let mut i = start;
        let mut d = d;
        while i < n {
            if depth[i].is_some() {
                break;
            }
            depth[i] = Some(d);
            let Some((op, arg, next)) = decode(units, i) else { break };
            let target = jump_target(op, arg, next);
            if let Some(t) = target
                && t < n
            {
                work.push((t, d + stack_effect(op as u16, arg as i32, Some(true))));
            }
            if matches!(
                op,
                RETURN_VALUE
                    | RAISE_VARARGS
                    | RERAISE
                    | JUMP_FORWARD
                    | JUMP_BACKWARD
                    | JUMP_BACKWARD_NO_INTERRUPT
            ) {
                break;
            }
            d += stack_effect(op as u16, arg as i32, Some(false));
            i = next;
        }
    }
    depth
}
