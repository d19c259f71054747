//! A structural check of SRE code handed to `_sre.compile` (CPython's `_validate`, in
//! outline): every opcode known, every skip inside its block, every block ending where it
//! must, group numbers in range. Code from `re._compiler` always passes; this keeps
//! hand-made code from reaching the matcher, which trusts its input.

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
            | Op::NOT_LITERAL_UNI_IGNORE
            | Op::CATEGORY => pos += 2,
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
            Op::JUMP => pos += 2,
            Op::BRANCH => {
                let mut at = pos + 1;
                loop {
                    let Some(&skip) = code.get(at) else { return false };
                    if skip == 0 {
                        break;
                    }
                    let Some(e) = skip_end(code, at, end) else { return false };
                    if !block(code, at + 1, e, groups, depth + 1) {
                        return false;
                    }
                    at = e;
                }
                pos = at + 1;
            }
            Op::REPEAT_ONE
            | Op::MIN_REPEAT_ONE
            | Op::POSSESSIVE_REPEAT_ONE
            | Op::REPEAT
            | Op::POSSESSIVE_REPEAT => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if e < pos + 4 || !block(code, pos + 4, e, groups, depth + 1) {
                    return false;
                }
                pos = e;
            }
            Op::ASSERT | Op::ASSERT_NOT => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if e < pos + 3 || !block(code, pos + 3, e, groups, depth + 1) {
                    return false;
                }
                pos = e;
            }
            Op::ATOMIC_GROUP => {
                let Some(e) = skip_end(code, pos + 1, end) else { return false };
                if !block(code, pos + 2, e, groups, depth + 1) {
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
