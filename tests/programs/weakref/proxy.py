# _weakref.proxy forwards operations to its referent until it dies.
import _weakref


class A:
    def __init__(self):
        self.x = 1

    def m(self):
        return "method"

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 2

    def __str__(self):
        return "A-str"

    def __iter__(self):
        return iter([1, 2])

    def __contains__(self, v):
        return v == 5


a = A()
p = _weakref.proxy(a)
print(type(p) is _weakref.ProxyType, p.x, p.m(), len(p), p[4], str(p), list(p), 5 in p)
p.y = 7
print(a.y, bool(p))
print(p is _weakref.proxy(a), _weakref.getweakrefcount(a))


def f(v):
    return v + 1


cp = _weakref.proxy(f)
print(type(cp) is _weakref.CallableProxyType, cp(1))
del a
for op in (lambda: p.x, lambda: str(p), lambda: len(p), lambda: bool(p)):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    _weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
