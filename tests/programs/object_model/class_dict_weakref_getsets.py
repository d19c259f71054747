class P:
    x = 1
print(list(P.__dict__))
class Q(P): pass
print(list(Q.__dict__))
class S:
    __slots__ = ('a',)
print(list(S.__dict__))
class SD:
    __slots__ = ('a', '__dict__')
print(list(SD.__dict__))
class SW:
    __slots__ = ('__weakref__',)
print(list(SW.__dict__))
class L(list): pass
print(list(L.__dict__))
class E(Exception): pass
print(list(E.__dict__))
d = P.__dict__['__dict__']; w = P.__dict__['__weakref__']
print(d, w, type(d).__name__, d.__name__, d.__objclass__, w.__qualname__)
p = P()
print(d.__get__(p), w.__get__(p))
import _weakref as weakref
r = weakref.ref(p)
print(w.__get__(p) is r, p.__weakref__ is r)
try: d.__set__(p, 3)
except TypeError as e: print(e)
d.__set__(p, {'k': 1}); print(p.k)
try: d.__get__(1)
except TypeError as e: print(e)
print(sorted(dir(p))[:6])
print(sorted(vars(P).keys() - {"__firstlineno__", "__static_attributes__"}))
for b in (int, tuple, bytes, str, float, dict, set, frozenset, complex, BaseException, object, type):
    class C(b): pass
    print(b.__name__, [k for k in C.__dict__ if k in ('__dict__', '__weakref__')])
