# Keyword arguments bound straight into a Python function's parameter slots (CALL_KW), and the
# errors CPython gives when a keyword call does not fit.


def f(a, b, c=3, d=4):
    return (a, b, c, d)


def g(a, /, b, *, k, m=9):
    return (a, b, k, m)


class C:
    def m(self, x, y=2):
        return (type(self).__name__, x, y)


print(f(1, b=2))
print(f(1, 2, d=5))
print(f(a=1, b=2))
print(f(d=1, c=2, b=3, a=4))
print(f(1, c=7, b=8))
print(g(1, 2, k=3))
print(g(1, b=2, k=3, m=4))
print(C().m(x=1))
print(C().m(1, y=5))
bound = C().m
print(bound(x=4, y=5))
print(C.m(C(), y=6, x=7))

for call in [
    lambda: f(1, 2, a=3),
    lambda: f(1, b=2, b2=3),
    lambda: f(1, c=2),
    lambda: f(b=1),
    lambda: g(a=1, b=2, k=3),
    lambda: g(1, 2),
    lambda: g(1, 2, k=3, k2=4),
    lambda: f(1, 2, 3, 4, c=5),
    lambda: C().m(self=1, x=2),
    lambda: C().m(1, x=2),
]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


# Defaults evaluated once, shared by all calls; a default object mutated is seen next time.
def acc(x, into=[]):
    into.append(x)
    return len(into)


print(acc(1), acc(x=2), acc(x=3, into=[]), acc(4))


# Many keyword arguments (more than the in-place binder takes).
def many(a=0, b=0, c=0, d=0, e=0, f=0, g=0, h=0, i=0, j=0):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j


print(many(j=1, i=1, h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1))
print(many(1, 2, c=3, e=5))


# A recursive keyword call, a closure and the frame's locals seen from inside.
def depth(n, *, step=1):
    if n <= 0:
        return 0
    return 1 + depth(n=n - step, step=step)


print(depth(n=50), depth(n=10, step=3))


def outer(p):
    def inner(q, r=10):
        return p + q + r
    return inner


h = outer(100)
print(h(q=1), h(1, r=2), h(r=3, q=4))


def show(a, b=2, **kw):
    import sys
    return sorted(sys._getframe().f_locals)


print(show(1, b=3, z=4))


# A keyword value whose release runs a finaliser.
class Noisy:
    def __del__(self):
        print("released")


def take(a, b=None):
    return a


print(take(1, b=Noisy()))
print("end")
