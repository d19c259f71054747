"""Generate Taipan's opcode tables from CPython 3.14's own opcode data.

Run with the oracle:  ../shared/tools/cpython3.14 scripts/gen_opcodes.py
Writes crates/taipan-bytecode/src/opcodes.rs (a `#[rustfmt::skip]` module) from:
- `_opcode_metadata`: opmap (real, instrumented and pseudo opcodes with CPython's numbers), the
  specialised instructions and their families, HAVE_ARGUMENT, MIN_INSTRUMENTED_OPCODE;
- `opcode`: `_cache_format` (inline cache layout per opcode), cmp_op, `_nb_ops`, the intrinsic
  and special-method names, the common constants;
- `_opcode`: has_arg / has_const / has_name / has_jump / has_free / has_local / has_exc, and
  `stack_effect`, which the formulas below are checked against for oparg 0..=1024 and every
  `jump` value before anything is written;
- `importlib.util.MAGIC_NUMBER` for the .pyc header.
"""
import builtins
import importlib.util
import os
import sys

import _opcode
import opcode
from _opcode_metadata import (HAVE_ARGUMENT, MIN_INSTRUMENTED_OPCODE, _specializations,
                              _specialized_opmap, opmap)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "taipan-bytecode", "src", "opcodes.rs")

# Net stack effects that depend on the oparg, as expressions valid in both Python and Rust
# (`oparg` is an i64). Every other opcode has a constant effect, read from the oracle and then
# checked like these. The formulas follow the stack comments of CPython 3.14's Python/bytecodes.c.
OPARG_EFFECTS = {
    "BUILD_INTERPOLATION": "-1 - (oparg & 1)",   # value, str, (format) -> interpolation
    "BUILD_LIST": "1 - oparg",
    "BUILD_SET": "1 - oparg",
    "BUILD_SLICE": "1 - oparg",
    "BUILD_STRING": "1 - oparg",
    "BUILD_TUPLE": "1 - oparg",
    "BUILD_MAP": "1 - oparg * 2",                 # oparg key/value pairs -> dict
    "CALL": "-1 - oparg",                         # callable, self_or_null, args[oparg] -> res
    "INSTRUMENTED_CALL": "-1 - oparg",
    "CALL_KW": "-2 - oparg",                      # ... plus the kwnames tuple
    "INSTRUMENTED_CALL_KW": "-2 - oparg",
    "LOAD_ATTR": "oparg & 1",                     # low bit: push NULL|self too
    "LOAD_GLOBAL": "1 + (oparg & 1)",             # low bit: push NULL too
    "LOAD_SUPER_ATTR": "-2 + (oparg & 1)",        # global_super, class, self -> attr (, self)
    "INSTRUMENTED_LOAD_SUPER_ATTR": "-2 + (oparg & 1)",
    "RAISE_VARARGS": "-oparg",
    "UNPACK_EX": "(oparg & 0xFF) + (oparg >> 8)",  # before + 1 + after - 1
    "UNPACK_SEQUENCE": "oparg - 1",
}
# Pseudo-instructions whose effect depends on whether the jump (to the handler) is taken: the
# handler starts with the exception (and, for SETUP_CLEANUP, lasti; for SETUP_WITH, the exit
# function's pair minus the context manager) pushed; falling through pushes nothing.
JUMP_EFFECTS = {"SETUP_FINALLY": (1, 0), "SETUP_CLEANUP": (2, 0), "SETUP_WITH": (1, 0)}


def oracle_effect(op, oparg, jump):
    try:
        if jump is None:
            return _opcode.stack_effect(op, oparg)
        return _opcode.stack_effect(op, oparg, jump=jump)
    except ValueError:
        return None


