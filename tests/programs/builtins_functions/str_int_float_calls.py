print(str(42), str(3.0), str(-0.0), str([1, "a"]), str((1,)), str({1}), str(None), str(b"b"), str(str))
print(int("42"), int(4.9), int("-0"), float("3"), float("  1e3"), complex("1+1j"), bool("False"), list("ab"), tuple([1]), set("aa"))
print(repr(str()), repr(int()), repr(float()), repr(complex()), repr(bool()), repr(list()), repr(tuple()), repr(dict()), repr(set()), repr(frozenset()), repr(bytes()), repr(bytearray()))
