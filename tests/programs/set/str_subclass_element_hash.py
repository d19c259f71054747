# A str subclass that defines __hash__ is hashed through it as a set element (add, membership,
# discard, frozenset, set operations), as for dict keys.
calls = []


class H(str):
    def __hash__(self):
        calls.append(str(self))
        return 42

    def __eq__(self, other):
        return str.__eq__(self, other)


s = {H("a"), H("b")}
print(len(s), sorted(calls))
calls.clear()
print(H("a") in s, "a" in s, sorted(calls))
calls.clear()
s.discard(H("b"))
print(sorted(s), calls)
f = frozenset([H("x")])
print(H("x") in f, len(calls) > 1)
print(sorted(set(["p", "q"]) | {H("q")}))
