# _weakref.ref: calling, identity reuse, counts, hash and equality, dead references.
import _weakref


class A:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, A) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


a = A(1)
r = _weakref.ref(a)
print(r() is a, r is _weakref.ref(a), r.__callback__)
print(_weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
r2 = _weakref.ref(a, lambda w: None)
print(r2 is r, _weakref.getweakrefcount(a), _weakref.getweakrefs(a)[0] is r)
print(r2.__callback__ is not None)
print(hash(r) == hash(a), r == r2, r != r2)
b = A(1)
rb = _weakref.ref(b)
print(r == rb, hash(r) == hash(rb))
print(type(r) is _weakref.ReferenceType, _weakref.ref is _weakref.ReferenceType)
del a
print(r(), r2(), _weakref.getweakrefcount(b))
print(r == r2, r == r, r != r2)
print(hash(r) == hash(1))
c = A(2)
rc = _weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError:", e)
print(bool(rc), rc() is None)

for obj in (1, "s", 1.5, (), [], {}, b"x", None, object()):
    try:
        _weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)


def f():
    pass


class K:
    pass


for obj in (f, K, K(), len, {1}, frozenset(), (i for i in ()), f.__code__, _weakref):
    w = _weakref.ref(obj)
    print(type(obj).__name__, w() is obj)

try:
    _weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref.ref(K(), None, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref.ref(K(), callback=None)
except TypeError as e:
    print("TypeError:", e)
print(_weakref.ref(K(), None)() is None)
d = {"k": _weakref.ref(K()), "j": rb}
_weakref._remove_dead_weakref(d, "k")
_weakref._remove_dead_weakref(d, "j")
print(list(d))
