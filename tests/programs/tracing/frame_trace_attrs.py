import sys
f = sys._getframe()
for name, v in [('f_lineno', 3), ('f_trace', 5), ('f_trace_lines', 0), ('f_trace_opcodes', 1), ('f_code', 1), ('f_back', None), ('foo', 1)]:
    try:
        setattr(f, name, v); print(name, 'ok', getattr(f, name, None))
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    del f.f_trace; print('del ok', f.f_trace)
except Exception as e: print(type(e).__name__, e)
try:
    del f.f_lineno
except Exception as e: print(type(e).__name__, e)
try:
    del f.f_trace_lines
except Exception as e: print(type(e).__name__, e)
print(f.f_trace_lines, f.f_trace_opcodes)
