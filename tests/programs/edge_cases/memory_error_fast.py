try:
    x = [0] * (2 ** 62)
except MemoryError as e:
    print("MemoryError list", type(e).__name__, e.args)
try:
    s = "ab" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "str repeat", e)
try:
    b = bytes(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "bytes", e)
try:
    b = bytearray(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "bytearray", e)
try:
    t = (1,) * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "tuple", e)
try:
    [None] * (2 ** 64)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "list 2**64", e)
print("still running")
