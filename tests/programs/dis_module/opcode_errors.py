# _opcode's predicates and stack_effect's errors.
import _opcode
import opcode

print(_opcode.is_valid(1), _opcode.is_valid(121), _opcode.is_valid(-1), _opcode.is_valid(266),
      _opcode.is_valid(267))
print(_opcode.has_arg(opcode.opmap['LOAD_CONST']), _opcode.has_arg(opcode.opmap['NOP']),
      _opcode.has_const(opcode.opmap['LOAD_CONST']), _opcode.has_name(opcode.opmap['LOAD_NAME']),
      _opcode.has_jump(opcode.opmap['JUMP_FORWARD']), _opcode.has_free(opcode.opmap['LOAD_DEREF']),
      _opcode.has_local(opcode.opmap['LOAD_FAST']), _opcode.has_exc(opcode.opmap['SETUP_FINALLY']))
print(_opcode.has_arg(300), _opcode.has_const(-5))
for args, kwargs in [((opcode.opmap['POP_TOP'],), {}), ((opcode.opmap['BUILD_LIST'], 3), {}),
                     ((opcode.opmap['FOR_ITER'], 1), {'jump': True}),
                     ((opcode.opmap['FOR_ITER'], 1), {'jump': False}),
                     ((300,), {}), ((-1,), {}),
                     ((opcode._specialized_opmap['BINARY_OP_ADD_INT'],), {}),
                     ((opcode.opmap['POP_TOP'],), {'jump': 1}),
                     (('x',), {}), ((), {})]:
    try:
        print(_opcode.stack_effect(*args, **kwargs))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(_opcode.get_nb_ops()[:3], _opcode.get_intrinsic1_descs()[7])
print(_opcode.get_special_method_names(), _opcode.get_specialization_stats())
try:
    _opcode.get_executor((lambda: 0).__code__, 0)
except ValueError as e:
    print(e)
print(len(opcode.opname), opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG)
