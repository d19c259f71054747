# memoryview formats, multi-dimensional casts, comparisons and released views
ba = bytearray(range(16))
m = memoryview(ba)
for f in ["b", "B", "h", "H", "i", "I", "q", "Q", "f", "d", "c", "?"]:
    c = m.cast(f)
    print(f, c.itemsize, len(c), c.nbytes, c.tolist()[:3])
two = m.cast("H", shape=[2, 4])
print(two.shape, two.strides, two.ndim, two.tolist(), two[1, 3], two.c_contiguous, two.contiguous)
h = m.cast("h")
h[0] = -2
print(ba[:2], h[0], h.tolist()[:2])
for code in ["h[0] = 70000", "h[0] = 'x'", "m.cast('H').cast('I')", "m[::2].cast('H')", "m.cast('B', shape=[3, 5])", "m.cast('Z')", "two[0]", "len(memoryview(b'ab').cast('c'))", "memoryview('abc')", "m[20]", "m['a']", "del m[0]"]:
    try:
        r = eval(code) if "=" not in code and not code.startswith("del") else exec(code)
        print(code, "->", r)
    except Exception as e:
        print(code, "->", type(e).__name__, e)
r = memoryview(b"abc")
print(r == b"abc", r == memoryview(b"abc"), r != b"abd", r[::-1].tobytes(), r.toreadonly().readonly, r.obj, r.hex(":"), list(r), r.f_contiguous)
r.release()
print(r == r, "released" in repr(r))
for code in ["len(r)", "r[0]", "r.tobytes()", "r.obj"]:
    try:
        print(eval(code))
    except ValueError as e:
        print(code, "ValueError", e)
with memoryview(bytearray(b"xy")) as v:
    v[0] = 65
    print(v.tobytes(), bytes(v), bytearray(v))
print(repr(v).startswith("<released"))
