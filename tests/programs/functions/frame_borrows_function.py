# A function's frame reads code, globals and builtins through the function: replacing
# __code__ while a call runs, functions outliving their module dict's other holders, class
# bodies and exec frames must all keep working; keyword binding by identity and by content.
import sys


def slow(n):
    if n == 0:
        slow.__code__ = fast.__code__
        return "switched"
    return slow(n - 1) + "!"


def fast(n):
    return "fast%d" % n


print(slow(3))
print(slow(3))


def make():
    ns = {"__builtins__": __builtins__}
    exec("def f(a, b=2):\n    return a + b + len([1])\n", ns)
    return ns["f"]


f = make()
print(f(1), f(1, b=10), f.__globals__["f"] is f)
del make


class C:
    x = 1
    y = x + 1

    def m(self, a, /, b, *, c=5):
        return (a, b, c)


print(C.y, C().m(1, 2), C().m(1, b=3, c=4))
name = "".join(["b"])
print(C().m(1, **{name: 9}))
try:
    C().m(a=1, b=2)
except TypeError as e:
    print(e)
try:
    C().m(1, 2, 3)
except TypeError as e:
    print(e)
try:
    C().m(1, b=2, b2=3)
except TypeError as e:
    print(e)


def kw(**k):
    return sorted(k.items())


print(kw(**{"".join(["x", "y"]): 1}, z=2))


def g(a, b=1, c=2):
    return a, b, c


print(g(0), g(0, 5), g(0, 5, 6), g(0, c=9), g(c=1, a=2))
try:
    g()
except TypeError as e:
    print(e)
g.__defaults__ = None
try:
    g(1)
except TypeError as e:
    print(e)


class Init:
    def __init__(self, v):
        self.v = v


class BadInit:
    def __init__(self):
        return 1


print(Init(3).v)
try:
    BadInit()
except TypeError as e:
    print(e)


def outer():
    frames = []

    def inner():
        frames.append(sys._getframe().f_back.f_code.co_name)
        return globals() is sys.modules[__name__].__dict__

    return inner(), frames


print(outer())
print(sum([1, 2, 3]), sum([2**62, 2**62]), sum([1, 2.5, 3]), sum([True, True]), sum((x for x in range(5)), 10))
print(sum([1, 2**70, -2**70]), sum([0.1] * 10), sum([[1], [2]], []))


def h(a, b):
    pass


def k(*, alpha, beta=1):
    pass


for call in (lambda: h(1, bb=2), lambda: h(1, zzzzzz=2), lambda: k(alpha=1, betta=2)):
    try:
        call()
    except TypeError as e:
        print(e)
