//! `optimize_load_fast`: turn `LOAD_FAST` (and `LOAD_FAST_LOAD_FAST`) into the borrowing
//! forms when the loaded reference is consumed within its block before the local can be
//! overwritten and is never stored into a local — an abstract interpretation of each block's
//! stack of references, as CPython 3.14's flow graph does it.

use super::{BlockId, Cfg};
use crate::opinfo::*;
use taipan_bytecode::opcodes::*;

const NOT_LOCAL: i32 = -1;
const DUMMY_INSTR: i32 = -1;

const SUPPORT_KILLED: u8 = 1;
const STORED_AS_LOCAL: u8 = 2;
const REF_UNCONSUMED: u8 = 4;

#[derive(Clone, Copy)]
struct Ref {
    instr: i32,
    local: i32,
}

fn kill_local(flags: &mut [u8], refs: &[Ref], local: i32) {
    for r in refs {
        if r.local == local
            && r.instr >= 0
            && let Some(f) = flags.get_mut(r.instr as usize)
        {
            *f |= SUPPORT_KILLED;
        }
    }
}

fn store_local(flags: &mut [u8], refs: &[Ref], local: i32, r: Ref) {
    kill_local(flags, refs, local);
    if r.instr >= 0
        && let Some(f) = flags.get_mut(r.instr as usize)
    {
        *f |= STORED_AS_LOCAL;
    }
}

impl Cfg {
    fn load_fast_push_block(&mut self, sp: &mut Vec<BlockId>, target: BlockId) {
        if !self.blocks[target].visited {
            self.blocks[target].visited = true;
            sp.push(target);
        }
    }

