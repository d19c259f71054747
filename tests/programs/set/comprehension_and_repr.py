print({x % 4 for x in range(20)}, {c for c in "aaa"}, set(), {(1, 2), (1, 2)}, {1, True, 1.0})
class R:
    def __repr__(self):
        return "R"
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return isinstance(o, R)
print({R(), R()}, frozenset([R()]), set([R()]))
s = set()
print(repr(s), repr(frozenset()), str({0}))
