//! What the compiler asks about opcodes beyond `taipan_bytecode::opcode`: CPython's
//! `IS_*_OPCODE` predicates over real and pseudo opcodes, and how many stack items each
//! instruction pops and pushes (`_PyOpcode_num_popped` / `_PyOpcode_num_pushed`), which the
//! borrowed-load analysis needs separately (their difference is the usual stack effect).

use taipan_bytecode::opcode;
use taipan_bytecode::opcodes::*;

/// Opcodes whose oparg is a jump target (`OPCODE_HAS_JUMP`). `END_ASYNC_FOR` names its `SEND`.
pub fn has_jump(op: u16) -> bool {
    opcode::has_jump(op) || op == END_ASYNC_FOR as u16
}

/// `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH` (`IS_BLOCK_PUSH_OPCODE`).
pub fn is_block_push(op: u16) -> bool {
    matches!(op, SETUP_FINALLY | SETUP_CLEANUP | SETUP_WITH)
}

/// The instruction's oparg names a block (`HAS_TARGET`).
pub fn has_target(op: u16) -> bool {
    has_jump(op) || is_block_push(op)
}

pub fn is_scope_exit(op: u16) -> bool {
    op == RETURN_VALUE as u16 || op == RAISE_VARARGS as u16 || op == RERAISE as u16
}

pub fn is_unconditional_jump(op: u16) -> bool {
    matches!(op, JUMP | JUMP_NO_INTERRUPT)
        || op == JUMP_FORWARD as u16
        || op == JUMP_BACKWARD as u16
        || op == JUMP_BACKWARD_NO_INTERRUPT as u16
}

pub fn is_conditional_jump(op: u16) -> bool {
    op == POP_JUMP_IF_FALSE as u16
        || op == POP_JUMP_IF_TRUE as u16
        || op == POP_JUMP_IF_NONE as u16
        || op == POP_JUMP_IF_NOT_NONE as u16
}

/// A block ending in this opcode ends there (`IS_TERMINATOR_OPCODE`).
pub fn is_terminator(op: u16) -> bool {
    has_jump(op) || is_scope_exit(op)
}

/// Opcodes that check the eval breaker (`OPCODE_HAS_EVAL_BREAK`).
pub fn has_eval_break(op: u16) -> bool {
    op == JUMP
        || op == JUMP_BACKWARD as u16
        || op == CALL as u16
        || op == CALL_KW as u16
        || op == CALL_FUNCTION_EX as u16
        || op == RESUME as u16
}

/// The opcode uses its oparg (pseudo opcodes included).
pub fn has_arg(op: u16) -> bool {
    opcode::has_arg(op)
}

pub fn has_const(op: u16) -> bool {
    op == LOAD_CONST as u16
}

/// Number of code units the instruction takes: `EXTENDED_ARG` prefixes, itself, its caches.
pub fn instr_size(op: u16, arg: i32) -> usize {
    let ext = if arg > 0xFF_FFFF {
        3
    } else if arg > 0xFFFF {
        2
    } else if arg > 0xFF {
        1
    } else {
        0
    };
    let caches = if op < 256 { opcode::cache_entries(op as u8) } else { 0 };
    ext + 1 + caches
}

