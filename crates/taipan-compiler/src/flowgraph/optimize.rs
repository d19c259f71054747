//! The peephole passes of CPython 3.14's flow graph: constant loads (`LOAD_SMALL_INT`,
//! constant conditions, `is None` jumps), folding of constant tuples, lists, sets, unary and
//! binary operators, jump threading, `SWAP` elimination, unused constants, `LOAD_FAST_CHECK`
//! for locals that may be unbound, and the `LOAD_FAST_LOAD_FAST`-style superinstructions.

use super::fold;
use super::{BlockId, CInstr, Cfg};
use crate::compile::const_key;
use crate::instr::NO_LOCATION;
use crate::opinfo::*;
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;

/// `_PY_STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: i32 = 30;
const MIN_CONST_SEQUENCE_SIZE: i32 = 3;
const INTRINSIC_UNARY_POSITIVE: i32 = 5;
const INTRINSIC_LIST_TO_TUPLE: i32 = 6;

/// A unit's constants during optimisation (CPython's `consts` list plus its const cache).
pub type Consts = crate::consts::ConstTable;

/// The value an instruction loads, if it loads a constant.
trait ConstValue {
    fn value(&self, ins: &CInstr) -> Option<Const>;
}

impl ConstValue for Consts {
    fn value(&self, ins: &CInstr) -> Option<Const> {
        if ins.op == LOAD_SMALL_INT as u16 {
            Some(Const::int(ins.arg as i64))
        } else if ins.op == LOAD_CONST as u16 {
            self.list.get(ins.arg as usize).cloned()
        } else {
            None
        }
    }
}

fn loads_const(op: u16) -> bool {
    op == LOAD_CONST as u16 || op == LOAD_SMALL_INT as u16
}

/// The value of a small int (`0 <= v < 256`), which `LOAD_SMALL_INT` loads.
fn small_int(c: &Const) -> Option<i32> {
    match c {
        Const::Int(i) => i64::try_from(i).ok().filter(|v| (0..256).contains(v)).map(|v| v as i32),
        _ => None,
    }
}

/// Python's `==` between constants for building a frozenset (1, 1.0 and True are one item).
fn py_eq(a: &Const, b: &Const) -> bool {
    let num = |c: &Const| -> Option<(f64, f64, Option<String>)> {
        match c {
            Const::Bool(x) => Some((*x as i64 as f64, 0.0, Some((*x as i64).to_string()))),
            Const::Int(i) => Some((i.to_f64().value(), 0.0, Some(i.to_string()))),
            Const::Float(f) => Some((*f, 0.0, None)),
            Const::Complex { re, im } => Some((*re, *im, None)),
            _ => None,
        }
    };
    match (num(a), num(b)) {
        (Some((ar, ai, ak)), Some((br, bi, bk))) => match (ak, bk) {
            (Some(x), Some(y)) => x == y,
            _ => ar == br && ai == bi,
        },
        (None, None) => const_key(a) == const_key(b),
        _ => false,
    }
}

fn frozenset_of(items: Vec<Const>) -> Const {
    let mut out: Vec<Const> = Vec::new();
    for it in items {
        if !out.iter().any(|o| py_eq(o, &it)) {
            out.push(it);
        }
    }
    Const::FrozenSet(out)
}

impl Cfg {
    /// `get_const_loading_instrs`: the `size` constant loads ending at `start` (NOPs skipped).
    fn const_loading_instrs(&self, b: BlockId, start: isize, size: usize) -> Option<Vec<usize>> {
        let mut out = Vec::with_capacity(size);
        let mut i = start;
        while i >= 0 && out.len() < size {
            let ins = &self.blocks[b].instrs[i as usize];
            if ins.op != NOP as u16 {
                if !loads_const(ins.op) {
                    return None;
                }
                out.push(i as usize);
            }
            i -= 1;
        }
        if out.len() < size {
            return None;
        }
        out.reverse();
        Some(out)
    }

