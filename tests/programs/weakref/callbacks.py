# Weakref callbacks: called with the reference when the referent dies, newest first; after
# __del__ on the refcount path; errors reported, not raised.
import _weakref
import gc


class A:
    def __init__(self, name):
        self.name = name


a = A("a")
r1 = _weakref.ref(a, lambda w: print("cb1", w is r1, w()))
r2 = _weakref.ref(a, lambda w: print("cb2", w is r2))
r3 = _weakref.ref(a)
del a
print("after a")


class D:
    def __del__(self):
        print("del D")


d = D()
rd = _weakref.ref(d, lambda w: print("cb D"))
del d
print("after d")

e = A("e")
re = _weakref.ref(e, lambda w: print("never"))
del re
del e
print("dead ref: no callback")

# In a garbage cycle, callbacks run before finalisers, and see the reference dead.
gc.collect()
c = D()
c.me = c
rc = _weakref.ref(c, lambda w: print("cb cycle", w() is None))
del c
print("collected", gc.collect())

# A weakref that is itself garbage with its referent does not call back.
x = A("x")
x.w = _weakref.ref(x, lambda w: print("never either"))
del x
print("collected", gc.collect())

calls = []


def make(n):
    return lambda w: calls.append(n)


objs = [A(i) for i in range(3)]
refs = [_weakref.ref(o, make(i)) for i, o in enumerate(objs)]
del objs
print(calls)
