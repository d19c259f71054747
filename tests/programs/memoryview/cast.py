m = memoryview(bytearray(range(8)))
ints = m.cast("I")
print(ints.format, ints.itemsize, len(ints), ints.shape, ints.tolist())
h = m.cast("H")
print(h.tolist(), h[1])
b2 = m.cast("B", shape=[2, 4])
print(b2.shape, b2.ndim, b2.tolist(), b2[1, 2])
try:
    m.cast("I", shape=[3])
except TypeError as e:
    print("TypeError", e)
try:
    m.cast("x")
except ValueError as e:
    print("ValueError", e)