    fn nop_out(&mut self, b: BlockId, idxs: &[usize]) {
        for &i in idxs {
            let ins = &mut self.blocks[b].instrs[i];
            ins.set_op0(NOP as u16);
            ins.loc = NO_LOCATION;
        }
    }

    fn make_load_const(&mut self, b: BlockId, i: usize, c: Const, consts: &mut Consts) {
        if let Some(v) = small_int(&c) {
            self.blocks[b].instrs[i].set_op1(LOAD_SMALL_INT as u16, v);
            return;
        }
        let idx = consts.add(c) as i32;
        self.blocks[b].instrs[i].set_op1(LOAD_CONST as u16, idx);
    }

    fn values_of(&self, b: BlockId, idxs: &[usize], consts: &Consts) -> Option<Vec<Const>> {
        idxs.iter().map(|&i| consts.value(&self.blocks[b].instrs[i])).collect()
    }

    pub fn optimize_load_const(&mut self, consts: &mut Consts) {
        for b in self.order() {
            let mut opcode = 0u16;
            let mut oparg = 0i32;
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i];
                if ins.op == LOAD_CONST as u16
                    && let Some(v) = consts.value(&ins).as_ref().and_then(small_int)
                {
                    self.blocks[b].instrs[i].set_op1(LOAD_SMALL_INT as u16, v);
                }
                let ins = self.blocks[b].instrs[i];
                let is_copy_of_load_const =
                    opcode == LOAD_CONST as u16 && ins.op == COPY as u16 && ins.arg == 1;
                if !is_copy_of_load_const {
                    opcode = ins.op;
                    oparg = ins.arg;
                }
                if !loads_const(opcode) {
                    continue;
                }
                let nextop = if i + 1 < n { self.blocks[b].instrs[i + 1].op } else { 0 };
                let value = || consts.value(&CInstr::new(opcode, oparg, NO_LOCATION));
                if nextop == POP_JUMP_IF_FALSE as u16
                    || nextop == POP_JUMP_IF_TRUE as u16
                    || nextop == JUMP_IF_FALSE
                    || nextop == JUMP_IF_TRUE
                {
                    let Some(is_true) = value().as_ref().and_then(fold::truthy) else { continue };
                    if nextop == POP_JUMP_IF_FALSE as u16 || nextop == POP_JUMP_IF_TRUE as u16 {
                        self.blocks[b].instrs[i].set_op0(NOP as u16);
                    }
                    let jump_if_true = nextop == POP_JUMP_IF_TRUE as u16 || nextop == JUMP_IF_TRUE;
                    if is_true == jump_if_true {
                        self.blocks[b].instrs[i + 1].op = JUMP;
                    } else {
                        self.blocks[b].instrs[i + 1].set_op0(NOP as u16);
                    }
                } else if nextop == IS_OP as u16 {
                    if !matches!(value(), Some(Const::None)) {
                        continue;
                    }
                    if n <= i + 2 {
                        continue;
                    }
                    let mut j = i + 2;
                    if self.blocks[b].instrs[j].op == TO_BOOL as u16 {
                        self.blocks[b].instrs[j].set_op0(NOP as u16);
                        if n <= i + 3 {
                            continue;
                        }
                        j = i + 3;
                    }
                    let mut invert = self.blocks[b].instrs[i + 1].arg != 0;
                    let jop = self.blocks[b].instrs[j].op;
                    if jop == POP_JUMP_IF_FALSE as u16 {
                        invert = !invert;
                    } else if jop != POP_JUMP_IF_TRUE as u16 {
                        continue;
                    }
                    self.blocks[b].instrs[i].set_op0(NOP as u16);
                    self.blocks[b].instrs[i + 1].set_op0(NOP as u16);
                    self.blocks[b].instrs[j].op =
                        if invert { POP_JUMP_IF_NOT_NONE } else { POP_JUMP_IF_NONE } as u16;
                } else if nextop == TO_BOOL as u16 {
                    let Some(is_true) = value().as_ref().and_then(fold::truthy) else { continue };
                    let idx = consts.add(Const::Bool(is_true)) as i32;
                    self.blocks[b].instrs[i].set_op0(NOP as u16);
                    self.blocks[b].instrs[i + 1].set_op1(LOAD_CONST as u16, idx);
                }
            }
        }
    }

    /// `jump_thread`: replace the jump at the end of `b` by one to its target's target.
    fn jump_thread(&mut self, b: BlockId, i: usize, target: CInstr, op: u16) -> bool {
        let ins = self.blocks[b].instrs[i];
        if ins.target != target.target {
            self.blocks[b].instrs[i].set_op0(NOP as u16);
            let mut j = CInstr::new(op, target.arg, target.loc);
            j.target = target.target;
            self.blocks[b].push_fresh(j);
            return true;
        }
        false
    }

    pub fn optimize_basic_block(&mut self, b: BlockId, consts: &mut Consts) {
        let mut i: isize = 0;
        while (i as usize) < self.blocks[b].instrs.len() {
            let iu = i as usize;
            let n = self.blocks[b].instrs.len();
            let ins = self.blocks[b].instrs[iu];
            let (opcode, oparg) = (ins.op, ins.arg);
            let target: CInstr = if has_target(opcode) {
                match ins.target.and_then(|t| self.blocks[t].instrs.first().copied()) {
                    Some(t) => t,
                    None => CInstr::new(NOP as u16, 0, NO_LOCATION),
                }
            } else {
                CInstr::new(NOP as u16, 0, NO_LOCATION)
            };
            let nextop = if iu + 1 < n { self.blocks[b].instrs[iu + 1].op } else { 0 };
            let next_arg = if iu + 1 < n { self.blocks[b].instrs[iu + 1].arg } else { 0 };
            let mut skip_rest = false;
            match opcode {
                op if op == BUILD_TUPLE as u16 => {
                    if nextop == UNPACK_SEQUENCE as u16 && oparg == next_arg {
                        match oparg {
                            1 => {
                                self.blocks[b].instrs[iu].set_op0(NOP as u16);
                                self.blocks[b].instrs[iu + 1].set_op0(NOP as u16);
                                skip_rest = true;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[iu].set_op0(NOP as u16);
                                self.blocks[b].instrs[iu + 1].op = SWAP as u16;
                                skip_rest = true;
                            }
                            _ => {}
                        }
                    }
                    if !skip_rest {
                        self.fold_tuple_of_constants(b, iu, consts);
                    }
                }
                op if op == BUILD_LIST as u16 || op == BUILD_SET as u16 => {
                    self.optimize_lists_and_sets(b, iu, nextop, consts);
                }
                op if (op == POP_JUMP_IF_NOT_NONE as u16
                    || op == POP_JUMP_IF_NONE as u16
                    || op == POP_JUMP_IF_FALSE as u16
                    || op == POP_JUMP_IF_TRUE as u16)
                    && target.op == JUMP
                    && self.jump_thread(b, iu, target, opcode) =>
                {
                    i -= 1;
                }
                JUMP_IF_FALSE | JUMP_IF_TRUE => {
                    let same = opcode;
                    let other = if opcode == JUMP_IF_FALSE { JUMP_IF_TRUE } else { JUMP_IF_FALSE };
                    if target.op == JUMP || target.op == same {
                        if self.jump_thread(b, iu, target, same) {
                            i -= 1;
                        }
                    } else if target.op == other
                        && let Some(t) = ins.target
                    {
                        self.blocks[b].instrs[iu].target = self.blocks[t].next;
                        i -= 1;
                    }
                }
                JUMP | JUMP_NO_INTERRUPT => {
                    if target.op == JUMP {
                        if self.jump_thread(b, iu, target, JUMP) {
                            i -= 1;
                        }
                    } else if target.op == JUMP_NO_INTERRUPT
                        && self.jump_thread(b, iu, target, opcode)
                    {
                        i -= 1;
                    }
                }
                op if op == STORE_FAST as u16
                    && opcode == nextop
                    && oparg == next_arg
                    && ins.loc.lineno == self.blocks[b].instrs[iu + 1].loc.lineno =>
                {
                    self.blocks[b].instrs[iu].set_op0(POP_TOP as u16);
                }
                op if op == SWAP as u16 && oparg == 1 => {
                    self.blocks[b].instrs[iu].set_op0(NOP as u16);
                }
                op if op == LOAD_GLOBAL as u16 && nextop == PUSH_NULL as u16 && oparg & 1 == 0 => {
                    self.blocks[b].instrs[iu].set_op1(LOAD_GLOBAL as u16, oparg | 1);
                    self.blocks[b].instrs[iu + 1].set_op0(NOP as u16);
                }
                op if op == COMPARE_OP as u16 && nextop == TO_BOOL as u16 => {
                    self.blocks[b].instrs[iu].set_op0(NOP as u16);
                    self.blocks[b].instrs[iu + 1].set_op1(COMPARE_OP as u16, oparg | 16);
                }
                op if op == CONTAINS_OP as u16 || op == IS_OP as u16 => {
                    if op == CONTAINS_OP as u16 {
                        self.fold_built_const_iterable(b, iu, consts);
                    }
                    if nextop == TO_BOOL as u16 {
                        self.blocks[b].instrs[iu].set_op0(NOP as u16);
                        self.blocks[b].instrs[iu + 1].set_op1(opcode, oparg);
                    } else if nextop == UNARY_NOT as u16 {
                        self.blocks[b].instrs[iu].set_op0(NOP as u16);
                        self.blocks[b].instrs[iu + 1].set_op1(opcode, oparg ^ 1);
                    }
                }
                op if op == TO_BOOL as u16 && nextop == TO_BOOL as u16 => {
                    self.blocks[b].instrs[iu].set_op0(NOP as u16);
                }
                op if op == UNARY_NOT as u16 => {
                    if nextop == TO_BOOL as u16 {
                        self.blocks[b].instrs[iu].set_op0(NOP as u16);
                        self.blocks[b].instrs[iu + 1].set_op0(UNARY_NOT as u16);
                    } else if nextop == UNARY_NOT as u16 {
                        self.blocks[b].instrs[iu].set_op0(NOP as u16);
                        self.blocks[b].instrs[iu + 1].set_op0(NOP as u16);
                    } else {
                        self.fold_const_unaryop(b, iu, consts);
                    }
                }
                op if op == UNARY_INVERT as u16 || op == UNARY_NEGATIVE as u16 => {
                    self.fold_const_unaryop(b, iu, consts);
                }
                op if op == CALL_INTRINSIC_1 as u16 => {
                    if oparg == INTRINSIC_LIST_TO_TUPLE {
                        if nextop == GET_ITER as u16 {
                            self.blocks[b].instrs[iu].set_op0(NOP as u16);
                        } else {
                            self.fold_constant_intrinsic_list_to_tuple(b, iu, consts);
                        }
                    } else if oparg == INTRINSIC_UNARY_POSITIVE {
                        self.fold_const_unaryop(b, iu, consts);
                    }
                }
                op if op == BINARY_OP as u16 => self.fold_const_binop(b, iu, consts),
                op if op == GET_ITER as u16 => self.fold_built_const_iterable(b, iu, consts),
                _ => {}
            }
            i += 1;
        }
        let mut i = 0;
        while i < self.blocks[b].instrs.len() {
            if self.blocks[b].instrs[i].op == SWAP as u16 {
                i = self.swaptimize(b, i);
                self.apply_static_swaps(b, i as isize);
            }
            i += 1;
        }
    }

    fn fold_tuple_of_constants(&mut self, b: BlockId, i: usize, consts: &mut Consts) {
        let seq_size = self.blocks[b].instrs[i].arg;
        if seq_size > STACK_USE_GUIDELINE {
            return;
        }
        let Some(idxs) = self.const_loading_instrs(b, i as isize - 1, seq_size as usize) else {
            return;
        };
        let Some(values) = self.values_of(b, &idxs, consts) else { return };
        self.nop_out(b, &idxs);
        self.make_load_const(b, i, Const::Tuple(values), consts);
    }

    fn fold_constant_intrinsic_list_to_tuple(&mut self, b: BlockId, i: usize, consts: &mut Consts) {
        let mut consts_found = 0;
        let mut expect_append = true;
        let mut pos = i as isize - 1;
        while pos >= 0 {
            let ins = self.blocks[b].instrs[pos as usize];
            if ins.op == NOP as u16 {
                pos -= 1;
                continue;
            }
            if ins.op == BUILD_LIST as u16 && ins.arg == 0 {
                if !expect_append {
                    return;
                }
                let mut values = Vec::with_capacity(consts_found);
                let mut to_nop = Vec::new();
                for p in (pos as usize..i).rev() {
                    let x = self.blocks[b].instrs[p];
                    if x.op == NOP as u16 {
                        continue;
                    }
                    if loads_const(x.op) {
                        match consts.value(&x) {
                            Some(v) => values.push(v),
                            None => return,
                        }
                    }
                    to_nop.push(p);
                }
                values.reverse();
                self.nop_out(b, &to_nop);
                self.make_load_const(b, i, Const::Tuple(values), consts);
                return;
            }
            if expect_append {
                if ins.op != LIST_APPEND as u16 || ins.arg != 1 {
                    return;
                }
            } else {
                if !loads_const(ins.op) {
                    return;
                }
                consts_found += 1;
            }
            expect_append = !expect_append;
            pos -= 1;
        }
    }

    /// A list or set display too long for `BUILD_LIST n` (built as `BUILD_LIST 0` and one
    /// `LIST_APPEND 1` per element) that holds only constants and is only iterated or searched
    /// (`GET_ITER`, `CONTAINS_OP` at `i`) becomes one constant tuple or frozenset, loaded by
    /// the instruction just before `i` (as CPython 3.14 places it).
    fn fold_built_const_iterable(&mut self, b: BlockId, i: usize, consts: &mut Consts) {
        let mut pos = i as isize - 1;
        let mut values = Vec::new();
        let mut slots = Vec::new();
        let mut expect_append = true;
        let mut append_op = 0u16;
        loop {
            if pos < 0 {
                return;
            }
            let ins = self.blocks[b].instrs[pos as usize];
            if ins.op == NOP as u16 {
                pos -= 1;
                continue;
            }
            if expect_append {
                let is_append = (ins.op == LIST_APPEND as u16 || ins.op == SET_ADD as u16)
                    && ins.arg == 1
                    && (append_op == 0 || append_op == ins.op);
                if is_append {
                    append_op = ins.op;
                    slots.push(pos as usize);
                    expect_append = false;
                    pos -= 1;
                    continue;
                }
                let start = if append_op == SET_ADD as u16 { BUILD_SET } else { BUILD_LIST };
                if append_op != 0 && ins.op == start as u16 && ins.arg == 0 {
                    slots.push(pos as usize);
                    break;
                }
                return;
            }
            match consts.value(&ins) {
                Some(v) => values.push(v),
                None => return,
            }
            slots.push(pos as usize);
            expect_append = true;
            pos -= 1;
        }
        if values.len() as i32 <= STACK_USE_GUIDELINE {
            return;
        }
        values.reverse();
        let result =
            if append_op == SET_ADD as u16 { frozenset_of(values) } else { Const::Tuple(values) };
        let index = consts.add(result) as i32;
        self.nop_out(b, &slots);
        // The load goes just before the GET_ITER / CONTAINS_OP, keeping that slot's location
        // (none for the last append; the tuple display's for a skipped `LIST_TO_TUPLE`).
        self.blocks[b].instrs[i - 1].set_op1(LOAD_CONST as u16, index);
    }

    fn optimize_lists_and_sets(&mut self, b: BlockId, i: usize, nextop: u16, consts: &mut Consts) {
        let ins = self.blocks[b].instrs[i];
        let contains_or_iter = nextop == GET_ITER as u16 || nextop == CONTAINS_OP as u16;
        let seq_size = ins.arg;
        if seq_size > STACK_USE_GUIDELINE
            || (seq_size < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter)
        {
            return;
        }
        let Some(idxs) = self.const_loading_instrs(b, i as isize - 1, seq_size as usize) else {
            if contains_or_iter && ins.op == BUILD_LIST as u16 {
                self.blocks[b].instrs[i].set_op1(BUILD_TUPLE as u16, seq_size);
            }
            return;
        };
        let Some(values) = self.values_of(b, &idxs, consts) else { return };
        let result =
            if ins.op == BUILD_SET as u16 { frozenset_of(values) } else { Const::Tuple(values) };
        let index = consts.add(result) as i32;
        self.nop_out(b, &idxs);
        if contains_or_iter {
            self.blocks[b].instrs[i].set_op1(LOAD_CONST as u16, index);
        } else if i >= 2 {
            let loc = ins.loc;
            let blk = &mut self.blocks[b].instrs;
            blk[i - 2].loc = loc;
            blk[i - 2].set_op1(ins.op, 0);
            blk[i - 1].set_op1(LOAD_CONST as u16, index);
            let ext = if ins.op == BUILD_LIST as u16 { LIST_EXTEND } else { SET_UPDATE };
            blk[i].set_op1(ext as u16, 1);
        }
    }

    fn fold_const_binop(&mut self, b: BlockId, i: usize, consts: &mut Consts) {
        let Some(idxs) = self.const_loading_instrs(b, i as isize - 1, 2) else { return };
        let Some(values) = self.values_of(b, &idxs, consts) else { return };
        let op = self.blocks[b].instrs[i].arg;
        let Some(result) = fold::binop(&values[0], op, &values[1]) else { return };
        self.nop_out(b, &idxs);
        self.make_load_const(b, i, result, consts);
    }

    fn fold_const_unaryop(&mut self, b: BlockId, i: usize, consts: &mut Consts) {
        let Some(idxs) = self.const_loading_instrs(b, i as isize - 1, 1) else { return };
        let Some(values) = self.values_of(b, &idxs, consts) else { return };
        let ins = self.blocks[b].instrs[i];
        let op = if ins.op == CALL_INTRINSIC_1 as u16 { 0 } else { ins.op as u8 };
        let Some(result) = fold::unaryop(&values[0], op) else { return };
        self.nop_out(b, &idxs);
        self.make_load_const(b, i, result, consts);
    }

    /// `swaptimize`: replace a run of SWAPs and NOPs by the shortest equivalent; returns the
    /// index of the run's last instruction.
    fn swaptimize(&mut self, b: BlockId, ix: usize) -> usize {
        let instrs = &mut self.blocks[b].instrs;
        let mut depth = instrs[ix].arg;
        let mut len = 0;
        let mut more = false;
        let limit = instrs.len() - ix;
        loop {
            len += 1;
            if len >= limit {
                break;
            }
            let op = instrs[ix + len].op;
            if op == SWAP as u16 {
                depth = depth.max(instrs[ix + len].arg);
                more = true;
            } else if op != NOP as u16 {
                break;
            }
        }
        if !more {
            return ix;
        }
        let depth = depth.max(1) as usize;
        let mut stack: Vec<i64> = (0..depth as i64).collect();
        for k in 0..len {
            if instrs[ix + k].op == SWAP as u16 {
                let oparg = instrs[ix + k].arg as usize;
                stack.swap(0, oparg - 1);
            }
        }
        const VISITED: i64 = -1;
        let mut current = len as isize - 1;
        for i in 0..depth {
            if stack[i] == VISITED || stack[i] == i as i64 {
                continue;
            }
            let mut j = i;
            loop {
                if j != 0 {
                    let ins = &mut instrs[ix + current as usize];
                    ins.op = SWAP as u16;
                    ins.arg = j as i32 + 1;
                    current -= 1;
                }
                if stack[j] == VISITED {
                    break;
                }
                let next_j = stack[j] as usize;
                stack[j] = VISITED;
                j = next_j;
            }
        }
        while current >= 0 {
            instrs[ix + current as usize].set_op0(NOP as u16);
            current -= 1;
        }
        ix + len - 1
    }

    fn apply_static_swaps(&mut self, b: BlockId, mut i: isize) {
        let swappable = |op: u16| {
            op == STORE_FAST as u16 || op == STORE_FAST_MAYBE_NULL || op == POP_TOP as u16
        };
        let stores_to = |ins: &CInstr| {
            if ins.op == STORE_FAST as u16 || ins.op == STORE_FAST_MAYBE_NULL {
                ins.arg
            } else {
                -1
            }
        };
        let next_swappable = |instrs: &[CInstr], mut i: usize, lineno: i32| -> Option<usize> {
            loop {
                i += 1;
                if i >= instrs.len() {
                    return None;
                }
                let ins = &instrs[i];
                if lineno >= 0 && ins.loc.lineno != lineno {
                    return None;
                }
                if ins.op == NOP as u16 {
                    continue;
                }
                if swappable(ins.op) {
                    return Some(i);
                }
                return None;
            }
        };
        while i >= 0 {
            let instrs = &mut self.blocks[b].instrs;
            let swap = instrs[i as usize];
            if swap.op != SWAP as u16 {
                if swap.op == NOP as u16 || swappable(swap.op) {
                    i -= 1;
                    continue;
                }
                return;
            }
            let Some(j) = next_swappable(instrs, i as usize, -1) else { return };
            let mut k = j;
            let lineno = instrs[j].loc.lineno;
            let mut count = swap.arg - 1;
            while count > 0 {
                match next_swappable(instrs, k, lineno) {
                    Some(x) => k = x,
                    None => return,
                }
                count -= 1;
            }
            let store_j = stores_to(&instrs[j]);
            let store_k = stores_to(&instrs[k]);
            if store_j >= 0 || store_k >= 0 {
                if store_j == store_k {
                    return;
                }
                for between in &instrs[j + 1..k] {
                    let s = stores_to(between);
                    if s >= 0 && (s == store_j || s == store_k) {
                        return;
                    }
                }
            }
            instrs[i as usize].set_op0(NOP as u16);
            instrs.swap(j, k);
            i -= 1;
        }
    }

    /// `remove_unused_consts`: drop constants no instruction loads (the first is always
    /// kept: it may be the docstring) and renumber the loads.
    pub fn remove_unused_consts(&mut self, consts: &mut Vec<Const>) {
        let n = consts.len();
        if n == 0 {
            return;
        }
        let mut used = vec![false; n];
        used[0] = true;
        let order = self.order();
        for &b in &order {
            for ins in &self.blocks[b].instrs {
                if has_const(ins.op) && (ins.arg as usize) < n {
                    used[ins.arg as usize] = true;
                }
            }
        }
        if used.iter().all(|u| *u) {
            return;
        }
        let mut remap = vec![0i32; n];
        let mut kept = Vec::new();
        for (i, c) in consts.drain(..).enumerate() {
            if used[i] {
                remap[i] = kept.len() as i32;
                kept.push(c);
            }
        }
        *consts = kept;
        for &b in &order {
            for ins in self.blocks[b].instrs.iter_mut() {
                if has_const(ins.op) && (ins.arg as usize) < n {
                    ins.arg = remap[ins.arg as usize];
                }
            }
        }
    }

    fn maybe_push(&mut self, b: BlockId, mask: u64, stack: &mut Vec<BlockId>) {
        let both = self.blocks[b].unsafe_locals_mask | mask;
        if self.blocks[b].unsafe_locals_mask != both {
            self.blocks[b].unsafe_locals_mask = both;
            if !self.blocks[b].visited {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    fn scan_block_for_locals(&mut self, b: BlockId, stack: &mut Vec<BlockId>) {
        let mut mask = self.blocks[b].unsafe_locals_mask;
        for i in 0..self.blocks[b].instrs.len() {
            let ins = self.blocks[b].instrs[i];
            if let Some(h) = ins.except {
                self.maybe_push(h, mask, stack);
            }
            if ins.arg >= 64 || ins.arg < 0 {
                continue;
            }
            let bit = 1u64 << ins.arg;
            match ins.op {
                op if op == DELETE_FAST as u16
                    || op == LOAD_FAST_AND_CLEAR as u16
                    || op == STORE_FAST_MAYBE_NULL =>
                {
                    mask |= bit
                }
                op if op == STORE_FAST as u16 || op == LOAD_FAST_CHECK as u16 => mask &= !bit,
                op if op == LOAD_FAST as u16 => {
                    if mask & bit != 0 {
                        self.blocks[b].instrs[i].op = LOAD_FAST_CHECK as u16;
                    }
                    mask &= !bit;
                }
                _ => {}
            }
        }
        if let Some(next) = self.blocks[b].next
            && self.blocks[b].has_fallthrough()
        {
            self.maybe_push(next, mask, stack);
        }
        if let Some(last) = self.blocks[b].last().copied()
            && has_jump(last.op)
            && let Some(t) = last.target
        {
            self.maybe_push(t, mask, stack);
        }
    }

    fn fast_scan_many_locals(&mut self, nlocals: usize) {
        let mut states = vec![0usize; nlocals - 64];
        let mut blocknum = 0;
        for b in self.order() {
            blocknum += 1;
            for ins in self.blocks[b].instrs.iter_mut() {
                let arg = ins.arg as usize;
                if ins.arg < 64 || arg >= nlocals {
                    continue;
                }
                match ins.op {
                    op if op == DELETE_FAST as u16
                        || op == LOAD_FAST_AND_CLEAR as u16
                        || op == STORE_FAST_MAYBE_NULL =>
                    {
                        states[arg - 64] = blocknum - 1
                    }
                    op if op == STORE_FAST as u16 => states[arg - 64] = blocknum,
                    op if op == LOAD_FAST as u16 => {
                        if states[arg - 64] != blocknum {
                            ins.op = LOAD_FAST_CHECK as u16;
                        }
                        states[arg - 64] = blocknum;
                    }
                    _ => {}
                }
            }
        }
    }

    /// `add_checks_for_loads_of_uninitialized_variables`.
    pub fn add_checks_for_uninitialized(&mut self, nlocals: usize, nparams: usize) {
        if nlocals == 0 {
            return;
        }
        let mut nlocals = nlocals;
        if nlocals > 64 {
            self.fast_scan_many_locals(nlocals);
            nlocals = 64;
        }
        self.reset_visited();
        let mut stack = Vec::new();
        let mut start_mask = 0u64;
        for i in nparams..nlocals {
            start_mask |= 1u64 << i;
        }
        let entry = self.entry;
        self.maybe_push(entry, start_mask, &mut stack);
        for b in self.order() {
            self.scan_block_for_locals(b, &mut stack);
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut stack);
        }
    }

    pub fn insert_superinstructions(&mut self) {
        for b in self.order() {
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let nextop = if i + 1 < n { self.blocks[b].instrs[i + 1].op } else { 0 };
                let op = self.blocks[b].instrs[i].op;
                let sup = if op == LOAD_FAST as u16 && nextop == LOAD_FAST as u16 {
                    Some(LOAD_FAST_LOAD_FAST)
                } else if op == STORE_FAST as u16 && nextop == LOAD_FAST as u16 {
                    Some(STORE_FAST_LOAD_FAST)
                } else if op == STORE_FAST as u16 && nextop == STORE_FAST as u16 {
                    Some(STORE_FAST_STORE_FAST)
                } else {
                    None
                };
                if let Some(sup) = sup {
                    let (a, c) = (self.blocks[b].instrs[i], self.blocks[b].instrs[i + 1]);
                    let (l1, l2) = (a.loc.lineno, c.loc.lineno);
                    if l1 >= 0 && l2 >= 0 && l1 != l2 {
                        continue;
                    }
                    if a.arg >= 16 || c.arg >= 16 {
                        continue;
                    }
                    self.blocks[b].instrs[i].set_op1(sup as u16, (a.arg << 4) | c.arg);
                    self.blocks[b].instrs[i + 1].set_op0(NOP as u16);
                }
            }
        }
        self.remove_redundant_nops();
    }
}
