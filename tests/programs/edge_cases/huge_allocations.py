# Requests too large for the machine fail with MemoryError (or CPython's OverflowError), never
# by exhausting memory or aborting the interpreter.
for expr in [
    "[0] * (2**62)",
    "[None] * 2**40",
    "(1,) * (2**62)",
    "(None, None) * 2**39",
    "'a' * (2**62)",
    "'ab' * 2**61",
    "b'a' * (2**62)",
    "bytearray(2**62)",
    "bytearray(b'x') * 2**62",
    "list(range(2**62))",
    "list(range(2**40))",
    "list(range(2**100))",
    "1 << (2**62)",
    "f'{1:{2**40}}'",
    "'%*d' % (2**62, 1)",
    "bytes(-1)",
    "len(range(2**100))",
]:
    try:
        r = eval(expr)
        print(expr, "ok", type(r).__name__)
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__, e)
print("still running")