def main():
    specialised_names = set(_specialized_opmap)
    all_ops = dict(opmap)
    all_ops.update(_specialized_opmap)
    by_num = {v: k for k, v in all_ops.items()}
    max_op = max(all_ops.values())
    family_of = {s: base for base, fam in _specializations.items() for s in fam}

    # --- stack effects: build, then verify against the oracle -------------------------------
    effects = {}  # name -> ("const", n) | ("expr", text) | ("jump", taken, not_taken)
    for name, op in opmap.items():
        if name in OPARG_EFFECTS:
            effects[name] = ("expr", OPARG_EFFECTS[name])
        elif name in JUMP_EFFECTS:
            effects[name] = ("jump",) + JUMP_EFFECTS[name]
        else:
            effects[name] = ("const", oracle_effect(op, 0, None))
    bad = []
    for name, op in opmap.items():
        kind = effects[name]
        for oparg in range(0, 1025):
            for jump in (None, True, False):
                if kind[0] == "const":
                    mine = kind[1]
                elif kind[0] == "expr":
                    mine = eval(kind[1], {"oparg": oparg})
                else:
                    mine = kind[1] if jump in (None, True) else kind[2]
                want = oracle_effect(op, oparg, jump)
                if mine != want:
                    bad.append((name, oparg, jump, mine, want))
    if bad:
        for b in bad[:40]:
            print("stack effect mismatch: %s oparg=%d jump=%s mine=%s oracle=%s" % b, file=sys.stderr)
        sys.exit(1)

    # --- flags --------------------------------------------------------------------------------
    # bit 0 has_arg, 1 has_const, 2 has_name, 3 has_jump, 4 has_free, 5 has_local, 6 has_exc
    preds = [_opcode.has_arg, _opcode.has_const, _opcode.has_name, _opcode.has_jump,
             _opcode.has_free, _opcode.has_local, _opcode.has_exc]
    flags = []
    for op in range(max_op + 1):
        name = by_num.get(op)
        # `_opcode` answers for base opcodes only; a specialised opcode takes its family's flags.
        q = all_ops[family_of[name]] if name in family_of else op
        f = 0
        for bit, p in enumerate(preds):
            if p(q):
                f |= 1 << bit
        flags.append(f)
    # cross-check with the documented lists in opcode.py
    for bit, lst in enumerate([opcode.hasarg, opcode.hasconst, opcode.hasname, opcode.hasjump,
                               opcode.hasfree, opcode.haslocal, opcode.hasexc]):
        for op in lst:
            assert flags[op] & (1 << bit), (op, bit)

    cache_entries = [0] * 256
    cache_format = {}
    for name, op in all_ops.items():
        if op > 255:
            continue
        base = family_of.get(name, name)
        fmt = opcode._cache_format.get(base)
        if fmt:
            cache_entries[op] = sum(fmt.values())
            cache_format[op] = list(fmt.items())

    w = []
    w.append("//! CPython 3.14's opcodes: numbers, names, specialisation families, inline cache layout,")
    w.append("//! argument kinds, stack effects and the tables `dis` shows argument values with.")
    w.append("//!")
    w.append("//! GENERATED by scripts/gen_opcodes.py from the oracle's `_opcode_metadata`, `opcode` and")
    w.append("//! `_opcode` modules; do not edit by hand. The friendlier API is in `crate::opcode`.")
    w.append("")
    w.append("// Real opcodes (one byte in co_code), specialised ones included.")
    for op in range(max_op + 1):
        name = by_num.get(op)
        if name and op < 256:
            w.append("pub const %s: u8 = %d;" % (name, op))
    w.append("")
    w.append("// Pseudo-instructions: only the compiler's intermediate code has them.")
    for name, op in sorted(opmap.items(), key=lambda x: x[1]):
        if op >= 256:
            w.append("pub const %s: u16 = %d;" % (name, op))
    w.append("")
    w.append("pub const HAVE_ARGUMENT: u8 = %d;" % HAVE_ARGUMENT)
    w.append("pub const MIN_INSTRUMENTED_OPCODE: u8 = %d;" % MIN_INSTRUMENTED_OPCODE)
    w.append("/// The largest opcode number, pseudo-instructions included.")
    w.append("pub const MAX_OPCODE: u16 = %d;" % max_op)
    w.append("/// `importlib.util.MAGIC_NUMBER`: the first four bytes of a .pyc file.")
    w.append("pub const MAGIC_NUMBER: [u8; 4] = [%s];" % ", ".join(str(b) for b in importlib.util.MAGIC_NUMBER))
    w.append("")
    w.append("/// Opcode names by number (`None` for unused numbers).")
    w.append("pub static OPNAMES: [Option<&str>; %d] = [" % (max_op + 1))
    for op in range(max_op + 1):
        name = by_num.get(op)
        w.append('    %s,' % ('Some("%s")' % name if name else "None"))
    w.append("];")
    w.append("")
    w.append("/// Argument-kind flags by opcode number (specialised opcodes take their family's).")
    w.append("pub const HAS_ARG: u8 = 1;")
    w.append("pub const HAS_CONST: u8 = 2;")
    w.append("pub const HAS_NAME: u8 = 4;")
    w.append("pub const HAS_JUMP: u8 = 8;")
    w.append("pub const HAS_FREE: u8 = 16;")
    w.append("pub const HAS_LOCAL: u8 = 32;")
    w.append("pub const HAS_EXC: u8 = 64;")
    w.append("pub static FLAGS: [u8; %d] = [" % (max_op + 1))
    for i in range(0, len(flags), 16):
        w.append("    " + " ".join("%d," % f for f in flags[i:i + 16]))
    w.append("];")
    w.append("")
    w.append("/// The base opcode of each real opcode (itself unless specialised).")
    w.append("pub static DEOPT: [u8; 256] = [")
    deopt = []
    for op in range(256):
        name = by_num.get(op)
        deopt.append(all_ops[family_of[name]] if name in family_of else op)
    for i in range(0, 256, 16):
        w.append("    " + " ".join("%d," % d for d in deopt[i:i + 16]))
    w.append("];")
    w.append("")
    w.append("/// Inline cache entries (16-bit code units) after each real opcode.")
    w.append("pub const CACHE_ENTRIES: [u8; 256] = [")
    for i in range(0, 256, 16):
        w.append("    " + " ".join("%d," % d for d in cache_entries[i:i + 16]))
    w.append("];")
    w.append("")
    w.append("/// The named fields of an opcode's inline cache, with their sizes in code units.")
    w.append("pub fn cache_format(op: u8) -> &'static [(&'static str, u8)] {")
    w.append("    match op {")
    for op, fmt in sorted(cache_format.items()):
        w.append("        %d => &[%s]," % (op, ", ".join('("%s", %d)' % kv for kv in fmt)))
    w.append("        _ => &[],")
    w.append("    }")
    w.append("}")
    w.append("")
    w.append("/// Specialisation families: base opcode and its specialised forms.")
    w.append("pub static SPECIALIZATIONS: &[(u8, &[u8])] = &[")
    for base, fam in _specializations.items():
        w.append("    (%s, &[%s])," % (base, ", ".join(fam)))
    w.append("];")
    w.append("")
    w.append("/// `COMPARE_OP`'s operators, indexed by `oparg >> 5`.")
    w.append("pub static CMP_OP: [&str; %d] = [%s];" % (len(opcode.cmp_op), ", ".join('"%s"' % c for c in opcode.cmp_op)))
    w.append("/// `BINARY_OP`'s operators: (NB_* name, symbol), indexed by oparg.")
    w.append("pub static NB_OPS: [(&str, &str); %d] = [" % len(opcode._nb_ops))
    for n, s in opcode._nb_ops:
        w.append('    ("%s", "%s"),' % (n, s))
    w.append("];")
    w.append("/// `CALL_INTRINSIC_1`'s functions, indexed by oparg.")
    w.append("pub static INTRINSIC_1: [&str; %d] = [" % len(opcode._intrinsic_1_descs))
    for n in opcode._intrinsic_1_descs:
        w.append('    "%s",' % n)
    w.append("];")
    w.append("/// `CALL_INTRINSIC_2`'s functions, indexed by oparg.")
    w.append("pub static INTRINSIC_2: [&str; %d] = [" % len(opcode._intrinsic_2_descs))
    for n in opcode._intrinsic_2_descs:
        w.append('    "%s",' % n)
    w.append("];")
    w.append("/// `LOAD_SPECIAL`'s method names, indexed by oparg.")
    w.append("pub static SPECIAL_METHOD_NAMES: [&str; %d] = [%s];" % (
        len(opcode._special_method_names), ", ".join('"%s"' % n for n in opcode._special_method_names)))
    w.append("/// `LOAD_COMMON_CONSTANT`'s objects by oparg, as `dis` shows them (a type by its name).")
    reprs = [c.__name__ if isinstance(c, type) else repr(c) for c in opcode._common_constants]
    w.append("pub static COMMON_CONSTANTS: [&str; %d] = [%s];" % (len(reprs), ", ".join('"%s"' % r for r in reprs)))
    w.append("")
    w.append("/// Net stack effect of `op` with `oparg` as CPython 3.14's `_opcode.stack_effect` computes")
    w.append("/// it; `jump` selects the taken (`Some(true)`, or `None`: the maximum) or fall-through branch.")
    w.append("/// `None` for numbers that are not base or pseudo opcodes.")
    w.append("pub fn base_stack_effect(op: u16, oparg: i64, jump: Option<bool>) -> Option<i64> {")
    w.append("    Some(match op {")
    groups = {}
    for name, op in sorted(opmap.items(), key=lambda x: x[1]):
        kind = effects[name]
        if kind[0] == "const":
            if kind[1] is None:
                continue
            key = str(kind[1])
        elif kind[0] == "expr":
            key = kind[1]
        else:
            key = "if jump == Some(false) { %d } else { %d }" % (kind[2], kind[1])
        groups.setdefault(key, []).append(op)
    for key, ops in groups.items():
        w.append("        %s => %s," % (" | ".join(str(o) for o in ops), key))
    w.append("        _ => return None,")
    w.append("    })")
    w.append("}")
    w.append("")
    text = "\n".join(w)
    with open(OUT, "w") as f:
        f.write(text)
    print("wrote %s (%d opcodes)" % (os.path.relpath(OUT, ROOT), len(all_ops)))


if __name__ == "__main__":
    main()
