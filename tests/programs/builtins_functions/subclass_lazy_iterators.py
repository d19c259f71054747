# enumerate, zip, map, filter and reversed can be subclassed; bool, range, slice cannot.
class E(enumerate):
    pass


e = E("abc", 1)
print(type(e).__name__, isinstance(e, enumerate), list(e))
e = E("xy")
e.note = "kept"
print(next(e), e.note, E.__mro__)


class Z(zip):
    def __init__(self, *args, **kwargs):
        self.count = len(args)


z = Z("ab", "cd", strict=True)
print(list(z), z.count, z.__reduce__()[0] is Z, z.__reduce__()[2:])


class M(map):
    def double(self):
        return [v * 2 for v in self]


print(M(abs, [-1, 2]).double())


class F(filter):
    pass


print(list(F(str.isdigit, "a1b2")))


class R(reversed):
    pass


print(list(R([1, 2, 3])), list(R("abc")), type(R(range(2))).__name__)


class Counted(enumerate):
    def __new__(cls, iterable, start=0):
        self = super().__new__(cls, iterable, start)
        self.start = start
        return self


c = Counted("pq", 7)
print(c.start, list(c))

for base in (bool, range, slice, type(iter([])), type(iter(lambda: 1, 2))):
    try:
        class X(base):
            pass
    except TypeError as exc:
        print("TypeError:", exc)
