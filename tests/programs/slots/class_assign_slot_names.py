# __class__ assignment between __slots__ classes: the same slot names (in any order) fit, other
# names, an added __dict__ or __weakref__ do not.
class A:
    __slots__ = ('x', 'y')
class B:
    __slots__ = ('x', 'y')
class C:
    __slots__ = ('y', 'x')
class D:
    __slots__ = ('a', 'b')
class E(A): pass
class F(A):
    __slots__ = ()
a = A(); a.x = 1; a.y = 2
for T in (B, C, D, E, F, A):
    try:
        a.__class__ = T
        print("ok", T.__name__, a.x, a.y)
    except TypeError as e:
        print(T.__name__, e)
    a.__class__ = A
class P: pass
class Q: pass
class R:
    __slots__ = ('__dict__',)
class S:
    __slots__ = ('__weakref__',)
p = P()
for T in (Q, R, S):
    try:
        p.__class__ = T; print("ok", T.__name__)
    except TypeError as e: print(T.__name__, e)
    p.__class__ = P
