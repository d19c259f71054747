import collections.abc as cabc
class S(str, cabc.Sequence): pass
class L(cabc.Sequence):
    def __init__(self, d): self.d = d
    def __getitem__(self, i): return self.d[i]
    def __len__(self): return len(self.d)
class Plain:
    __abc_tpflags__ = 1 << 6
for v in [S("ab"), L([1, 2]), Plain(), memoryview(b"ab"), bytearray(b"ab"), {"a": 1}]:
    match v:
        case [a, b]: print(type(v).__name__, "seq", a, b)
        case {"a": x}: print(type(v).__name__, "map", x)
        case _: print(type(v).__name__, "neither")
class Counted(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
class Both(list, cabc.Mapping):
    pass
match Counted({"a": 1, "z": 2}):
    case {"a": 1, **rest}: print("rest", rest)
match Both([1, 2]):
    case {"a": _}: print("mapping")
    case [x, y]: print("list wins", x, y)
