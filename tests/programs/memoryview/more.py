b = bytearray(b"abcdefgh")
m = memoryview(b)
print(m[::2].tobytes(), m[::-1].tobytes(), m[2:6][1:3].tobytes(), bytes(m[-3:]))
r = m.toreadonly()
print(r.readonly, r.tobytes())
try:
    r[0] = 65
except TypeError as e:
    print("TypeError", e)
m[::2] = b"ABCD"
print(b)
print(m == bytearray(b"AbCdEfGh"), m.tolist()[:4], memoryview(b"ab") == memoryview(b"ab"), memoryview(b"ab") == "ab")
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print("ValueError", e)
print(hash(memoryview(b"xy")) == hash(b"xy"))
