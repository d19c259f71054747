//! `co_exceptiontable`: the zero-cost exception handling table of CPython 3.11+.
//!
//! Each entry is four varints: start, length, target (all in code units) and `depth << 1 | lasti`
//! (the value-stack depth to unwind to, and whether to push the offset of the raising
//! instruction). These varints are big-endian groups of 6 bits with bit 6 set on every group but
//! the last; bit 7 is set on the first byte of each entry and nowhere else.

/// One handler range. `start`, `end` and `target` are code-unit indexes (`dis` shows them ×2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

const CONTINUE: u8 = 0x40;
const ENTRY_START: u8 = 0x80;

fn write_varint(out: &mut Vec<u8>, v: u32, mut mark: u8) {
    let mut shift = 30;
    while shift > 0 && v >> shift == 0 {
        shift -= 6;
    }
    while shift > 0 {
        out.push(((v >> shift) & 63) as u8 | CONTINUE | mark);
        mark = 0;
        shift -= 6;
    }
    out.push((v & 63) as u8 | mark);
}

/// Encodes entries (in the order given; CPython's are sorted by start and do not overlap).
pub fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        write_varint(&mut out, e.start, ENTRY_START);
        write_varint(&mut out, e.end.wrapping_sub(e.start), 0);
        write_varint(&mut out, e.target, 0);
        write_varint(&mut out, (e.depth << 1) | e.lasti as u32, 0);
    }
    out
}

fn read_varint(data: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *data.get(*pos)?;
    *pos += 1;
    let mut v = (b & 63) as u32;
    while b & CONTINUE != 0 {
        b = *data.get(*pos)?;
        *pos += 1;
        v = v.checked_mul(64)? | (b & 63) as u32;
    }
    Some(v)
}

/// The entry starting at byte `pos` of the table, and moves `pos` past it; `None` when the data
/// runs out (an incomplete last entry counts as absent).
#[inline]
fn next_entry(table: &[u8], pos: &mut usize) -> Option<Entry> {
    let start = read_varint(table, pos)?;
    let length = read_varint(table, pos)?;
    let target = read_varint(table, pos)?;
    let dl = read_varint(table, pos)?;
    Some(Entry {
        start,
        end: start.wrapping_add(length),
        target,
        depth: dl >> 1,
        lasti: dl & 1 != 0,
    })
}

/// Decodes the table as `dis._parse_exception_table` does: entries until the data runs out (an
/// incomplete last entry is dropped).
pub fn decode(table: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(e) = next_entry(table, &mut pos) {
        out.push(e);
    }
    out
}

/// The handler for the instruction at code unit `index`, as the interpreter looks it up: the
/// first entry whose range holds it (read in place, nothing allocated).
pub fn find_handler(table: &[u8], index: u32) -> Option<Entry> {
    let mut pos = 0;
    while let Some(e) = next_entry(table, &mut pos) {
        if e.start <= index && index < e.end {
            return Some(e);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let entries = [
            Entry { start: 2, end: 10, target: 30, depth: 0, lasti: false },
            Entry { start: 10, end: 100, target: 5000, depth: 3, lasti: true },
            Entry { start: 70000, end: 70001, target: 1 << 20, depth: 64, lasti: true },
        ];
        let table = encode(&entries);
        assert_eq!(table[0], 0x82);
        assert_eq!(decode(&table), entries);
        assert_eq!(find_handler(&table, 12).map(|e| e.target), Some(5000));
        assert_eq!(find_handler(&table, 0), None);
    }

    #[test]
    fn truncated_and_garbage() {
        assert!(decode(b"\x82\x08").is_empty());
        let _ = decode(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f");
    }
}
