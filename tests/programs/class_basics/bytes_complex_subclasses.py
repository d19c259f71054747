# Python subclasses of bytes and complex: construction, attributes, inherited operations (which
# return the base type), overridden dunders, __new__ overrides, equality and hashing.


class Tag(bytes):
    def shout(self):
        return self.upper() + b"!"


t = Tag(b"abc")
print(t, repr(t), type(t).__name__, len(t), t[0], t[1:], type(t[1:]).__name__)
print(t.shout(), type(t.shout()).__name__, t == b"abc", hash(t) == hash(b"abc"))
print(isinstance(t, bytes), issubclass(Tag, bytes), bytes(t), type(bytes(t)).__name__)
print(Tag(3), Tag([65, 66]), Tag("h\u00e9", "utf-8"), Tag(), type(Tag()).__name__)
print(t + b"d", type(t + b"d").__name__, t * 2, b"x" in Tag(b"xyz"))
print(t.decode(), t.hex(), list(t), {t: 1}[b"abc"])
t.note = "hello"
print(t.note, t.__dict__)


class Header(bytes):
    def __new__(cls, name, value):
        self = super().__new__(cls, name + b": " + value)
        self.name = name
        return self

    def __repr__(self):
        return f"Header({bytes(self)!r})"


h = Header(b"Host", b"example.org")
print(h, h.name, h.split(b": "), str(h))


class Slotted(bytes):
    __slots__ = ()


s = Slotted(b"zz")
try:
    s.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(s, type(s).__name__)


class C(complex):
    def mag2(self):
        return self.real**2 + self.imag**2


c = C(3, 4)
print(c, repr(c), type(c).__name__, c.real, c.imag, c.mag2(), abs(c))
print(c + 1, type(c + 1).__name__, c * c, -c, type(-c).__name__, c == complex(3, 4))
print(hash(c) == hash(complex(3, 4)), C("1+2j"), C(), C(2.5), complex(c), type(complex(c)).__name__)
print(c.conjugate(), type(c.conjugate()).__name__, isinstance(c, complex))


class Polar(complex):
    def __new__(cls, r, phi=0.0):
        import math
        return super().__new__(cls, r * math.cos(phi), r * math.sin(phi))

    def __repr__(self):
        return f"Polar<{self.real:.1f}, {self.imag:.1f}>"


p = Polar(2)
print(p, [p], p + 0, type(p).__name__)
p.tag = 1
print(p.__dict__)
try:
    C("nope")
except ValueError as e:
    print("ValueError", e)
try:
    Tag(-1)
except ValueError as e:
    print("ValueError", e)
