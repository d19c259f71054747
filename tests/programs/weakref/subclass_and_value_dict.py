# Subclasses of weakref.ref (weakref.KeyedRef, user classes with slots and __init__), and the
# WeakValueDictionary / WeakKeyDictionary built on them.
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"


class Named(weakref.ref):
    __slots__ = ("label",)

    def __new__(cls, ob, callback=None, label="?"):
        return super().__new__(cls, ob, callback)

    def __init__(self, ob, callback=None, label="?"):
        super().__init__(ob, callback)
        self.label = label


a = Obj(1)
r1 = Named(a, None, "first")
r2 = Named(a, None, "second")
plain = weakref.ref(a)
print(r1() is a, r1.label, r2.label, r1 is r2, type(r1).__name__, isinstance(r1, weakref.ref))
print(weakref.ref(a) is plain, r1 == r2, r1 == plain, hash(r1) == hash(plain))
print(weakref.getweakrefcount(a), [type(r).__name__ for r in weakref.getweakrefs(a)])
print(r1.__callback__)


class Plain(weakref.ref):
    pass


p = Plain(a)
print(type(p).__name__, p() is a, p is plain)
p.extra = 5
print(p.extra, p.__dict__)

seen = []
k = weakref.KeyedRef(a, lambda ref: seen.append(ref.key), "the-key")
print(k.key, k() is a)
del a
gc.collect()
print(r1(), r2(), plain(), p(), seen)

d = weakref.WeakValueDictionary()
objs = [Obj(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), sorted(d.keys()), d[3])
del objs[1:3]
gc.collect()
print(len(d), sorted(d.keys()), 1 in d, d.get(1), d.get(4))
print(sorted(v.n for v in d.values()), sorted(k for k, v in d.items()))
d.setdefault(10, objs[0])
print(d.pop(10), len(d))
try:
    d[99]
except KeyError as e:
    print("KeyError", e)
vd = weakref.WeakValueDictionary({"x": objs[0]})
print(list(vd.items()))

wk = weakref.WeakKeyDictionary()
keys = [Obj(i) for i in range(3)]
for i, key in enumerate(keys):
    wk[key] = i * 10
print(len(wk), sorted(wk.values()))
del keys[0]
gc.collect()
print(len(wk), sorted(wk.values()))

for bad in [(), (Obj(0), None, 1, 2)]:
    try:
        weakref.ref(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.ref(Obj(0), callback=None)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError", e)
