a = {1, 2, 3}; b = a
a |= {4}; a &= {1, 2, 4, 8}; a -= {2}; a ^= {9, 1}
print(b, a is b)
a -= a; print(a, b)
f = frozenset({1}); g = f; f |= {2}; print(g, f, type(f).__name__)
s = {1}
try:
    s |= [2]
except TypeError as e:
    print("TypeError", e)
s |= frozenset({5}); print(sorted(s))
class TrackSet(set):
    def add(self, x):
        print("adding", x)
        super().add(x)
t = TrackSet([1, 2])
u = t
t |= {3}; t -= {1}
print(sorted(t), t is u, type(t).__name__, type(t | {9}).__name__, type(t.copy()).__name__, type(t - {2}).__name__)
class Init(set):
    def __init__(self, a, b):
        super().__init__([a, b])
        self.extra = a + b
i = Init(1, 2)
print(sorted(i), i.extra, isinstance(i, set), i == {1, 2}, {1, 2} == i)
class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)
fs = FS(3, 1, 2)
print(sorted(fs), type(fs).__name__, hash(fs) == hash(frozenset({1, 2, 3})), type(fs | {4}).__name__, fs.__class__.__name__)
print(type(FS.__new__(FS)).__name__, len(FS.__new__(FS)))
d = {fs: "k"}
print(d[frozenset({1, 2, 3})])
try:
    set([1], x=1)
except TypeError as e:
    print("TypeError", e)
try:
    TrackSet([1], [2])
except TypeError as e:
    print("TypeError", e)
class WithSlots(set):
    __slots__ = ("tag",)
w = WithSlots("ab")
w.tag = 5
print(sorted(w), w.tag)
x = set.__new__(TrackSet)
print(type(x).__name__, len(x))
x.__init__([7, 8])
print(sorted(x))
