import functools
def counted(cls):
    orig = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@counted
class P:
    def __init__(self, v):
        self.v = v
P(1); P(2)
print(P.instances)
class M:
    @functools.cached_property
    def heavy(self):
        print("computing")
        return 99
    @functools.lru_cache(maxsize=None)
    def sq(self, x):
        print("sq", x)
        return x * x
m = M()
print(m.heavy, m.heavy, m.sq(3), m.sq(3))
@functools.lru_cache(maxsize=2)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20), fib.cache_info())
@functools.singledispatch
def kind(x):
    return "object"
@kind.register
def _(x: int):
    return "int"
@kind.register(str)
def _(x):
    return "str"
print(kind(1), kind("a"), kind(1.5), kind(True))
