# PEP 442: __del__ of objects in cycles runs once, in the collector; resurrection is allowed.
import gc

gc.collect()


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a, b, c = D(1), D(2), D(3)
a.o, b.o, c.o = b, c, a
del a, b, c
print("collected", gc.collect())

survivor = None


class R:
    def __del__(self):
        global survivor
        print("resurrect")
        survivor = self


r = R()
r.me = r
del r
print("collected", gc.collect())
print(type(survivor).__name__, survivor.me is survivor)
print(gc.is_finalized(survivor))
survivor = None
print("collected", gc.collect())


class Breaker:
    def __del__(self):
        print("breaking")
        self.partner = None


x = Breaker()
y = [x]
x.partner = y
del x, y
print("collected", gc.collect())
print("again", gc.collect())