/// `(popped, pushed)` stack items of an instruction (CPython's metadata; pseudo opcodes as the
/// compiler models them, `SETUP_*` counting what the handler sees).
pub fn pops_pushes(op: u16, oparg: i32) -> (i32, i32) {
    let o = oparg;
    if op >= 256 {
        return match op {
            LOAD_CLOSURE => (0, 1),
            STORE_FAST_MAYBE_NULL => (1, 0),
            SETUP_FINALLY | SETUP_WITH => (0, 1),
            SETUP_CLEANUP => (0, 2),
            JUMP_IF_FALSE | JUMP_IF_TRUE => (1, 1),
            _ => (0, 0),
        };
    }
    match op as u8 {
        BINARY_SLICE => (3, 1),
        BUILD_TEMPLATE => (2, 1),
        CALL_FUNCTION_EX => (4, 1),
        CHECK_EG_MATCH | CHECK_EXC_MATCH => (2, 2),
        CLEANUP_THROW => (3, 2),
        DELETE_SUBSCR => (2, 0),
        END_FOR | EXIT_INIT_CHECK | INTERPRETER_EXIT | POP_EXCEPT | POP_ITER | POP_TOP => (1, 0),
        END_SEND => (2, 1),
        FORMAT_SIMPLE
        | GET_AITER
        | GET_ITER
        | GET_YIELD_FROM_ITER
        | MAKE_FUNCTION
        | TO_BOOL
        | UNARY_INVERT
        | UNARY_NEGATIVE
        | UNARY_NOT
        | RETURN_VALUE
        | YIELD_VALUE
        | CALL_INTRINSIC_1
        | CONVERT_VALUE
        | GET_AWAITABLE
        | LOAD_FROM_DICT_OR_DEREF
        | LOAD_FROM_DICT_OR_GLOBALS => (1, 1),
        FORMAT_WITH_SPEC
        | BINARY_OP
        | CALL_INTRINSIC_2
        | COMPARE_OP
        | CONTAINS_OP
        | IS_OP
        | IMPORT_NAME
        | SET_FUNCTION_ATTRIBUTE => (2, 1),
        GET_ANEXT | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | PUSH_EXC_INFO | FOR_ITER
        | IMPORT_FROM | LOAD_SPECIAL => (1, 2),
        LOAD_BUILD_CLASS | LOAD_LOCALS | PUSH_NULL | RETURN_GENERATOR | LOAD_COMMON_CONSTANT
        | LOAD_CONST | LOAD_DEREF | LOAD_FAST | LOAD_FAST_AND_CLEAR | LOAD_FAST_BORROW
        | LOAD_FAST_CHECK | LOAD_NAME | LOAD_SMALL_INT => (0, 1),
        MATCH_KEYS => (2, 3),
        STORE_SLICE => (4, 0),
        STORE_SUBSCR => (3, 0),
        WITH_EXCEPT_START => (5, 6),
        BUILD_INTERPOLATION => (2 + (o & 1), 1),
        BUILD_LIST | BUILD_SET | BUILD_SLICE | BUILD_STRING | BUILD_TUPLE => (o, 1),
        BUILD_MAP => (2 * o, 1),
        CALL => (2 + o, 1),
        CALL_KW => (3 + o, 1),
        COPY => (o, o + 1),
        DELETE_ATTR | STORE_DEREF | STORE_FAST | STORE_GLOBAL | STORE_NAME | POP_JUMP_IF_FALSE
        | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => (1, 0),
        DICT_MERGE | DICT_UPDATE | LIST_APPEND | LIST_EXTEND | SET_ADD | SET_UPDATE => (o + 1, o),
        END_ASYNC_FOR => (2, 0),
        LOAD_ATTR => (1, 1 + (o & 1)),
        LOAD_FAST_LOAD_FAST | LOAD_FAST_BORROW_LOAD_FAST_BORROW => (0, 2),
        LOAD_GLOBAL => (0, 1 + (o & 1)),
        LOAD_SUPER_ATTR => (3, 1 + (o & 1)),
        MAP_ADD => (o + 2, o),
        MATCH_CLASS => (3, 1),
        RAISE_VARARGS => (o, 0),
        RERAISE => (o + 1, o),
        SEND => (2, 2),
        STORE_ATTR => (2, 0),
        STORE_FAST_LOAD_FAST => (1, 1),
        STORE_FAST_STORE_FAST => (2, 0),
        SWAP => (o, o),
        UNPACK_EX => (1, (o & 0xFF) + (o >> 8) + 1),
        UNPACK_SEQUENCE => (1, o),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_pushes_agree_with_stack_effects() {
        for op in 0u16..=120 {
            if op < 256 && opcode::is_specialized(op as u8) || opcode::name(op).is_none() {
                continue;
            }
            for arg in [0, 1, 2, 3, 5, 0x102] {
                let Some(net) = opcode::stack_effect_checked(op, arg, Some(false)) else {
                    continue;
                };
                let (po, pu) = pops_pushes(op, arg);
                assert_eq!(pu - po, net, "{} {arg}", opcode::name(op).unwrap());
            }
        }
    }
}
