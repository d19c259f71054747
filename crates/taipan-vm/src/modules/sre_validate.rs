//! A structural check of SRE code handed to `_sre.compile` (CPython's `_validate`, in
//! outline): every opcode known, every skip inside its block, every block ending where it
//! must, group numbers in range. Code from `re._compiler` always passes; this keeps
//! hand-made code from reaching the matcher, which trusts its input. Also finds the one
//! construct the matcher crate gets wrong (a lazy repeat of a group that can match the empty
//! string, on which it can loop without end), which `_sre.compile` refuses for now.

use rustpython_sre_engine::SreOpcode as Op;

/// Whether `code` is well formed for a pattern with `groups` groups.
pub fn valid(code: &[u32], groups: usize) -> bool {
    let Some(last) = code.last() else { return false };
    *last == Op::SUCCESS as u32 && block(code, 0, code.len(), groups, 0)
}

fn op_of(w: u32) -> Option<Op> {
    Op::try_from(w).ok()
}

/// Where the skip stored at `at` leads (`at + skip`), if inside `end`.
fn skip_end(code: &[u32], at: usize, end: usize) -> Option<usize> {
    let skip = *code.get(at)? as usize;
    let e = at.checked_add(skip)?;
    (skip > 0 && e <= end).then_some(e)
}

/// A set (the body of `IN`), from `pos` to `end`, which must close with FAILURE.
fn set(code: &[u32], mut pos: usize, end: usize) -> bool {
    while pos < end {
        let Some(op) = op_of(code[pos]) else { return false };
        pos += match op {
            Op::FAILURE => return pos + 1 == end,
            Op::NEGATE => 1,
            Op::LITERAL | Op::CATEGORY => 2,
            Op::RANGE | Op::RANGE_UNI_IGNORE => 3,
            Op::CHARSET => 9,
            Op::BIGCHARSET => {
                let Some(&n) = code.get(pos + 1) else { return false };
                2 + 64 + 8 * n as usize
            }
            _ => return false,
        };
    }
    false
}

