# dis on Taipan's own code objects: dis.dis, dis.Bytecode, get_instructions, the opcode
# module's tables, code object attributes dis reads.
import dis
import opcode


def add(a, b):
    return a + b


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    return total


def handler(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return None


def closure():
    v = 1
    def inner():
        return v
    return inner


dis.dis(add)
dis.dis(loop)
dis.dis(handler)
dis.dis(closure())
print([i.opname for i in dis.get_instructions(add)])
for ins in dis.Bytecode(loop):
    print(ins.offset, ins.opname, ins.arg, repr(ins.argval), ins.is_jump_target,
          ins.line_number if hasattr(ins, 'line_number') else '')
print(list(dis.findlinestarts(add.__code__)))
print(list(add.__code__.co_lines()))
print(list(add.__code__.co_positions()))
print(add.__code__.co_exceptiontable, handler.__code__.co_exceptiontable)
print(add.__code__.co_linetable)
print(add.__code__._varname_from_oparg(1))
print(opcode.opmap['LOAD_FAST'], opcode.opname[opcode.opmap['RETURN_VALUE']])
print(opcode.hasconst, opcode.hasjump[:5], opcode.haslocal[:5])
print(opcode.stack_effect(opcode.opmap['BINARY_OP'], 0), opcode.stack_effect(opcode.opmap['POP_TOP']))
print(dis.COMPILER_FLAG_NAMES[1], dis.pretty_flags(add.__code__.co_flags))
for line in dis.code_info(loop).splitlines():
    if not line.startswith('Filename'):
        print(line)
