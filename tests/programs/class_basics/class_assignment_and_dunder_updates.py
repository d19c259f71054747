# __class__ and __dict__ assignment, dunders assigned after the class is made, MI slot dispatch.
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.__class__ = B
print(a.who(), type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError", e)
class S:
    __slots__ = ("x",)
try:
    a.__class__ = S
except TypeError as e:
    print("TypeError", e)
a.__dict__ = {"k": 1}
print(a.k)
try:
    a.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
class V:
    def __init__(self, n): self.n = n
V.__repr__ = lambda self: f"V({self.n})"
V.__add__ = lambda self, o: V(self.n + o.n)
print(V(1), V(1) + V(2))
class W(V): pass
W.__len__ = lambda self: self.n
print(len(W(4)), bool(W(0)))
del V.__repr__
print(repr(V(3)).startswith("<__main__.V object"))
class Mixin:
    def __repr__(self): return "mixin"
    def __eq__(self, o): return True
    __hash__ = object.__hash__
class L(list, Mixin): pass
class M(Mixin, list): pass
print(repr(L([1])), repr(M([1])), L() == 1, M() == 1, L.__mro__)
class G:
    def __getattr__(self, name): return "got " + name
g = G()
print(g.missing)
G.__getattribute__ = lambda self, name: "always " + name
print(g.anything)