/// The sequence of operations from `pos` to `end` (exclusive).
fn block(code: &[u32], mut pos: usize, end: usize, groups: usize, depth: usize) -> bool {
    if depth > 200 {
        return true;
    }
    while pos < end {
        let Some(op) = op_of(code[pos]) else { return false };
        match op {
            Op::FAILURE | Op::SUCCESS | Op::ANY | Op::ANY_ALL => pos += 1,
            Op::MAX_UNTIL | Op::MIN_UNTIL => pos += 1,
            Op::AT => {
                if code.get(pos + 1).is_none_or(|&a| a > 11) {
                    return false;
                }
                pos += 2;
            }
            Op::LITERAL
            | Op::NOT_LITERAL
            | Op::LITERAL_IGNORE
            | Op::NOT_LITERAL_IGNORE
            | Op::LITERAL_LOC_IGNORE
            | Op::NOT_LITERAL_LOC_IGNORE
            | Op::LITERAL_UNI_IGNORE
            | Op::NOT_LITERAL_UNI_IGNORE => pos += 2,
            Op::MARK => {
                if code.get(pos + 1).is_none_or(|&m| m as usize >= 2 * groups) {
                    return false;
                }
                pos += 2;
            }
            Op::GROUPREF
            | Op::GROUPREF_IGNORE
            | Op::GROUPREF_LOC_IGNORE
            | Op::GROUPREF_UNI_IGNORE => {
                if code.get(pos + 1).is_none_or(|&g| g as usize >= groups) {
                    return false;
                }
                pos += 2;
            }
            Op::IN | Op::IN_IGNORE | Op::IN_UNI_IGNORE | Op::IN_LOC_IGNORE => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if !set(code, pos + 2, e) {
                    return false;
                }
                pos = e;
            }
            Op::INFO => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                pos = e;
            }
            // Inside a branch or a conditional: the code after it follows in line.
            // Its target is past the enclosing branch, so only the whole code bounds it.
            Op::JUMP => {
                if skip_end(code, pos + 1, code.len()).is_none() {
                    return false;
                }
                pos += 2;
            }
            Op::BRANCH => {
                // Each alternative ends with a JUMP past the others; a 0 ends the list.
                let mut at = pos + 1;
                let mut alternatives = 0;
                loop {
                    let Some(&skip) = code.get(at) else { return false };
                    if skip == 0 {
                        break;
                    }
                    let Some(e) = skip_end(code, at, end) else { return false };
                    if e < at + 3
                        || code[e - 2] != Op::JUMP as u32
                        || !block(code, at + 1, e, groups, depth + 1)
                    {
                        return false;
                    }
                    alternatives += 1;
                    at = e;
                }
                if alternatives == 0 {
                    return false;
                }
                pos = at + 1;
            }
            Op::REPEAT_ONE
            | Op::MIN_REPEAT_ONE
            | Op::POSSESSIVE_REPEAT_ONE
            | Op::REPEAT
            | Op::POSSESSIVE_REPEAT => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if e < pos + 5 || !block(code, pos + 4, e, groups, depth + 1) {
                    return false;
                }
                // The body ends with SUCCESS (single-character repeats), or is followed by
                // MAX_UNTIL/MIN_UNTIL (REPEAT) or SUCCESS (POSSESSIVE_REPEAT).
                let closes = match op {
                    Op::REPEAT => code
                        .get(e)
                        .is_some_and(|&w| w == Op::MAX_UNTIL as u32 || w == Op::MIN_UNTIL as u32),
                    Op::POSSESSIVE_REPEAT => code.get(e) == Some(&(Op::SUCCESS as u32)),
                    _ => code[e - 1] == Op::SUCCESS as u32,
                };
                if !closes {
                    return false;
                }
                pos = e;
            }
            Op::ASSERT | Op::ASSERT_NOT => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if e < pos + 4
                    || code[e - 1] != Op::SUCCESS as u32
                    || !block(code, pos + 3, e, groups, depth + 1)
                {
                    return false;
                }
                pos = e;
            }
            Op::ATOMIC_GROUP => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if e < pos + 3
                    || code[e - 1] != Op::SUCCESS as u32
                    || !block(code, pos + 2, e, groups, depth + 1)
                {
                    return false;
                }
                pos = e;
            }
            Op::GROUPREF_EXISTS => {
                if code.get(pos + 1).is_none_or(|&g| g as usize >= groups) {
                    return false;
                }
                if skip_end(code, pos + 2, end + 1).is_none() {
                    return false;
                }
                pos += 3;
            }
            _ => return false,
        }
    }
    pos == end
}

/// The fewest characters the (validated) code in `pos..end` can match; conditionals count as
/// possibly empty.
fn min_width(code: &[u32], mut pos: usize, end: usize, depth: usize) -> u64 {
    let mut total: u64 = 0;
    while pos < end {
        let Some(op) = op_of(code[pos]) else { return total };
        match op {
            Op::FAILURE | Op::SUCCESS | Op::MAX_UNTIL | Op::MIN_UNTIL => pos += 1,
            Op::ANY | Op::ANY_ALL => {
                total += 1;
                pos += 1;
            }
            Op::AT | Op::MARK => pos += 2,
            Op::GROUPREF
            | Op::GROUPREF_IGNORE
            | Op::GROUPREF_LOC_IGNORE
            | Op::GROUPREF_UNI_IGNORE => pos += 2,
            Op::IN | Op::IN_IGNORE | Op::IN_UNI_IGNORE | Op::IN_LOC_IGNORE | Op::INFO => {
                if op != Op::INFO {
                    total += 1;
                }
                pos += 1 + code[pos + 1] as usize;
            }
            Op::JUMP | Op::GROUPREF_EXISTS => return total,
            Op::BRANCH => {
                let mut at = pos + 1;
                let mut best = u64::MAX;
                while code[at] != 0 {
                    let e = at + code[at] as usize;
                    best = best.min(if depth > 50 {
                        0
                    } else {
                        min_width(code, at + 1, e - 2, depth + 1)
                    });
                    at = e;
                }
                total = total.saturating_add(best);
                pos = at + 1;
            }
            Op::REPEAT_ONE
            | Op::MIN_REPEAT_ONE
            | Op::POSSESSIVE_REPEAT_ONE
            | Op::REPEAT
            | Op::POSSESSIVE_REPEAT => {
                let e = pos + 1 + code[pos + 1] as usize;
                let body = if depth > 50 { 0 } else { min_width(code, pos + 4, e, depth + 1) };
                total = total.saturating_add(body.saturating_mul(u64::from(code[pos + 2])));
                pos = e;
            }
            Op::ASSERT | Op::ASSERT_NOT => pos += 1 + code[pos + 1] as usize,
            Op::ATOMIC_GROUP => {
                let e = pos + 1 + code[pos + 1] as usize;
                if depth <= 50 {
                    total = total.saturating_add(min_width(code, pos + 2, e, depth + 1));
                }
                pos = e;
            }
            _ => {
                total += 1;
                pos += 2;
            }
        }
    }
    total
}

