import sys

v = sys.version_info
print(type(v), type(v).__bases__, isinstance(v, tuple), len(v))
print(v[:2], v.major, v.minor, v.releaselevel, v >= (3, 14), v[0] == v.major)
print(type(v).n_fields, type(v).n_sequence_fields, type(v).n_unnamed_fields, type(v).__match_args__)
print(hasattr(v, '_fields'))
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, len(sys.float_info))
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag)
print(sys.thread_info.name, len(sys.thread_info), type(sys.thread_info).__match_args__)
f = sys.flags
print(type(f), len(f), type(f).n_sequence_fields, f.debug, f.optimize, f.int_max_str_digits, f.dev_mode)
print(type(f).__match_args__[:5])
match v:
    case (major, minor, *_):
        print("match", major, minor)
a, b, *rest = sys.int_info
print(a, b, rest)
print(tuple(sys.float_info)[-2:], list(sys.int_info))
