# `C(...)` at a warmed-up site whose class has a Python __init__ taking exactly the arguments
# given: the instance, the __init__ frame, its return value and every way it can go wrong.
import sys


class P:
    def __init__(self, x, y=2, z=3):
        self.t = (x, y, z)


class Bad:
    def __init__(self, x):
        self.x = x
        if x > 25:
            return x


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


class Raises:
    def __init__(self, x):
        if x == 27:
            raise ValueError("bad x")
        self.x = x


out = []
for i in range(40):
    out.append(P(i).t)
    out.append(P(i, -i).t)
    out.append(P(i, 1, 1).t)
print(out[:6], out[-3:], len(out))

for i in range(30):
    try:
        b = Bad(i)
    except TypeError as e:
        print(i, "TypeError:", e)
        break

for i in range(30):
    try:
        r = Raises(i)
    except ValueError as e:
        print(i, "ValueError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)

for i in range(30):
    try:
        P()
    except TypeError as e:
        msg = str(e)
print(msg)
for i in range(30):
    try:
        P(1, 2, 3, 4)
    except TypeError as e:
        msg = str(e)
print(msg)

d = Deep(50)
n = 0
while d is not None:
    n += 1
    d = d.child
print(n)
sys.setrecursionlimit(200)
try:
    Deep(10000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)


# __init__ replaced, __new__ added, after the site was warmed up.
class Q:
    def __init__(self, a):
        self.a = a


def make(k):
    return Q(k)


print([make(i).a for i in range(30)][-1])
Q.__init__ = lambda self, a: setattr(self, "a", -a)
print(make(5).a)


def qnew(cls, a):
    o = object.__new__(cls)
    o.made_by_new = True
    return o


Q.__new__ = qnew
q = make(6)
print(q.a, q.made_by_new)
q = make(7)
print(q.a, q.made_by_new)


# A subclass reaching the same site, and an __init__ with *args.
class R(Q):
    def __init__(self, *args):
        self.a = args


def make_any(c, k):
    return c(k)


print([make_any((Q, R)[i % 2], i).a for i in range(20)][-2:])


# Instances are real instances: identity of __init__'s self and the result.
class S:
    seen = []

    def __init__(self):
        S.seen.append(self)


objs = [S() for _ in range(20)]
print(all(a is b for a, b in zip(objs, S.seen)), type(objs[0]).__name__)