/// Whether validated code has a lazy repeat of a group that can match the empty string
/// (`(?:a?)*?`): the matcher crate does not restore its zero-width guard when such a repeat
/// backtracks and can loop without end, so `_sre.compile` refuses these patterns.
pub fn has_lazy_empty_repeat(code: &[u32]) -> bool {
    code.iter().enumerate().any(|(i, &w)| {
        // A REPEAT's skip leads to its MIN_UNTIL; only opcode positions can satisfy all this
        // for validated code, but check bounds anyway.
        w == Op::REPEAT as u32
            && code.get(i + 1).is_some_and(|&skip| {
                let e = i + 1 + skip as usize;
                code.get(e) == Some(&(Op::MIN_UNTIL as u32))
                    && e > i + 4
                    && is_opcode_start(code, i)
                    && min_width(code, i + 4, e, 0) == 0
            })
    })
}

/// Whether `at` is the position of an opcode (not an argument) in validated code.
fn is_opcode_start(code: &[u32], at: usize) -> bool {
    fn walk(code: &[u32], mut pos: usize, end: usize, at: usize, depth: usize) -> bool {
        while pos < end {
            if pos == at {
                return true;
            }
            if pos > at || depth > 200 {
                return false;
            }
            let Some(op) = op_of(code[pos]) else { return false };
            let next = match op {
                Op::FAILURE
                | Op::SUCCESS
                | Op::ANY
                | Op::ANY_ALL
                | Op::MAX_UNTIL
                | Op::MIN_UNTIL => pos + 1,
                Op::GROUPREF_EXISTS => pos + 3,
                Op::IN | Op::IN_IGNORE | Op::IN_UNI_IGNORE | Op::IN_LOC_IGNORE | Op::INFO => {
                    pos + 1 + code[pos + 1] as usize
                }
                Op::BRANCH => {
                    let mut p = pos + 1;
                    while code[p] != 0 {
                        let e = p + code[p] as usize;
                        if at > p && at < e {
                            return walk(code, p + 1, e, at, depth + 1);
                        }
                        p = e;
                    }
                    p + 1
                }
                Op::REPEAT_ONE
                | Op::MIN_REPEAT_ONE
                | Op::POSSESSIVE_REPEAT_ONE
                | Op::REPEAT
                | Op::POSSESSIVE_REPEAT
                | Op::ASSERT
                | Op::ASSERT_NOT
                | Op::ATOMIC_GROUP => {
                    let e = pos + 1 + code[pos + 1] as usize;
                    let body = match op {
                        Op::ATOMIC_GROUP => pos + 2,
                        Op::ASSERT | Op::ASSERT_NOT => pos + 3,
                        _ => pos + 4,
                    };
                    if at >= body && at < e {
                        return walk(code, body, e, at, depth + 1);
                    }
                    e
                }
                _ => pos + 2,
            };
            pos = next;
        }
        false
    }
    walk(code, 0, code.len(), at, 0)
}
