a = [1, [2, [3, [4]]]]
b = [1, [2, [3, [4]]]]
print(a == b, a < [1, [2, [3, [5]]]], repr(a), str(a))
d = {"l": [1, {"t": (2, [3])}], "s": "x'y\"z"}
print(d, repr(d))
print([None, True, 1.0, 1j, "s", b"b", ..., NotImplemented, int, len])
