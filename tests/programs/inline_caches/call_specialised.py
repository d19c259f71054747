# Calls through the specialised CALL paths: exact positional arguments to functions and bound
# methods, the class-call cache, and what must make each of them fall back.
def add(a, b):
    return a + b


def with_default(a, b=10):
    return a + b


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


def call_site(f, n):
    out = []
    for i in range(n):
        out.append(f(i, 1))
    return out


print(call_site(add, 3))
print(call_site(with_default, 3))
print(call_site(lambda a, b: a * 10 + b, 3))
print(call_site(max, 3))

# One site sees a function, then a bound method, then a callable object.
class Adder:
    def __call__(self, a, b):
        return a - b

    def meth(self, a, b):
        return (a, b)


for f in (add, Adder().meth, Adder(), add):
    print(call_site(f, 2))

# Wrong argument counts at a site that was specialised for exact args.
def two(a, b):
    return a * b


def site(*args):
    return two(*args[:2]) if len(args) >= 2 else two(*args)


for args in ((2, 3), (4, 5), (1,), (1, 2, 3)):
    try:
        print(site(*args))
    except TypeError as e:
        print("TypeError:", e)


def caller(f, *a):
    return f(*a)


for a in ((1, 2), (1,), (1, 2, 3)):
    try:
        print(caller(two, *a))
    except TypeError as e:
        print("TypeError:", e)

# Bound methods, then the same site with a class whose method changed.
p = Point(1, -2)
for _ in range(3):
    print(p.norm1(), p.moved(1, 1).norm1())
Point.norm1 = lambda self: 100
print(p.norm1())

# The class-call cache: __init__ replaced, __new__ added, class swapped at one site.
def make(cls, n):
    return [vars(cls(i, i + 1)) for i in range(n)]


print(make(Point, 2))
Point.__init__ = lambda self, x, y: setattr(self, "s", x + y)
print(make(Point, 2))


def new(cls, *args):
    o = object.__new__(cls)
    o.made_by_new = True
    return o


Point.__new__ = new
print(make(Point, 2))


class Other:
    def __init__(self, a, b):
        self.total = a * b


class Third:
    def __init__(self, a, b):
        self.diff = a - b


for cls in (Third, Other, Third, Other):
    print(make(cls, 1))


class BadInit:
    def __init__(self, a, b):
        return 5


try:
    make(BadInit, 1)
except TypeError as e:
    print("TypeError:", e)

# Deep recursion through the exact-args path still stops with RecursionError.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

# A traceback through specialised calls names every frame.
def inner(a, b):
    return a // b


def outer(a, b):
    return inner(a, b)


try:
    outer(1, 0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


# Closures and cells through the exact path.
def counter(start, step):
    def bump(a, b):
        nonlocal start
        start += a * b * step
        return start
    return bump


b = counter(0, 2)
print([b(i, 2) for i in range(4)])
