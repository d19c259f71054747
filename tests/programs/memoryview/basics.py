m = memoryview(b"abcdef")
print(m[0], m[-1], m[1:4].tobytes(), bytes(m[::2]), len(m), m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes)
print(m.tolist()[:3], m.hex(), m == b"abcdef", m[2:4] == b"cd", m.obj == b"abcdef", m.contiguous, m.c_contiguous)
ba = bytearray(b"xyz")
mv = memoryview(ba)
mv[0] = ord("X")
mv[1:3] = b"YZ"
print(ba, mv.readonly, mv.tobytes())
try:
    m[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    mv[0:2] = b"abc"
except ValueError as e:
    print("ValueError", e)
mv.release()
try:
    mv[0]
except ValueError as e:
    print("ValueError", e)
with memoryview(b"ctx") as c:
    print(c.tobytes())
