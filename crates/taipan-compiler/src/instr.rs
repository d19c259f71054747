//! The compiler's intermediate code: source locations, jump labels, instructions (real and
//! pseudo opcodes, before assembly) and the flat instruction sequence the code generator writes
//! (CPython's `_PyInstructionSequence`), which the flow graph is then built from.

use taipan_parser::ast::Loc;

/// A source span as CPython's compiler carries it (`_Py_SourceLocation`): 1-based lines,
/// 0-based UTF-8 byte columns; `-1` for "unknown".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

/// No location at all (`NO_LOCATION`); the flow graph fills these in from neighbours.
pub const NO_LOCATION: Location = Location { lineno: -1, end_lineno: -1, col: -1, end_col: -1 };

/// "The location of the next instruction" (`NEXT_LOCATION`), resolved when the flow graph is
/// built.
pub const NEXT_LOCATION: Location = Location { lineno: -2, end_lineno: -2, col: -2, end_col: -2 };

impl Location {
    pub fn new(lineno: i32, end_lineno: i32, col: i32, end_col: i32) -> Location {
        Location { lineno, end_lineno, col, end_col }
    }

    /// The location of an AST node (`LOC(x)`); nodes the compiler synthesizes carry line 0,
    /// which stands for "no location".
    pub fn of(loc: &Loc) -> Location {
        if loc.lineno == 0 {
            return NO_LOCATION;
        }
        Location {
            lineno: loc.lineno as i32,
            end_lineno: loc.end_lineno as i32,
            col: loc.col_offset as i32,
            end_col: loc.end_col_offset as i32,
        }
    }

    /// Whether this is [`NO_LOCATION`] (or any location without a line).
    pub fn is_none(&self) -> bool {
        self.lineno < 0
    }
}

/// A jump target in an instruction sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub usize);

/// One instruction of the sequence. `op` may be a pseudo opcode (> 255). For instructions with a
/// target (jumps and `SETUP_*`), `arg` holds the label's number until the flow graph resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: u16,
    pub arg: i32,
    pub loc: Location,
}

/// The flat sequence of instructions and labels the code generator emits for one code unit.
#[derive(Clone, Debug, Default)]
pub struct InstrSeq {
    pub instrs: Vec<Instr>,
    /// For each label, the index of the instruction it stands before (`None`: not placed yet).
    pub label_map: Vec<Option<usize>>,
    /// Where the annotations placeholder sits (module and class bodies with deferred
    /// annotations), replaced by the `__annotate__` code at the end of the unit.
    pub annotations_placeholder: Option<usize>,
}

impl InstrSeq {
    pub fn new_label(&mut self) -> Label {
        self.label_map.push(None);
        Label(self.label_map.len() - 1)
    }

    pub fn use_label(&mut self, l: Label) {
        self.label_map[l.0] = Some(self.instrs.len());
    }

    pub fn addop(&mut self, op: u16, arg: i32, loc: Location) {
        self.instrs.push(Instr { op, arg, loc });
    }

    /// Replaces the instruction at `pos` with `other`'s instructions (labels shifted).
    pub fn splice(&mut self, pos: usize, other: InstrSeq) {
        let n = other.instrs.len();
        let label_base = self.label_map.len();
        for slot in self.label_map.iter_mut().flatten() {
            if *slot > pos {
                *slot += n.saturating_sub(1);
            }
        }
        for l in other.label_map {
            self.label_map.push(l.map(|i| i + pos));
        }
        let mut inserted: Vec<Instr> = other.instrs;
        for ins in inserted.iter_mut() {
            if crate::opinfo::has_target(ins.op) {
                ins.arg += label_base as i32;
            }
        }
        self.instrs.splice(pos..pos + 1, inserted);
    }
}
