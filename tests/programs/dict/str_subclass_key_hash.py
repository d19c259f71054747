# A str subclass used as a dict key: its own __hash__ is called (the exact-str shortcut must not
# apply), and a subclass without one hashes as str does.


class S(str):
    def __hash__(self):
        print("hash", str(self))
        return 1


class T(str):
    pass


d = {}
d[S("a")] = 1
d[S("b")] = 2
print(d.get(S("a")), S("b") in d, len(d))
print(d.setdefault(S("c"), 3), sorted(d.values()))
e = {T("x"): 1, "y": 2}
print(e["x"], e[T("y")], hash(T("x")) == hash("x"))
