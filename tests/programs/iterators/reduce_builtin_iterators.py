# __reduce__ of the built-in iterators: fresh, part-consumed and exhausted, with the
# iterator objects inside the result shown by type name.
def show(x):
    if isinstance(x, tuple):
        return "(" + ", ".join(show(v) for v in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(show(v) for v in x) + "]"
    if type(x).__name__.endswith("iterator") or type(x).__name__ in ("callable_iterator",):
        return "<" + type(x).__name__ + ">"
    if isinstance(x, type):
        return x.__name__
    if callable(x) and hasattr(x, "__name__"):
        return x.__name__
    return repr(x)


def states(make):
    it = make()
    print(" fresh:", show(it.__reduce__()))
    next(it, None)
    print(" one  :", show(it.__reduce__()))
    for _ in it:
        pass
    print(" done :", show(it.__reduce__()))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

    def __len__(self):
        return 3

    def __repr__(self):
        return "Seq()"


makers = [
    ("list", lambda: iter([1, 2, 3])),
    ("reversed list", lambda: reversed([1, 2, 3])),
    ("tuple", lambda: iter((1, 2, 3))),
    ("str", lambda: iter("abc")),
    ("wide str", lambda: iter("aé€")),
    ("bytes", lambda: iter(b"abc")),
    ("set", lambda: iter({1, 2, 3})),
    ("dict", lambda: iter({1: "a", 2: "b", 3: "c"})),
    ("dict values", lambda: iter({1: "a", 2: "b"}.values())),
    ("dict items", lambda: iter({1: "a", 2: "b"}.items())),
    ("reversed dict", lambda: reversed({1: "a", 2: "b", 3: "c"})),
    ("reversed values", lambda: reversed({1: "a", 2: "b"}.values())),
    ("reversed items", lambda: reversed({1: "a", 2: "b"}.items())),
    ("enumerate", lambda: enumerate("abc", 5)),
    ("zip", lambda: zip("ab", "cd")),
    ("zip strict", lambda: zip("ab", "cd", strict=True)),
    ("map", lambda: map(str.upper, "ab")),
    ("map strict", lambda: map(max, "ab", "cd", strict=True)),
    ("filter", lambda: filter(None, [0, 1, 2])),
    ("reversed seq", lambda: reversed(Seq())),
    ("seq iterator", lambda: iter(Seq())),
    ("callable", lambda: iter([3, 2, 1, 0].pop, 2)),
]
for name, make in makers:
    print(name)
    states(make)

# The state after a reversed list iterator was reset or its list shrank.
a = [1, 2, 3]
it = reversed(a)
it.__setstate__(-1)
print(show(it.__reduce__()))
it.__setstate__(1)
print(show(it.__reduce__()), list(it))
it = reversed(a)
next(it)
a.clear()
print(show(it.__reduce__()), list(it), show(it.__reduce__()))

# Reducing a set or dict iterator does not advance it.
it = iter({10: 1, 20: 2, 30: 3})
next(it)
print(show(it.__reduce__()), list(it))
# ... and reports a size change like iteration does.
d = {1: 2}
it = iter(d)
d[5] = 6
try:
    it.__reduce__()
except RuntimeError as e:
    print("RuntimeError:", e)

# Arguments are checked.
for it in (iter([1]), enumerate("a"), reversed({1: 2})):
    try:
        it.__reduce__(1)
    except TypeError as e:
        print("TypeError:", e)
