class MyInt(int):
    def __new__(cls, v, tag="t"):
        self = int.__new__(cls, v)
        self.tag = tag
        return self
    def __repr__(self): return f"MyInt({int(self)}, {self.tag})"
a = MyInt(5, "x")
print(a, a + 1, type(a + 1).__name__, a.tag, isinstance(a, int), a == 5, hash(a) == hash(5))
class F(float): pass
f = F(2.5); f.extra = 1
print(f, f * 2, type(f).__name__, f.extra, F("1.5"))
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi")
print(s, s.shout(), len(s), s + "x", type(s + "x").__name__, repr(s), s == "hi", {s: 1}["hi"])
class P(tuple):
    __slots__ = ()
    @property
    def x(self): return self[0]
p = P((1, 2))
print(p, p.x, len(p), type(p).__name__, p + (3,))
class CM(classmethod): pass
class K:
    @CM
    def f(cls): return cls.__name__
print(K.f(), type(K.__dict__['f']).__name__)
class Prop(property): pass
class Q:
    @Prop
    def v(self): return 42
print(Q().v)
class B(int): pass
print(B(7), B(), B("12"), bool(B(0)))
class E(Exception):
    __slots__ = ('code',)
e = E("m"); e.code = 3; print(e.code, e)
