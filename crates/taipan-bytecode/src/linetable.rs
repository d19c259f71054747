//! `co_linetable`, the location table of CPython 3.11+, and the `co_lines()` / `co_positions()`
//! views of it.
//!
//! The table is a run of entries, each covering 1 to 8 code units. An entry's first byte is
//! `1CCCCLLL`: bit 7 marks the start of an entry, `CCCC` is the form and `LLL` the number of code
//! units minus one. Forms (lines are deltas from the previous entry's line, starting at
//! `co_firstlineno`; columns are 0-based UTF-8 byte offsets):
//!
//! | code   | form      | payload                                                        |
//! |--------|-----------|----------------------------------------------------------------|
//! | 0..=9  | short     | one byte `cccceeee`: column `code*8 + cccc`, end column + `eeee`; same line |
//! | 10..=12| one line  | line delta `code - 10`; column byte; end column byte           |
//! | 13     | no column | signed varint line delta; no columns                           |
//! | 14     | long      | signed varint line delta, varint end-line delta, varint column+1, varint end column+1 |
//! | 15     | none      | no location at all                                             |
//!
//! Varints here are little-endian groups of 6 bits, bit 6 set on every group but the last; a
//! signed varint carries the sign in its lowest bit.

/// A source span, as one item of `co_positions()`; `None` where CPython yields `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Positions {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// One item of `co_lines()`: the byte offsets `start..end` of `co_code` belong to `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    pub start: u32,
    pub end: u32,
    pub line: Option<i32>,
}

/// One entry of the table: `length` code units (1..=8) sharing a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub length: u8,
    pub pos: Positions,
}

const FORM_ONE_LINE0: u8 = 10;
const FORM_NO_COLUMNS: u8 = 13;
const FORM_LONG: u8 = 14;
const FORM_NONE: u8 = 15;

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(0x40 | (v & 63) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

fn write_svarint(out: &mut Vec<u8>, v: i32) {
    let u = if v < 0 { (v.unsigned_abs() << 1) | 1 } else { (v as u32) << 1 };
    write_varint(out, u);
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut v = (b & 63) as u32;
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift >= 32 {
                return None;
            }
            v |= ((b & 63) as u32) << shift;
        }
        Some(v)
    }

    fn svarint(&mut self) -> Option<i32> {
        let u = self.varint()?;
        let mag = (u >> 1) as i32;
        Some(if u & 1 != 0 { mag.wrapping_neg() } else { mag })
    }
}

/// Decodes the table into its entries, with absolute positions. A malformed tail is dropped.
pub fn decode(table: &[u8], firstlineno: i32) -> Vec<Entry> {
    let mut r = Reader { data: table, pos: 0 };
    let mut line = firstlineno;
    let mut out = Vec::new();
    while let Some(first) = r.byte() {
        if first & 0x80 == 0 {
            break;
        }
        let code = (first >> 3) & 15;
        let length = (first & 7) + 1;
        let pos = match code {
            FORM_NONE => Positions::default(),
            FORM_LONG => {
                let (Some(dl), Some(de), Some(c), Some(ec)) =
                    (r.svarint(), r.varint(), r.varint(), r.varint())
                else {
                    break;
                };
                line = line.wrapping_add(dl);
                Positions {
                    line: Some(line),
                    end_line: Some(line.wrapping_add(de as i32)),
                    col: (c as i32).checked_sub(1).filter(|c| *c >= 0),
                    end_col: (ec as i32).checked_sub(1).filter(|c| *c >= 0),
                }
            }
            FORM_NO_COLUMNS => {
                let Some(dl) = r.svarint() else { break };
                line = line.wrapping_add(dl);
                Positions { line: Some(line), end_line: Some(line), col: None, end_col: None }
            }
            10..=12 => {
                let (Some(c), Some(ec)) = (r.byte(), r.byte()) else { break };
                line = line.wrapping_add((code - FORM_ONE_LINE0) as i32);
                Positions {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(c as i32),
                    end_col: Some(ec as i32),
                }
            }
            _ => {
                let Some(second) = r.byte() else { break };
                let col = ((code as i32) << 3) | (second >> 4) as i32;
                Positions {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(col + (second & 15) as i32),
                }
            }
        };
        out.push(Entry { length, pos });
    }
    out
}

/// Builds a location table, as CPython's assembler does, from the location of each instruction
/// (with its caches): `(code units, location)`; runs longer than 8 units are split.
pub struct Encoder {
    out: Vec<u8>,
    line: i32,
}

impl Encoder {
    pub fn new(firstlineno: i32) -> Encoder {
        Encoder { out: Vec::new(), line: firstlineno }
    }

    /// Appends `units` code units located at `pos` (`pos.line == None`: no location).
    pub fn push(&mut self, mut units: u32, pos: Positions) {
        while units > 0 {
            let n = units.min(8);
            self.entry(n as u8, pos);
            units -= n;
        }
    }

    fn head(&mut self, code: u8, length: u8) {
        self.out.push(0x80 | (code << 3) | (length - 1));
    }

