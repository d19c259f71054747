# Calling a class runs __init__ in the caller's activation; every case must keep its meaning.
import sys


class P:
    def __init__(self, x, y=2, *, z=3):
        self.t = (x, y, z)


print([P(i).t for i in range(3)], P(1, z=9).t, P(y=5, x=4).t)


class Bad:
    def __init__(self):
        return 42


for _ in range(2):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n > 1:
            raise ValueError(f"n={n}")
        self.n = n


for n in range(3):
    try:
        print(Raises(n).n)
    except ValueError as e:
        print("ValueError:", e, e.__traceback__.tb_next is not None)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, *args):
        print("__new__", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("__init__", a)


WithNew(1)


class Other:
    pass


class NewOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("not called")


print(type(NewOther()).__name__)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


def depth(n):
    d = 0
    while n.child is not None:
        n, d = n.child, d + 1
    return d


print(depth(Node(200)))
try:
    Node(10**6)
except RecursionError:
    print("RecursionError")


class Args:
    def __init__(self, *a, **k):
        self.a, self.k = a, k


o = Args(1, 2, x=3)
print(o.a, o.k)
try:
    P()
except TypeError as e:
    print("TypeError:", e)


class Sub(P):
    pass


print(Sub(7).t, type(Sub(7)).__name__)
P.__init__ = lambda self: setattr(self, "t", "replaced")
print(P().t, Sub().t)


def f():
    return Bad()


try:
    f()
except TypeError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames in traceback:", n)
print(sys.getrecursionlimit() > 0)
