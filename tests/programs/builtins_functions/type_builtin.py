print(type(1), type("s"), type([]), type(type), type(None), type(len), type(lambda: 0), type(print), type(type.__call__), type(int.__add__), type((1).__add__))
print(type(iter([])), type(iter(())), type(iter("")), type(iter({})), type(range(1)), type(x for x in []), type({}.keys()), type(zip()), type(map(len, [])))
print(type(...), type(NotImplemented), type(slice(1)), type(memoryview(b"")), type(frozenset()), type(1j), type(b""), type(bytearray()))
