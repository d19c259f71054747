//! The control-flow graph and CPython 3.14's passes over it (`Python/flowgraph.c`), in
//! CPython's order: jump targets, exception-handler labelling, dead code, jump threading and
//! inlining of small exit blocks, line-number propagation, constant folding and peephole
//! rewrites ([`optimize`]), unused constants, `LOAD_FAST_CHECK` for possibly unbound locals,
//! superinstructions, cold blocks moved to the end, stack depth, the cell/free prologue,
//! pseudo-instruction lowering, jump direction and borrowed loads ([`load_fast`]).
//!
//! Blocks live in one vector and are chained by `next` (CPython's `b_next`); a block removed
//! from use is emptied, not unlinked, exactly as CPython leaves it.

pub mod fold;
pub mod load_fast;
pub mod optimize;

use crate::instr::{Instr, InstrSeq, Location, NO_LOCATION};
use crate::opinfo::*;
use taipan_bytecode::opcodes::*;

pub type BlockId = usize;

/// An instruction in the graph: its jump target and the handler active for it are blocks.
#[derive(Clone, Copy, Debug)]
pub struct CInstr {
    pub op: u16,
    pub arg: i32,
    pub loc: Location,
    pub target: Option<BlockId>,
    pub except: Option<BlockId>,
}

impl CInstr {
    pub fn new(op: u16, arg: i32, loc: Location) -> CInstr {
        CInstr { op, arg, loc, target: None, except: None }
    }

    /// `INSTR_SET_OP0`.
    pub fn set_op0(&mut self, op: u16) {
        self.op = op;
        self.arg = 0;
    }

    /// `INSTR_SET_OP1`.
    pub fn set_op1(&mut self, op: u16, arg: i32) {
        self.op = op;
        self.arg = arg;
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub instrs: Vec<CInstr>,
    pub next: Option<BlockId>,
    /// The label (an instruction index of the original sequence, or a fresh number), -1 if
    /// the block is no jump target.
    pub label: i32,
    pub startdepth: i32,
    pub predecessors: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub cold: bool,
    pub warm: bool,
    pub unsafe_locals_mask: u64,
    exceptstack: Option<Vec<Option<BlockId>>>,
    /// The handler field left in each instruction slot past the end of the block by earlier,
    /// longer contents. CPython's `basicblock_addop` does not set `i_except`, so an
    /// instruction appended after exception labelling inherits whatever the slot held; this
    /// mirrors that (observable in the exception table).
    pub stale: Vec<Option<BlockId>>,
}

impl Block {
    fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            label: -1,
            startdepth: 0,
            predecessors: 0,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            cold: false,
            warm: false,
            unsafe_locals_mask: 0,
            exceptstack: None,
            stale: Vec::new(),
        }
    }

    /// Remembers the handlers of slots `from..` before the block shrinks to `from` entries.
    pub fn record_stale(&mut self, from: usize) {
        if self.stale.len() < self.instrs.len() {
            self.stale.resize(self.instrs.len(), None);
        }
        for i in from..self.instrs.len() {
            self.stale[i] = self.instrs[i].except;
        }
    }

    /// Appends an instruction as `basicblock_addop` does (its handler is the slot's leftover).
    pub fn push_fresh(&mut self, mut ins: CInstr) {
        ins.except = self.stale.get(self.instrs.len()).copied().flatten();
        self.instrs.push(ins);
    }

    pub fn last(&self) -> Option<&CInstr> {
        self.instrs.last()
    }

    /// `BB_NO_FALLTHROUGH`: ends in a scope exit or an unconditional jump.
    pub fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|l| is_scope_exit(l.op) || is_unconditional_jump(l.op))
    }

    pub fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }

    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|l| is_scope_exit(l.op))
    }

    fn has_eval_break(&self) -> bool {
        self.instrs.iter().any(|i| has_eval_break(i.op))
    }

    pub fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.lineno < 0)
    }
}

/// The graph of one code unit.
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    current: BlockId,
    current_label: i32,
}