    pub fn optimize_load_fast(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut sp = vec![entry];
        self.blocks[entry].startdepth = 0;
        self.blocks[entry].visited = true;
        let mut refs: Vec<Ref> = Vec::new();
        while let Some(block) = sp.pop() {
            let n = self.blocks[block].instrs.len();
            let mut flags = vec![0u8; n];
            refs.clear();
            for _ in 0..self.blocks[block].startdepth.max(0) {
                refs.push(Ref { instr: DUMMY_INSTR, local: NOT_LOCAL });
            }
            let pop = |refs: &mut Vec<Ref>| {
                refs.pop().unwrap_or(Ref { instr: DUMMY_INSTR, local: NOT_LOCAL })
            };
            for i in 0..n {
                let ins = self.blocks[block].instrs[i];
                let (opcode, oparg) = (ins.op, ins.arg);
                let ii = i as i32;
                match opcode {
                    op if op == LOAD_FAST as u16 => refs.push(Ref { instr: ii, local: oparg }),
                    op if op == DELETE_FAST as u16 => kill_local(&mut flags, &refs, oparg),
                    op if op == LOAD_FAST_AND_CLEAR as u16 => {
                        kill_local(&mut flags, &refs, oparg);
                        refs.push(Ref { instr: ii, local: oparg });
                    }
                    op if op == LOAD_FAST_LOAD_FAST as u16 => {
                        refs.push(Ref { instr: ii, local: oparg >> 4 });
                        refs.push(Ref { instr: ii, local: oparg & 15 });
                    }
                    op if op == STORE_FAST as u16 => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg, r);
                    }
                    op if op == STORE_FAST_LOAD_FAST as u16 => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg >> 4, r);
                        refs.push(Ref { instr: ii, local: oparg & 15 });
                    }
                    op if op == STORE_FAST_STORE_FAST as u16 => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg >> 4, r);
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg & 15, r);
                    }
                    op if op == COPY as u16 => {
                        let idx = refs.len() as i32 - oparg;
                        let r = if idx >= 0 {
                            refs[idx as usize]
                        } else {
                            Ref { instr: DUMMY_INSTR, local: NOT_LOCAL }
                        };
                        refs.push(r);
                    }
                    op if op == SWAP as u16 => {
                        let len = refs.len();
                        let idx = len as i32 - oparg;
                        if idx >= 0 && len > 0 {
                            refs.swap(idx as usize, len - 1);
                        }
                    }
                    op if op == GET_ANEXT as u16
                        || op == GET_YIELD_FROM_ITER as u16
                        || op == FORMAT_SIMPLE as u16
                        || op == GET_LEN as u16
                        || op == IMPORT_FROM as u16
                        || op == MATCH_KEYS as u16
                        || op == MATCH_MAPPING as u16
                        || op == MATCH_SEQUENCE as u16
                        || op == WITH_EXCEPT_START as u16 =>
                    {
                        // CPython records these with its loop counter (0, 1, ...) as the
                        // producing instruction, not `i`; mirrored for identical results.
                        let (po, pu) = pops_pushes(opcode, oparg);
                        for k in 0..(pu - po).max(0) {
                            refs.push(Ref { instr: k, local: NOT_LOCAL });
                        }
                    }
                    op if op == DICT_MERGE as u16
                        || op == DICT_UPDATE as u16
                        || op == LIST_APPEND as u16
                        || op == LIST_EXTEND as u16
                        || op == MAP_ADD as u16
                        || op == RERAISE as u16
                        || op == SET_ADD as u16
                        || op == SET_UPDATE as u16 =>
                    {
                        let (po, pu) = pops_pushes(opcode, oparg);
                        for _ in 0..(po - pu).max(0) {
                            pop(&mut refs);
                        }
                    }
                    op if op == CHECK_EXC_MATCH as u16 => {
                        pop(&mut refs);
                        refs.push(Ref { instr: ii, local: NOT_LOCAL });
                    }
                    op if op == FOR_ITER as u16 => {
                        if let Some(t) = ins.target {
                            self.load_fast_push_block(&mut sp, t);
                        }
                        refs.push(Ref { instr: ii, local: NOT_LOCAL });
                    }
                    op if op == LOAD_ATTR as u16
                        || op == LOAD_SUPER_ATTR as u16
                        || op == LOAD_SPECIAL as u16 =>
                    {
                        let selfr = pop(&mut refs);
                        if op == LOAD_SUPER_ATTR as u16 {
                            pop(&mut refs);
                            pop(&mut refs);
                        }
                        refs.push(Ref { instr: ii, local: NOT_LOCAL });
                        // A method load (and LOAD_SPECIAL, always) keeps the owner on the
                        // stack as `self`.
                        if oparg & 1 != 0 || op == LOAD_SPECIAL as u16 {
                            refs.push(selfr);
                        }
                    }
                    op if op == SEND as u16 => {
                        if let Some(t) = ins.target {
                            self.load_fast_push_block(&mut sp, t);
                        }
                        pop(&mut refs);
                        refs.push(Ref { instr: ii, local: NOT_LOCAL });
                    }
                    _ => {
                        let (po, pu) = pops_pushes(opcode, oparg);
                        if has_target(opcode)
                            && let Some(t) = ins.target
                        {
                            self.load_fast_push_block(&mut sp, t);
                        }
                        if !is_block_push(opcode) {
                            for _ in 0..po {
                                pop(&mut refs);
                            }
                            for _ in 0..pu {
                                refs.push(Ref { instr: ii, local: NOT_LOCAL });
                            }
                        }
                    }
                }
            }
            if let Some(term) = self.blocks[block].last().copied()
                && let Some(next) = self.blocks[block].next
                && !(is_unconditional_jump(term.op) || is_scope_exit(term.op))
            {
                self.load_fast_push_block(&mut sp, next);
            }
            for r in &refs {
                if r.instr >= 0
                    && let Some(f) = flags.get_mut(r.instr as usize)
                {
                    *f |= REF_UNCONSUMED;
                }
            }
            for (i, f) in flags.iter().enumerate() {
                if *f == 0 {
                    let ins = &mut self.blocks[block].instrs[i];
                    if ins.op == LOAD_FAST as u16 {
                        ins.op = LOAD_FAST_BORROW as u16;
                    } else if ins.op == LOAD_FAST_LOAD_FAST as u16 {
                        ins.op = LOAD_FAST_BORROW_LOAD_FAST_BORROW as u16;
                    }
                }
            }
        }
    }
}