    fn entry(&mut self, length: u8, pos: Positions) {
        let Some(line) = pos.line else {
            self.head(FORM_NONE, length);
            return;
        };
        let delta = line.wrapping_sub(self.line);
        let end_line = pos.end_line;
        match (pos.col, pos.end_col) {
            (Some(col), Some(end_col)) if end_line == Some(line) => {
                if delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                    self.head((col >> 3) as u8, length);
                    self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                    return;
                }
                if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                    self.head(FORM_ONE_LINE0 + delta as u8, length);
                    self.out.push(col as u8);
                    self.out.push(end_col as u8);
                    self.line = line;
                    return;
                }
            }
            (Some(_), Some(_)) => {}
            _ if end_line.is_none() || end_line == Some(line) => {
                self.head(FORM_NO_COLUMNS, length);
                write_svarint(&mut self.out, delta);
                self.line = line;
                return;
            }
            _ => {}
        }
        self.head(FORM_LONG, length);
        write_svarint(&mut self.out, delta);
        write_varint(&mut self.out, end_line.unwrap_or(line).wrapping_sub(line) as u32);
        write_varint(&mut self.out, pos.col.map_or(0, |c| c as u32 + 1));
        write_varint(&mut self.out, pos.end_col.map_or(0, |c| c as u32 + 1));
        self.line = line;
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Encodes decoded entries back into a table.
pub fn encode(entries: &[Entry], firstlineno: i32) -> Vec<u8> {
    let mut enc = Encoder::new(firstlineno);
    for e in entries {
        enc.entry(e.length, e.pos);
    }
    enc.finish()
}

/// `co_positions()`: one item per code unit of a `code_units`-long `co_code`; units past the
/// table's end have no position.
pub fn co_positions(table: &[u8], firstlineno: i32, code_units: usize) -> Vec<Positions> {
    let mut out = Vec::with_capacity(code_units);
    for e in decode(table, firstlineno) {
        for _ in 0..e.length {
            if out.len() < code_units {
                out.push(e.pos);
            }
        }
    }
    out.resize(code_units, Positions::default());
    out
}

/// `co_lines()`: the byte ranges of `co_code` and their line, consecutive entries on the same
/// line merged (a `None` line too).
pub fn co_lines(table: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut out: Vec<LineRange> = Vec::new();
    let mut offset = 0u32;
    for e in decode(table, firstlineno) {
        let end = offset + 2 * e.length as u32;
        let line = e.pos.line;
        match out.last_mut() {
            Some(last) if last.line == line => last.end = end,
            _ => out.push(LineRange { start: offset, end, line }),
        }
        offset = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: i32, end_line: i32, col: i32, end_col: i32) -> Positions {
        let opt = |v: i32| (v >= 0).then_some(v);
        Positions { line: opt(line), end_line: opt(end_line), col: opt(col), end_col: opt(end_col) }
    }

    #[test]
    fn module_x_equals_1() {
        // compile('x=1', 'fn', 'exec').co_linetable under CPython 3.14
        let table = b"\xf0\x03\x01\x01\x01\xd8\x02\x03\x82\x01";
        let entries = decode(table, 1);
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0], Entry { length: 1, pos: p(0, 1, 0, 0) });
        assert_eq!(entries[1].pos, p(1, 1, 2, 3));
        assert_eq!(entries[2].pos, p(1, 1, 0, 1));
        assert_eq!(encode(&entries, 1), table);
        let lines = co_lines(table, 1);
        assert_eq!(
            lines,
            [
                LineRange { start: 0, end: 2, line: Some(0) },
                LineRange { start: 2, end: 10, line: Some(1) }
            ]
        );
    }

    #[test]
    fn varints_round_trip() {
        for v in [0u32, 1, 63, 64, 4095, 4096, 1 << 20, u32::MAX >> 1] {
            let mut out = Vec::new();
            write_varint(&mut out, v);
            assert_eq!(Reader { data: &out, pos: 0 }.varint(), Some(v));
        }
        for v in [0i32, 1, -1, 100, -100, 1 << 28, -(1 << 28)] {
            let mut out = Vec::new();
            write_svarint(&mut out, v);
            assert_eq!(Reader { data: &out, pos: 0 }.svarint(), Some(v));
        }
    }

    #[test]
    fn every_form_round_trips() {
        let mut enc = Encoder::new(10);
        let locs = [
            (1, p(10, 10, 4, 9)),     // short
            (3, p(11, 11, 100, 120)), // one line, +1
            (20, p(-1, -1, -1, -1)),  // none, split 8+8+4
            (2, p(5, 5, -1, -1)),     // no columns, negative delta
            (1, p(7, 9, 0, 3)),       // long
            (1, p(7, 7, 200, 300)),   // long (columns too wide)
        ];
        for (n, pos) in locs {
            enc.push(n, pos);
        }
        let table = enc.finish();
        let entries = decode(&table, 10);
        assert_eq!(entries.len(), 8);
        assert_eq!(encode(&entries, 10), table);
        let pos = co_positions(&table, 10, 28);
        assert_eq!(pos[0], p(10, 10, 4, 9));
        assert_eq!(pos[3], p(11, 11, 100, 120));
        assert_eq!(pos[4], Positions::default());
        assert_eq!(pos[26], p(7, 9, 0, 3));
        assert_eq!(pos[27], p(7, 7, 200, 300));
    }

    #[test]
    fn malformed_tables_do_not_panic() {
        for t in
            [&b"\xf0"[..], b"\xf0\x41", b"\x01\x02", b"\xc0", b"\xf0\xff\xff\xff\xff\xff\xff\xff"]
        {
            let _ = co_lines(t, 1);
            let _ = co_positions(t, 1, 4);
        }
    }
}
