class A: pass
class B: pass
class S:
    __slots__ = ()
class S2:
    __slots__ = ('a',)
class S3:
    __slots__ = ('a',)
class S4(S2): pass
for cls, new in [(A, (B,)), (S, (B,)), (S, (S2,)), (A, (S2,)), (S4, (S3,)), (A, (B, S2)), (A, (int,)), (A, (object,)), (B, (A, S))]:
    try:
        cls.__bases__ = new
        print("ok", cls.__name__, cls.__mro__)
    except TypeError as e:
        print("TypeError", e)
class X:
    def who(self): return "X"
class Y:
    def who(self): return "Y"
class Base(X): pass
class Mid(Base): pass
class Leaf(Mid): pass
obj = Leaf()
print(obj.who(), [c.__name__ for c in Leaf.__mro__])
Base.__bases__ = (Y,)
print(obj.who(), [c.__name__ for c in Leaf.__mro__], issubclass(Leaf, Y), issubclass(Leaf, X), isinstance(obj, Y))
print([c.__name__ for c in Y.__subclasses__()], X.__subclasses__())
class P: pass
class Q(P): pass
try:
    class Z(P): pass
    Z.__bases__ = (P, Q)
except TypeError as e:
    print("TypeError", e)
print(Z.__bases__, [c.__name__ for c in Z.__mro__])
class Meta(type):
    def mro(cls):
        return [cls] + [c for c in type.mro(cls)[1:]]
class M1(metaclass=Meta): pass
class M2(metaclass=Meta):
    def hello(self): return "M2"
class M3(M1): pass
M3.__bases__ = (M2,)
print(M3().hello(), [c.__name__ for c in M3.__mro__])
class WithDunder:
    def __len__(self): return 7
class Plain: pass
class Uses(Plain): pass
u = Uses()
Uses.__bases__ = (WithDunder,)
print(len(u))
Uses.__bases__ = (Plain,)
try:
    len(u)
except TypeError as e:
    print("TypeError", e)
