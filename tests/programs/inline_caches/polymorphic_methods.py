# LOAD_ATTR sites that see instances of several classes: methods found on a shared base or on
# each class, class values, properties and __slots__ members; each case then changed under the
# cache (class attribute replaced, instance attribute shadowing a method, slot emptied).


class Base:
    kind = "base"
    __slots__ = ()

    def name(self):
        return "Base.name"

    def who(self):
        return "Base.who"

    @property
    def prop(self):
        return "Base.prop:" + type(self).__name__


class A(Base):
    __slots__ = ("v", "__dict__")

    def who(self):
        return "A.who"


class B(Base):
    __slots__ = ("v", "__dict__")
    kind = "b"


class C(B):
    __slots__ = ()

    def who(self):
        return "C.who"


class D(Base):
    __slots__ = ("v", "__dict__")


class E(D):
    __slots__ = ()

    @property
    def prop(self):
        return "E.prop"


def make(classes):
    out = []
    for i, c in enumerate(classes):
        o = c()
        o.v = i
        out.append(o)
    return out


def sweep(objs, rounds=20):
    seen = []
    for _ in range(rounds):
        for o in objs:
            seen.append((o.name(), o.who(), o.kind, o.prop, o.v))
    return sorted(set(seen))


for n in (1, 2, 3, 4, 5):
    objs = make([A, B, C, D, E][:n])
    print(n, sweep(objs))

objs = make([A, B, C, D, E])
sweep(objs)
# Replace a base method: every class that inherits it must see the new one.
Base.name = lambda self: "new Base.name"
print(sweep(objs))
# An instance attribute shadowing a method (non-data descriptor) on one instance only.
objs[1].name = lambda: "instance name"
print(sweep(objs))
del objs[1].name
print(sweep(objs))
# A class value changed on a subclass only.
C.kind = "c"
print(sweep(objs))
del C.kind
print(sweep(objs))
# An instance value shadowing a class value.
objs[3].kind = "inst"
print(sweep(objs))
# An emptied slot raises AttributeError at a warmed-up site.
del objs[2].v
try:
    sweep(objs)
except AttributeError as e:
    print("AttributeError:", e)
objs[2].v = 99
# The property replaced on the base.
Base.prop = property(lambda self: "lambda prop")
print(sweep(objs))


# Plain classes with instance dicts (no slots): a base method called on many subclasses.
class P:
    def __init__(self, i):
        self.i = i

    def get(self):
        return self.i

    def twice(self):
        return 2 * self.get()


subs = [type("P%d" % k, (P,), {}) for k in range(6)]
items = [s(k) for k, s in enumerate(subs)]
total = 0
for _ in range(30):
    for it in items:
        total += it.twice()
print(total)
subs[2].get = lambda self: 1000
total = 0
for it in items:
    total += it.twice()
print(total)
items[4].get = lambda: -1
total = 0
for it in items:
    total += it.twice()
print(total)
