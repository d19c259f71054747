//! Questions about an opcode: its name, base (unspecialised) opcode, argument kind, inline cache
//! size and stack effect. The tables behind the answers are generated into [`crate::opcodes`].

use crate::opcodes::{
    CACHE_ENTRIES, DEOPT, FLAGS, HAS_ARG, HAS_CONST, HAS_EXC, HAS_FREE, HAS_JUMP, HAS_LOCAL,
    HAS_NAME, OPNAMES, SPECIALIZATIONS,
};

/// The opcode's name (`opcode.opname`, specialised and pseudo opcodes included), `None` for an
/// unused number.
pub fn name(op: u16) -> Option<&'static str> {
    OPNAMES.get(op as usize).copied().flatten()
}

/// The opcode numbered by `name`, if any.
pub fn by_name(name: &str) -> Option<u16> {
    OPNAMES.iter().position(|n| *n == Some(name)).map(|i| i as u16)
}

/// The base opcode of a specialised one (`dis._deoptop`); other opcodes map to themselves.
pub fn deopt(op: u8) -> u8 {
    DEOPT[op as usize]
}

/// The specialised forms of a base opcode (empty when it has none).
pub fn specializations(op: u8) -> &'static [u8] {
    SPECIALIZATIONS.iter().find(|(b, _)| *b == op).map_or(&[], |(_, f)| f)
}

/// True for pseudo-instructions (numbers above 255): the compiler's intermediate code only.
pub fn is_pseudo(op: u16) -> bool {
    op > 255
}

/// True for specialised instructions (they only appear in adaptive code at run time).
pub fn is_specialized(op: u8) -> bool {
    DEOPT[op as usize] != op
}

/// True for the `INSTRUMENTED_*` opcodes (and `INSTRUMENTED_LINE`, `ENTER_EXECUTOR`).
pub fn is_instrumented(op: u8) -> bool {
    op >= crate::opcodes::MIN_INSTRUMENTED_OPCODE
}

/// Number of 16-bit inline cache entries that follow the instruction in `co_code`.
pub fn cache_entries(op: u8) -> usize {
    CACHE_ENTRIES[op as usize] as usize
}

fn flag(op: u16, bit: u8) -> bool {
    FLAGS.get(op as usize).is_some_and(|f| f & bit != 0)
}

/// The opcode uses its oparg (`_opcode.has_arg`; specialised opcodes answer for their family).
pub fn has_arg(op: u16) -> bool {
    flag(op, HAS_ARG)
}
/// The oparg indexes `co_consts`.
pub fn has_const(op: u16) -> bool {
    flag(op, HAS_CONST)
}
/// The oparg indexes `co_names` (possibly shifted, see `LOAD_GLOBAL`/`LOAD_ATTR`).
pub fn has_name(op: u16) -> bool {
    flag(op, HAS_NAME)
}
/// The oparg is a relative jump.
pub fn has_jump(op: u16) -> bool {
    flag(op, HAS_JUMP)
}
/// The oparg indexes the cell/free part of the fast locals.
pub fn has_free(op: u16) -> bool {
    flag(op, HAS_FREE)
}
/// The oparg indexes the fast locals.
pub fn has_local(op: u16) -> bool {
    flag(op, HAS_LOCAL)
}
/// The pseudo-instruction sets up an exception handler.
pub fn has_exc(op: u16) -> bool {
    flag(op, HAS_EXC)
}

/// A jump whose oparg counts backwards (`dis._is_backward_jump`; `END_ASYNC_FOR` is not really a
/// jump but names its `SEND` that way).
pub fn is_backward_jump(op: u8) -> bool {
    use crate::opcodes::{END_ASYNC_FOR, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT};
    matches!(op, JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT | END_ASYNC_FOR)
}

/// Net stack effect of an instruction, as `_opcode.stack_effect(op, oparg, jump=jump)` gives it
/// for base and pseudo opcodes; specialised opcodes answer for their family (CPython refuses
/// them). `jump`: `Some(true)` for the branch taken, `Some(false)` for the fall-through, `None`
/// for the larger of the two. Returns `None` for numbers that are no opcode.
pub fn stack_effect_checked(op: u16, oparg: i32, jump: Option<bool>) -> Option<i32> {
    let base = if op < 256 { deopt(op as u8) as u16 } else { op };
    crate::opcodes::base_stack_effect(base, oparg as i64, jump).map(|e| e as i32)
}

/// [`stack_effect_checked`] for an opcode known to exist (0 for an unknown number).
pub fn stack_effect(op: u16, oparg: i32, jump: Option<bool>) -> i32 {
    stack_effect_checked(op, oparg, jump).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcodes::*;

    #[test]
    fn names_and_families() {
        assert_eq!(name(LOAD_CONST as u16), Some("LOAD_CONST"));
        assert_eq!(name(SETUP_FINALLY), Some("SETUP_FINALLY"));
        assert_eq!(by_name("BINARY_OP"), Some(BINARY_OP as u16));
        assert_eq!(deopt(LOAD_ATTR_MODULE), LOAD_ATTR);
        assert!(specializations(LOAD_GLOBAL).contains(&LOAD_GLOBAL_MODULE));
        assert_eq!(cache_entries(LOAD_ATTR), 9);
        assert_eq!(cache_entries(LOAD_ATTR_SLOT), 9);
        assert_eq!(cache_entries(CALL), 3);
        assert!(has_jump(FOR_ITER as u16) && has_const(LOAD_CONST as u16));
        assert!(has_arg(LOAD_CLOSURE) && !has_arg(POP_TOP as u16));
    }

    #[test]
    fn stack_effects() {
        assert_eq!(stack_effect(CALL as u16, 3, None), -4);
        assert_eq!(stack_effect(LOAD_GLOBAL as u16, 1, None), 2);
        assert_eq!(stack_effect(UNPACK_EX as u16, 0x102, None), 3);
        assert_eq!(stack_effect(SETUP_CLEANUP, 0, Some(false)), 0);
        assert_eq!(stack_effect(SETUP_CLEANUP, 0, Some(true)), 2);
        assert_eq!(stack_effect(CALL_PY_EXACT_ARGS as u16, 2, None), -3);
        assert_eq!(stack_effect_checked(300, 0, None), None);
    }
}
