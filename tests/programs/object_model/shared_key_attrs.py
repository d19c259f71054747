# Instance attributes kept in shared-key storage until a real __dict__ is needed (PEP 412):
# insertion order, __dict__ views and mutation, vars(), del, many attributes, out-of-order
# adds, __class__ assignment, __slots__ + __dict__, copy, gc.get_referents, caches.
import copy
import gc
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


a = P(1, 2)
b = P(3, 4)
print([type(o).__name__ for o in gc.get_referents(a)])
print(vars(a), a.__dict__ is a.__dict__)
print([type(o).__name__ for o in gc.get_referents(a)])
a.__dict__["z"] = 9
print(a.z, vars(a))
a.w = 5
print(a.__dict__)

# Out-of-order adds, deletes and re-adds keep dict insertion order.
c = P.__new__(P)
c.y = 1
c.x = 2
print(vars(c))
d = P(1, 2)
del d.x
print(vars(d))
d.x = 3
print(vars(d), d.x, d.y)
try:
    del d.q
except AttributeError as e:
    print("AttributeError:", e)
e = P(5, 6)
e.extra = 1
f = P(7, 8)
f.other = 2
print(vars(e), vars(f))
print(hasattr(f, "extra"), hasattr(e, "other"), getattr(f, "x"))

# Many attributes (beyond the shared table's limit).
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a39, list(vars(m))[:3], list(vars(m))[-2:])
m2 = Many()
for i in range(40):
    setattr(m2, "a%d" % i, -i)
print(sum(vars(m2).values()), m2.a35)

# Non-interned and str-subclass names.
class S(str):
    pass


n = P(1, 2)
name = "".join(["x"])
print(getattr(n, name), name in vars(n))
setattr(n, S("y"), 20)
print(n.y, vars(n))
g = P(1, 2)
setattr(g, "".join(["ne", "w"]), 3)
print(g.new, vars(g))

# __dict__ replacement and vars() after it.
h = P(1, 2)
h.__dict__ = {"q": 1}
print(vars(h), hasattr(h, "x"))
h.x = 5
print(vars(h))


# __class__ assignment between classes with different attribute orders.
class Q:
    def __init__(self):
        self.y = "qy"
        self.x = "qx"


q = Q()
p = P("px", "py")
p.__class__ = Q
print(p.x, p.y, vars(p))
q.__class__ = P
print(q.x, q.y, vars(q))


# __slots__ with __dict__.
class SD:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = 1
        self.t = 2


sd = SD()
print(sd.s, sd.t, vars(sd))

# copy and reduce.
cp = copy.copy(P(1, [2]))
print(vars(cp))
dc = copy.deepcopy(P(1, [2]))
print(vars(dc), P(1, 2).__reduce_ex__(2)[2])


# A loop through the inline caches: reads, overwrites, adds in __init__, and a mix of
# instances with and without a real __dict__.
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


def walk(nodes):
    t = 0
    for nd in nodes:
        t += nd.v
        nd.v = nd.v + 1
    return t


nodes = [Node(i) for i in range(50)]
for i in range(0, 50, 7):
    nodes[i].__dict__
print(walk(nodes), walk(nodes), vars(nodes[7]), vars(nodes[8]))
del nodes[3].v
try:
    walk(nodes)
except AttributeError as e:
    print("AttributeError:", e)

# Subclass instances have their own shared keys.
class R(P):
    def __init__(self):
        self.r = 0
        super().__init__(1, 2)


r = R()
print(vars(r), vars(P(0, 0)))
print(sys.getsizeof(P(1, 2)) == sys.getsizeof(P(3, 4)))

# Cycles through attribute values are found by the collector.
import weakref


class Cyc:
    def __init__(self):
        self.me = self
        self.data = [self]


gc.collect()
cy = Cyc()
wr = weakref.ref(cy)
del cy
print(wr() is not None, gc.collect(), wr())
cy2 = Cyc()
cy2.__dict__
wr2 = weakref.ref(cy2)
del cy2
print(gc.collect(), wr2())
