# Calls of built-in types through CALL's direct route to their constructors: positional and
# keyword arguments, errors, constructors returning subclass instances, types that must not
# take the route (type, super, Python subclasses with __new__/__init__), exceptions.


class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "init ran"


class MyInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


class Meta(type):
    def __call__(cls, *a):
        return ("meta", a)


class WithMeta(metaclass=Meta):
    pass


print(int("12"), int("z", 36), int("11", base=2), int(3.9), int(), float("1.5"), str(12), str())
print(str(b"ab", "ascii"), str(b"ab", encoding="ascii"), bytes(3), bytes([65, 66]), bool([]))
print(tuple([1, 2]), tuple(), list("ab"), list(), dict(a=1), dict([(1, 2)], b=3), set("aab") == {"a", "b"})
print(frozenset([1]), type(5), type("N", (), {"x": 1}).x, object().__class__.__name__)
print(range(3), slice(1, 2), complex(1, 2), bytearray(b"x"), memoryview(b"ab")[0])
ml = MyList([1, 2])
print(ml, ml.tag, MyInt(4), type(MyInt(4)).__name__, WithMeta(1, 2))
print(KeyError("k"), ValueError("v", 2).args, StopIteration(5).value, OSError(2, "x").errno)
print(type(OSError(2, "x")).__name__, super(MyList, ml).__len__())
for call in (lambda: int("x"), lambda: int([]), lambda: tuple(5), lambda: list(1, 2),
             lambda: dict(1), lambda: int("5", base=40), lambda: str(1, 2, 3, 4),
             lambda: float("nan?"), lambda: object(1), lambda: type(1, 2),
             lambda: int(x="5"), lambda: range()):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Bad:
    def __index__(self):
        return "no"

    def __iter__(self):
        raise RuntimeError("iter failed")


for call in (lambda: list(Bad()), lambda: str(1, 2, 3, 4, 5), lambda: str(1, 2, 3, encoding="x"),
             lambda: str(b"a", "ascii", "strict", errors="x")):
    try:
        call()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)


def f():
    return super()


try:
    f()
except RuntimeError as e:
    print("RuntimeError", e)


class C:
    def m(self):
        return super().__repr__()[:9]


print(C().m(), [t(x) for t, x in zip((int, str, float, tuple), ("7", 8, "9.5", "ab"))])
