# LOAD_SUPER_ATTR at a site run many times: the cached answer must follow class changes,
# different `type(self)`s at one site, a rebound `super`, and every error case.


class Base:
    def greet(self):
        return "base"

    def value(self):
        return 1

    tag = "base-tag"


class Mid(Base):
    def greet(self):
        return "mid>" + super().greet()

    def value(self):
        return 10 + super().value()

    def bound(self):
        return super().value  # attribute form: a bound method

    def tag_of(self):
        return super().tag

    def klass(self):
        return super().__class__.__name__


class Leaf(Mid):
    pass


class Other(Base):
    def greet(self):
        return "other>" + super().greet()


class Diamond(Mid, Other):
    pass


def run(objs, rounds=30):
    out = []
    for _ in range(rounds):
        for o in objs:
            out.append(o.greet())
    return sorted(set(out))


print(run([Mid(), Leaf()]))
# One site (Mid.greet), MRO after Mid differs for Diamond: Other comes next.
print(run([Mid(), Diamond(), Leaf()]))
for _ in range(40):
    b = Leaf().bound()
print(type(b).__name__, b.__self__.__class__.__name__, b())
print([Leaf().tag_of() for _ in range(20)][-1], Leaf().klass())

# Replacing the base method after the site was cached.
for i in range(50):
    r = Leaf().value()
print(r)
Base.value = lambda self: 100
print(Leaf().value(), Mid().value())
del Base.value
try:
    Leaf().value()
except AttributeError as e:
    print("AttributeError:", e)
Base.value = lambda self: 7
print(Leaf().value())


# Adding the name to a class in between.
class A:
    def f(self):
        return "A"


class B(A):
    pass


class C(B):
    def f(self):
        return "C>" + super().f()


for _ in range(30):
    x = C().f()
print(x)
B.f = lambda self: "B"
print(C().f())


# __bases__ assignment.
class P1:
    def who(self):
        return "P1"


class P2:
    def who(self):
        return "P2"


class K(P1):
    def who(self):
        return "K>" + super().who()


for _ in range(30):
    y = K().who()
print(y)
K.__bases__ = (P2,)
print(K().who())


# super() reaching object's slot wrappers and built-in methods.
class R:
    def __init__(self):
        super().__init__()
        self.r = 1

    def __repr__(self):
        return "R:" + super().__repr__()[:9]

    def __eq__(self, other):
        return super().__eq__(other)


for _ in range(30):
    rr = R()
print(repr(rr), rr == rr, rr == 1)


# A subclass of a built-in type.
class MyList(list):
    def append(self, x):
        super().append(x * 2)


ml = MyList()
for i in range(30):
    ml.append(i)
print(ml[:5], len(ml))


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)


md = MyDict()
for i in range(30):
    md[i] = i
print(md[3])


# Class methods and static contexts.
class CM(Base):
    @classmethod
    def make(cls):
        return super().greet

    def __new__(cls, *args):
        return super().__new__(cls)


for _ in range(30):
    g = CM.make()
    cm = CM()
print(type(g).__name__, type(cm).__name__)


# Errors: wrong self, missing attribute.
class E(Base):
    def bad(self, other):
        return super(E, other).greet()

    def missing(self):
        return super().nothing


for i in range(30):
    try:
        E().bad(E() if i < 25 else 42)
    except TypeError as e:
        print("TypeError:", e)
try:
    E().missing()
except AttributeError as e:
    print("AttributeError:", e)


# A property and a class attribute found through super().
class PB:
    @property
    def p(self):
        return "prop"

    count = 3


class PC(PB):
    def get(self):
        return super().p, super().count


for _ in range(30):
    t = PC().get()
print(t)


# `super` rebound in the module after the site was cached.
class S1:
    def m(self):
        return "S1"


class S2(S1):
    def m(self):
        return "S2>" + super().m()


for _ in range(30):
    z = S2().m()
print(z)
real_super = super


class FakeSuper:
    def m(self):
        return "fake"


def fake_super(*args):
    print("fake super called with", len(args), "args")
    return FakeSuper()


super = fake_super
print(S2().m())
del super
print(S2().m())


# Same method in two classes' MROs: the site sees `type(self)`s alternating.
class X0:
    def f(self):
        return "X0"


class X1(X0):
    def f(self):
        return "X1>" + super().f()


class Y0:
    def f(self):
        return "Y0"


class X2(X1, Y0):
    pass


class X3(X1):
    def f(self):
        return "X3>" + super().f()


res = []
for i in range(60):
    res.append((X1(), X2(), X3())[i % 3].f())
print(sorted(set(res)))

# Two-argument super at the same kind of site.
class T1:
    def f(self):
        return "T1"


class T2(T1):
    def f(self):
        return "T2>" + super(T2, self).f()


print([T2().f() for _ in range(20)][-1])
