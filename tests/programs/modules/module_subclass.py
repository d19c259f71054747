# Subclasses of types.ModuleType: construction and __init__, the module dict as __dict__,
# properties and __getattr__ on the class, modules replaced in sys.modules, __class__ swaps.
import sys, types
for args, kw in [((), {}), ((1,), {}), (("a", "d", 3), {}), (("a",), {"x": 1}), ((), {"name": "k", "doc": "D"})]:
    try:
        m = types.ModuleType(*args, **kw)
        print(repr(m), m.__doc__, sorted(m.__dict__))
    except TypeError as e:
        print("TypeError:", e)

class M(types.ModuleType):
    @property
    def answer(self):
        return 42
    def __getattr__(self, name):
        if name.startswith("lazy_"):
            v = name.upper()
            setattr(self, name, v)
            return v
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

m = M("mymod", "the doc")
print(type(m).__name__, isinstance(m, types.ModuleType), repr(m), m.__doc__, m.__name__)
m.x = 5
print(m.x, m.__dict__["x"], m.answer, m.lazy_thing, "lazy_thing" in m.__dict__)
try:
    m.missing
except AttributeError as e:
    print("AttributeError:", e)
m.__dict__["answer"] = 0
print(m.answer)
sys.modules["mymod"] = m
from mymod import x, lazy_other
print(x, lazy_other)
import mymod
print(mymod is m)

class N(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
n = N("nmod", 7)
print(n.__name__, n.extra, sorted(n.__dict__))

class Bare(types.ModuleType):
    def __init__(self):
        pass
b = Bare()
print(sorted(b.__dict__), repr(b))

# Swap a live module's class (module-level properties).
mod = types.ModuleType("swapped")
mod.value = 3
class Swap(types.ModuleType):
    @property
    def doubled(self):
        return self.value * 2
mod.__class__ = Swap
print(type(mod).__name__, mod.doubled, mod.value)
try:
    mod.__class__ = int
except TypeError as e:
    print("TypeError:", e)
class Other:
    pass
try:
    m.__class__ = Other
except TypeError as e:
    print("TypeError:", e)
print(dir(m)[:3], "x" in dir(m))
