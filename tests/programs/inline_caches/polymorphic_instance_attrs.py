# One attribute read/write site seeing objects of several classes (the instance-dict caches
# keep a way per class), with attributes in different dict orders, shadowing descriptors
# added later, deleted attributes and replaced instance dicts.


class Base:
    def __init__(self, v):
        self.v = v
        self.name = type(self).__name__


class A(Base):
    pass


class B(Base):
    def __init__(self, v):
        self.extra = 0  # `v` lands at another dict index than in A
        super().__init__(v)


class C(Base):
    pass


class D(Base):
    pass


class E(Base):
    pass


def read(o):
    return o.v


def bump(o, k):
    o.v = o.v + k


objs = [A(1), B(2), C(3), D(4), E(5)]
total = 0
for i in range(200):
    o = objs[i % 5]
    total += read(o)
    bump(o, 1)
print(total, [o.v for o in objs])

# A site that has cached several classes: one of them gains a data descriptor.
class P(Base):
    pass


ps = [A(10), B(20), P(30)]
for i in range(30):
    read(ps[i % 3])
P.v = property(lambda self: -1)
print([read(p) for p in ps])
del P.v
print([read(p) for p in ps])

# A deleted attribute, then a replaced __dict__.
a = A(7)
for i in range(20):
    read(a)
del a.v
try:
    read(a)
except AttributeError as e:
    print("AttributeError:", e)
a.__dict__ = {"v": 99, "name": "x"}
print(read(a))
a.__dict__ = {"name": "x", "v": 98}
print(read(a))
for i in range(20):
    bump(a, 1)
print(a.v, sorted(a.__dict__))

# Many classes at one site: the oldest ways give way.
classes = [type("K%d" % i, (Base,), {}) for i in range(9)]
ks = [k(i) for i, k in enumerate(classes)]
for rnd in range(5):
    print(rnd, sum(read(k) for k in ks))
    for k in ks:
        bump(k, rnd)
print([k.v for k in ks])


# Attribute set through a non-data descriptor on one class only.
class M(Base):
    def v_method(self):
        return "method"


m = M(5)
m.v_method = "shadowed"


def read_vm(o):
    return o.v_method
print(read_vm(m), read_vm(M(1))())
