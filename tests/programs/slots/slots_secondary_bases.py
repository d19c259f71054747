# A class with __slots__ gets a __dict__ (and weak references) from a secondary base that has
# one, as CPython's type_new does.
import weakref

class Node:
    owner = None

class Childless:
    __slots__ = ()

class PI(Childless, Node):
    __slots__ = ("target", "data")

p = PI()
p.owner = 1
p.target = 2
print(p.owner, p.target, p.__dict__, "__dict__" in dir(p))
print(weakref.ref(p)() is p)

class PI2(Node, Childless):
    __slots__ = ("t",)

q = PI2()
q.owner = 3
print(q.__dict__)

class OnlySlots(Childless):
    __slots__ = ("x",)

o = OnlySlots()
try:
    o.y = 1
except AttributeError as e:
    print(e)
try:
    weakref.ref(o)
except TypeError as e:
    print(e)

class Weak:
    __slots__ = ("__weakref__",)

class Both(Childless, Weak):
    __slots__ = ("z",)

b = Both()
print(weakref.ref(b)() is b, hasattr(b, "__dict__"))