impl Cfg {
    fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// The blocks in `next` order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    pub fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = b {
            if !self.blocks[id].instrs.is_empty() {
                return Some(id);
            }
            b = self.blocks[id].next;
        }
        None
    }

    fn max_label(&self) -> i32 {
        self.order().iter().map(|&b| self.blocks[b].label).max().unwrap_or(-1)
    }

    fn reset_visited(&mut self) {
        for &b in &self.order() {
            self.blocks[b].visited = false;
        }
    }

    // ----- construction (`_PyCfg_FromInstructionSequence`) -----

    fn current_block_is_terminated(&mut self) -> bool {
        let cur = self.current;
        if self.blocks[cur].last().is_some_and(|l| is_terminator(l.op)) {
            return true;
        }
        if self.current_label >= 0 {
            if !self.blocks[cur].instrs.is_empty() || self.blocks[cur].label >= 0 {
                return true;
            }
            self.blocks[cur].label = self.current_label;
            self.current_label = -1;
        }
        false
    }

    fn maybe_start_new_block(&mut self) {
        if self.current_block_is_terminated() {
            let b = self.new_block();
            self.blocks[b].label = self.current_label;
            self.current_label = -1;
            let cur = self.current;
            self.blocks[cur].next = Some(b);
            self.current = b;
        }
    }

    /// Builds the graph: a block starts at every jump target and after every terminator.
    pub fn from_sequence(seq: &InstrSeq) -> Cfg {
        let n = seq.instrs.len();
        let resolve = |arg: i32| -> i32 {
            seq.label_map.get(arg as usize).copied().flatten().map_or(n as i32, |i| i as i32)
        };
        let instrs: Vec<Instr> = seq
            .instrs
            .iter()
            .map(|i| {
                let mut i = *i;
                if has_target(i.op) {
                    i.arg = resolve(i.arg);
                }
                i
            })
            .collect();
        let mut is_target = vec![false; n + 1];
        for i in &instrs {
            if has_target(i.op) {
                is_target[(i.arg as usize).min(n)] = true;
            }
        }
        let mut g = Cfg { blocks: vec![Block::new()], entry: 0, current: 0, current_label: -1 };
        for (idx, ins) in instrs.iter().enumerate() {
            if is_target[idx] {
                g.current_label = idx as i32;
                g.maybe_start_new_block();
            }
            g.maybe_start_new_block();
            let cur = g.current;
            g.blocks[cur].instrs.push(CInstr::new(ins.op, ins.arg, ins.loc));
        }
        if is_target[n] {
            // A label after the last instruction (only in malformed sequences).
            g.current_label = n as i32;
            g.maybe_start_new_block();
        }
        g
    }

    // ----- preprocessing -----

    pub fn translate_jump_labels_to_targets(&mut self) {
        let order = self.order();
        let max = order.iter().map(|&b| self.blocks[b].label).max().unwrap_or(-1);
        let mut label2block: Vec<Option<BlockId>> = vec![None; (max + 1).max(0) as usize];
        for &b in &order {
            let l = self.blocks[b].label;
            if l >= 0 {
                label2block[l as usize] = Some(b);
            }
        }
        for &b in &order {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if has_target(ins.op) {
                    let t = usize::try_from(ins.arg)
                        .ok()
                        .and_then(|a| label2block.get(a).copied().flatten());
                    // A jump to nowhere (malformed input): aim it at the entry.
                    self.blocks[b].instrs[i].target = Some(t.unwrap_or(self.entry));
                }
            }
        }
    }

    pub fn mark_except_handlers(&mut self) {
        for b in self.order() {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if is_block_push(ins.op)
                    && let Some(t) = ins.target
                {
                    self.blocks[t].except_handler = true;
                }
            }
        }
    }

    pub fn label_exception_targets(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut todo: Vec<BlockId> = vec![entry];
        self.blocks[entry].visited = true;
        self.blocks[entry].exceptstack = Some(vec![None]);
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].exceptstack.take().unwrap_or_else(|| vec![None]);
            let mut handler = stack.last().copied().flatten();
            let mut last_yield_except_depth: i32 = -1;
            let mut stack_moved = false;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if is_block_push(ins.op) {
                    let t = ins.target.expect("setup has a target");
                    if !self.blocks[t].visited {
                        self.blocks[t].exceptstack = Some(stack.clone());
                        todo.push(t);
                        self.blocks[t].visited = true;
                    }
                    if ins.op == SETUP_WITH || ins.op == SETUP_CLEANUP {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(Some(t));
                    handler = Some(t);
                } else if ins.op == POP_BLOCK {
                    if stack.len() > 1 {
                        stack.pop();
                    }
                    handler = stack.last().copied().flatten();
                    self.blocks[b].instrs[i].set_op0(NOP as u16);
                } else if has_jump(ins.op) {
                    self.blocks[b].instrs[i].except = handler;
                    let t = ins.target.expect("jump has a target");
                    if !self.blocks[t].visited {
                        if self.blocks[b].has_fallthrough() {
                            self.blocks[t].exceptstack = Some(stack.clone());
                        } else {
                            self.blocks[t].exceptstack = Some(std::mem::take(&mut stack));
                            stack_moved = true;
                        }
                        todo.push(t);
                        self.blocks[t].visited = true;
                    }
                } else if ins.op == YIELD_VALUE as u16 {
                    self.blocks[b].instrs[i].except = handler;
                    last_yield_except_depth = stack.len() as i32 - 1;
                } else if ins.op == RESUME as u16 {
                    self.blocks[b].instrs[i].except = handler;
                    if ins.arg != 0 {
                        if last_yield_except_depth == 1 {
                            self.blocks[b].instrs[i].arg |= 4;
                        }
                        last_yield_except_depth = -1;
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if self.blocks[b].has_fallthrough()
                && let Some(next) = self.blocks[b].next
                && !self.blocks[next].visited
                && !stack_moved
            {
                self.blocks[next].exceptstack = Some(stack);
                todo.push(next);
                self.blocks[next].visited = true;
            }
        }
    }

    // ----- dead code, nops, jumps -----

    pub fn remove_unreachable(&mut self) {
        let order = self.order();
        for &b in &order {
            self.blocks[b].predecessors = 0;
            self.blocks[b].visited = false;
        }
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].predecessors = 1;
        self.blocks[entry].visited = true;
        while let Some(b) = stack.pop() {
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
            {
                if !self.blocks[next].visited {
                    stack.push(next);
                    self.blocks[next].visited = true;
                }
                self.blocks[next].predecessors += 1;
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if has_jump(ins.op) || is_block_push(ins.op) {
                    let t = ins.target.expect("jump has a target");
                    if !self.blocks[t].visited {
                        stack.push(t);
                        self.blocks[t].visited = true;
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
        for &b in &order {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].record_stale(0);
                self.blocks[b].instrs.clear();
                self.blocks[b].except_handler = false;
            }
        }
    }

    /// `basicblock_remove_redundant_nops`; returns how many were removed.
    fn block_remove_redundant_nops(&mut self, b: BlockId) -> usize {
        let n = self.blocks[b].instrs.len();
        let mut dest = 0;
        let mut prev_lineno = -1;
        for src in 0..n {
            let ins = self.blocks[b].instrs[src];
            let lineno = ins.loc.lineno;
            if ins.op == NOP as u16 {
                if lineno < 0 {
                    continue;
                }
                if prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = self.blocks[b].instrs[src + 1].loc.lineno;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        self.blocks[b].instrs[src + 1].loc = ins.loc;
                        continue;
                    }
                } else {
                    let next = self.next_nonempty(self.blocks[b].next);
                    if let Some(next) = next {
                        let mut next_loc = NO_LOCATION;
                        for ni in &self.blocks[next].instrs {
                            if ni.op == NOP as u16 && ni.loc.lineno < 0 {
                                continue;
                            }
                            next_loc = ni.loc;
                            break;
                        }
                        if lineno == next_loc.lineno {
                            continue;
                        }
                    }
                }
            }
            self.blocks[b].instrs[dest] = self.blocks[b].instrs[src];
            dest += 1;
            prev_lineno = lineno;
        }
        if dest < n {
            // Compaction only wrote below `dest`: the slots from there on still hold the
            // original instructions, whose handlers become the leftovers.
            self.blocks[b].record_stale(dest);
            self.blocks[b].instrs.truncate(dest);
        }
        n - dest
    }

    pub fn remove_redundant_nops(&mut self) -> usize {
        let mut changes = 0;
        let mut b = Some(self.entry);
        while let Some(id) = b {
            changes += self.block_remove_redundant_nops(id);
            b = self.blocks[id].next;
        }
        changes
    }

    pub fn remove_redundant_nops_and_pairs(&mut self) {
        let mut done = false;
        while !done {
            done = true;
            let mut instr: Option<(BlockId, usize)> = None;
            let mut b = Some(self.entry);
            while let Some(id) = b {
                self.block_remove_redundant_nops(id);
                if self.blocks[id].label >= 0 {
                    instr = None;
                }
                for i in 0..self.blocks[id].instrs.len() {
                    let prev = instr;
                    instr = Some((id, i));
                    let (prev_op, prev_arg) = match prev {
                        Some((pb, pi)) => {
                            let p = self.blocks[pb].instrs[pi];
                            (p.op, p.arg)
                        }
                        None => (0, 0),
                    };
                    let op = self.blocks[id].instrs[i].op;
                    let redundant = op == POP_TOP as u16
                        && (prev_op == LOAD_CONST as u16
                            || prev_op == LOAD_SMALL_INT as u16
                            || (prev_op == COPY as u16 && prev_arg == 1));
                    if redundant {
                        if let Some((pb, pi)) = prev {
                            self.blocks[pb].instrs[pi].set_op0(NOP as u16);
                        }
                        self.blocks[id].instrs[i].set_op0(NOP as u16);
                        done = false;
                    }
                }
                let last_is_jump =
                    instr.is_some_and(|(ib, ii)| has_jump(self.blocks[ib].instrs[ii].op));
                if last_is_jump || !self.blocks[id].has_fallthrough() {
                    instr = None;
                }
                b = self.blocks[id].next;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> usize {
        let mut changes = 0;
        let mut b = Some(self.entry);
        while let Some(id) = b {
            if let Some(last) = self.blocks[id].last().copied()
                && is_unconditional_jump(last.op)
            {
                let jump_target = self.next_nonempty(last.target);
                let next = self.next_nonempty(self.blocks[id].next);
                if jump_target.is_some() && jump_target == next {
                    changes += 1;
                    let l = self.blocks[id].instrs.len() - 1;
                    self.blocks[id].instrs[l].set_op0(NOP as u16);
                }
            }
            b = self.blocks[id].next;
        }
        changes
    }

    pub fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let nops = self.remove_redundant_nops();
            let jumps = self.remove_redundant_jumps();
            if nops + jumps == 0 {
                break;
            }
        }
    }

    fn block_inline_small_or_no_lineno(&mut self, b: BlockId) -> bool {
        const MAX_COPY_SIZE: usize = 4;
        let Some(last) = self.blocks[b].last().copied() else { return false };
        if !is_unconditional_jump(last.op) {
            return false;
        }
        let Some(target) = last.target else { return false };
        let small_exit =
            self.blocks[target].exits_scope() && self.blocks[target].instrs.len() <= MAX_COPY_SIZE;
        let no_lineno_no_fallthrough =
            self.blocks[target].has_no_lineno() && !self.blocks[target].has_fallthrough();
        if small_exit || no_lineno_no_fallthrough {
            let removed_op = last.op;
            let l = self.blocks[b].instrs.len() - 1;
            self.blocks[b].instrs[l].set_op0(NOP as u16);
            let copied = self.blocks[target].instrs.clone();
            self.blocks[b].instrs.extend(copied);
            if no_lineno_no_fallthrough {
                let l = self.blocks[b].instrs.len() - 1;
                let last = &mut self.blocks[b].instrs[l];
                if is_unconditional_jump(last.op) && removed_op == JUMP {
                    last.op = JUMP;
                }
            }
            self.blocks[target].predecessors -= 1;
            return true;
        }
        false
    }

    pub fn inline_small_or_no_lineno_blocks(&mut self) {
        loop {
            let mut changes = false;
            let mut b = Some(self.entry);
            while let Some(id) = b {
                if self.block_inline_small_or_no_lineno(id) {
                    changes = true;
                }
                b = self.blocks[id].next;
            }
            if !changes {
                break;
            }
        }
    }

    // ----- line numbers -----

    fn is_exit_or_eval_check_without_lineno(&self, b: BlockId) -> bool {
        let blk = &self.blocks[b];
        (blk.exits_scope() || blk.has_eval_break()) && blk.has_no_lineno()
    }

    fn duplicate_exits_without_lineno(&mut self) {
        let mut next_lbl = self.max_label() + 1;
        let mut b = Some(self.entry);
        while let Some(id) = b {
            if let Some(last) = self.blocks[id].last().copied()
                && has_jump(last.op)
                && let Some(target) = self.next_nonempty(last.target)
                && self.is_exit_or_eval_check_without_lineno(target)
                && self.blocks[target].predecessors > 1
            {
                let nb = self.new_block();
                self.blocks[nb].instrs = self.blocks[target].instrs.clone();
                self.blocks[nb].instrs[0].loc = last.loc;
                let l = self.blocks[id].instrs.len() - 1;
                self.blocks[id].instrs[l].target = Some(nb);
                self.blocks[target].predecessors -= 1;
                self.blocks[nb].predecessors = 1;
                self.blocks[nb].next = self.blocks[target].next;
                self.blocks[nb].label = next_lbl;
                next_lbl += 1;
                self.blocks[target].next = Some(nb);
            }
            b = self.blocks[id].next;
        }
        let mut b = Some(self.entry);
        while let Some(id) = b {
            if self.blocks[id].has_fallthrough()
                && !self.blocks[id].instrs.is_empty()
                && let Some(next) = self.blocks[id].next
                && self.is_exit_or_eval_check_without_lineno(next)
            {
                let loc = self.blocks[id].last().map_or(NO_LOCATION, |l| l.loc);
                self.blocks[next].instrs[0].loc = loc;
            }
            b = self.blocks[id].next;
        }
    }

    fn propagate_line_numbers(&mut self) {
        let mut b = Some(self.entry);
        while let Some(id) = b {
            b = self.blocks[id].next;
            let Some(last) = self.blocks[id].last().copied() else { continue };
            let mut prev = NO_LOCATION;
            for ins in self.blocks[id].instrs.iter_mut() {
                if ins.loc.lineno == NO_LOCATION.lineno {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if self.blocks[id].has_fallthrough()
                && let Some(next) = self.blocks[id].next
                && self.blocks[next].predecessors == 1
                && !self.blocks[next].instrs.is_empty()
                && self.blocks[next].instrs[0].loc.lineno == NO_LOCATION.lineno
            {
                self.blocks[next].instrs[0].loc = prev;
            }
            if has_jump(last.op)
                && let Some(t) = last.target
                && self.blocks[t].predecessors == 1
                && !self.blocks[t].instrs.is_empty()
                && self.blocks[t].instrs[0].loc.lineno == NO_LOCATION.lineno
            {
                self.blocks[t].instrs[0].loc = prev;
            }
        }
    }

    pub fn resolve_line_numbers(&mut self) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    // ----- cold blocks -----

    fn mark_warm(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
                && !self.blocks[next].visited
            {
                stack.push(next);
                self.blocks[next].visited = true;
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if has_jump(ins.op)
                    && let Some(t) = ins.target
                    && !self.blocks[t].visited
                {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    fn mark_cold(&mut self) {
        self.mark_warm();
        self.reset_visited();
        let mut stack = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
                && !self.blocks[next].warm
                && !self.blocks[next].visited
            {
                stack.push(next);
                self.blocks[next].visited = true;
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if has_jump(ins.op)
                    && let Some(t) = ins.target
                    && !self.blocks[t].warm
                    && !self.blocks[t].visited
                {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    pub fn push_cold_blocks_to_end(&mut self) {
        let entry = self.entry;
        if self.blocks[entry].next.is_none() {
            return;
        }
        self.mark_cold();
        let mut next_lbl = self.max_label() + 1;
        let mut b = Some(entry);
        while let Some(id) = b {
            if self.blocks[id].cold
                && self.blocks[id].has_fallthrough()
                && let Some(next) = self.blocks[id].next
                && self.blocks[next].warm
            {
                let j = self.new_block();
                if self.blocks[next].label < 0 {
                    self.blocks[next].label = next_lbl;
                    next_lbl += 1;
                }
                let mut ins = CInstr::new(JUMP_NO_INTERRUPT, self.blocks[next].label, NO_LOCATION);
                ins.target = Some(next);
                self.blocks[j].instrs.push(ins);
                self.blocks[j].cold = true;
                self.blocks[j].next = Some(next);
                self.blocks[j].predecessors = 1;
                self.blocks[id].next = Some(j);
            }
            b = self.blocks[id].next;
        }
        let mut cold_head: Option<BlockId> = None;
        let mut cold_tail: Option<BlockId> = None;
        let mut b = entry;
        while self.blocks[b].next.is_some() {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].cold {
                    break;
                }
                b = n;
            }
            let Some(start) = self.blocks[b].next else { break };
            let mut end = start;
            while let Some(n) = self.blocks[end].next {
                if !self.blocks[n].cold {
                    break;
                }
                end = n;
            }
            match cold_tail {
                None => cold_head = Some(start),
                Some(t) => self.blocks[t].next = Some(start),
            }
            cold_tail = Some(end);
            self.blocks[b].next = self.blocks[end].next;
            self.blocks[end].next = None;
        }
        self.blocks[b].next = cold_head;
        if cold_head.is_some() {
            self.remove_redundant_nops_and_jumps();
        }
    }

    // ----- stack depth -----

    /// `calculate_stackdepth`: the largest depth any path reaches; sets each block's
    /// `startdepth`.
    pub fn calculate_stackdepth(&mut self) -> i32 {
        let order = self.order();
        for &b in &order {
            self.blocks[b].startdepth = i32::MIN;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        let mut maxdepth = 0;
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
            if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
        };
        let entry = self.entry;
        push(&mut self.blocks, &mut stack, entry, 0);
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                let (po, pu) = pops_pushes(ins.op, ins.arg);
                let effect = if is_block_push(ins.op) { 0 } else { pu - po };
                let new_depth = depth + effect;
                maxdepth = maxdepth.max(depth);
                if has_target(ins.op) && ins.op != END_ASYNC_FOR as u16 {
                    let target_depth = depth + (pu - po);
                    maxdepth = maxdepth.max(depth);
                    if let Some(t) = ins.target {
                        push(&mut self.blocks, &mut stack, t, target_depth);
                    }
                }
                depth = new_depth.max(0);
                if is_unconditional_jump(ins.op) || is_scope_exit(ins.op) {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth);
            }
        }
        maxdepth
    }

    // ----- lowering -----

    pub fn convert_pseudo_conditional_jumps(&mut self) {
        for b in self.order() {
            let mut i = 0;
            while i < self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.op == JUMP_IF_FALSE || ins.op == JUMP_IF_TRUE {
                    self.blocks[b].instrs[i].op = if ins.op == JUMP_IF_FALSE {
                        POP_JUMP_IF_FALSE as u16
                    } else {
                        POP_JUMP_IF_TRUE as u16
                    };
                    // The inserted instructions share the jump's handler.
                    let mut copy = CInstr::new(COPY as u16, 1, ins.loc);
                    copy.except = ins.except;
                    let mut to_bool = CInstr::new(TO_BOOL as u16, 0, ins.loc);
                    to_bool.except = ins.except;
                    self.blocks[b].instrs.insert(i, copy);
                    self.blocks[b].instrs.insert(i + 1, to_bool);
                    i += 2;
                }
                i += 1;
            }
        }
    }

    pub fn convert_pseudo_ops(&mut self) {
        for b in self.order() {
            for ins in self.blocks[b].instrs.iter_mut() {
                if is_block_push(ins.op) {
                    ins.set_op0(NOP as u16);
                } else if ins.op == LOAD_CLOSURE {
                    ins.op = LOAD_FAST as u16;
                } else if ins.op == STORE_FAST_MAYBE_NULL {
                    ins.op = STORE_FAST as u16;
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
    }

    fn normalize_jumps_in_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].last().copied() else { return };
        if !is_conditional_jump(last.op) {
            return;
        }
        let Some(target) = last.target else { return };
        let is_forward = !self.blocks[target].visited;
        if is_forward {
            self.blocks[b].push_fresh(CInstr::new(NOT_TAKEN as u16, 0, last.loc));
            return;
        }
        let reversed = match last.op as u8 {
            POP_JUMP_IF_NOT_NONE => POP_JUMP_IF_NONE,
            POP_JUMP_IF_NONE => POP_JUMP_IF_NOT_NONE,
            POP_JUMP_IF_FALSE => POP_JUMP_IF_TRUE,
            _ => POP_JUMP_IF_FALSE,
        };
        let bj = self.new_block();
        self.blocks[bj].instrs.push(CInstr::new(NOT_TAKEN as u16, 0, last.loc));
        let mut j = CInstr::new(JUMP, self.blocks[target].label, last.loc);
        j.target = Some(target);
        self.blocks[bj].instrs.push(j);
        self.blocks[bj].startdepth = self.blocks[target].startdepth;
        let l = self.blocks[b].instrs.len() - 1;
        let next = self.blocks[b].next;
        self.blocks[b].instrs[l].op = reversed as u16;
        self.blocks[b].instrs[l].target = next;
        self.blocks[bj].cold = self.blocks[b].cold;
        self.blocks[bj].next = next;
        self.blocks[b].next = Some(bj);
    }

    pub fn normalize_jumps(&mut self) {
        self.reset_visited();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            self.blocks[id].visited = true;
            self.normalize_jumps_in_block(id);
            b = self.blocks[id].next;
        }
    }

    /// Flattens the graph into the final instruction list: jumps keep a target instruction
    /// index in `arg`, and each instruction its handler's (index, start depth, lasti).
    pub fn to_instructions(&self) -> Vec<FinalInstr> {
        let order = self.order();
        let mut start = vec![0usize; self.blocks.len()];
        let mut n = 0;
        for &b in &order {
            start[b] = n;
            n += self.blocks[b].instrs.len();
        }
        let mut out = Vec::with_capacity(n);
        for &b in &order {
            for ins in &self.blocks[b].instrs {
                let mut arg = ins.arg;
                if has_target(ins.op)
                    && let Some(t) = ins.target
                {
                    arg = start[t] as i32;
                }
                let handler = ins.except.map(|h| Handler {
                    index: start[h],
                    startdepth: self.blocks[h].startdepth,
                    preserve_lasti: self.blocks[h].preserve_lasti,
                });
                out.push(FinalInstr { op: ins.op, arg, loc: ins.loc, handler });
            }
        }
        out
    }
}

/// The exception handler of an instruction in the final list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub index: usize,
    pub startdepth: i32,
    pub preserve_lasti: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct FinalInstr {
    pub op: u16,
    pub arg: i32,
    pub loc: Location,
    pub handler: Option<Handler>,
}
