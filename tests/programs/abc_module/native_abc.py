# The native _abc under abc.ABCMeta: abstract methods, register, the caches, get_cache_token,
# _get_dump, and the collection flags register() gives so that match sees registered classes.
import abc, _abc
from collections.abc import Sequence, Mapping, Iterable, Hashable, Sized
print(abc.ABCMeta.__module__, type(abc.ABC._abc_impl).__name__, '__abc_tpflags__' in Sequence.__dict__)
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @property
    @abc.abstractmethod
    def p(self): pass
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
class C(B):
    p = 3
print(C().f(), C.__abstractmethods__)
class MySeq: 
    def __len__(self): return 2
    def __getitem__(self, i): return [1, 2][i]
tok = abc.get_cache_token()
Sequence.register(MySeq)
print(abc.get_cache_token() - tok, issubclass(MySeq, Sequence), isinstance(MySeq(), Sequence))
match MySeq():
    case [a, b]: print("seq", a, b)
    case _: print("no")
class MyMap:
    def __getitem__(self, k): return k
    def get(self, k, d=None): return k
    def __iter__(self): return iter(())
    def __len__(self): return 0
Mapping.register(MyMap)
match MyMap():
    case {"x": v}: print("map", v)
    case _: print("no")
class Sub(MySeq): pass
match Sub():
    case [a, b]: print("sub seq", a, b)
print(issubclass(int, Hashable), issubclass(list, Hashable), isinstance([], Iterable), issubclass(Sub, Sized))
try: Sequence.register(3)
except TypeError as e: print(e)
try: A.register(C)
except RuntimeError as e: print("RT", e)
class X(abc.ABC): pass
class Y(X): pass
try: X.register(X)
except Exception as e: print(e)
print(X.register(Y) is Y)
try: Y.register(X)
except RuntimeError as e: print(e)
class Z: pass
X.register(Z)
reg, cache, neg, ver = X._abc_registry_dump() if hasattr(X, '_abc_registry_dump') else _abc._get_dump(X)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache), len(neg), type(ver))
print(issubclass(Z, X), isinstance(Z(), X), issubclass(int, X))
reg, cache, neg, ver = _abc._get_dump(X)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache), sorted(r().__name__ for r in neg))
X._abc_caches_clear()
reg, cache, neg, ver = _abc._get_dump(X)
print(len(cache), len(neg))
X._abc_registry_clear()
print(issubclass(Z, X))
try: _abc._abc_subclasscheck(X, 3)
except TypeError as e: print(e)
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return "bad"
try: issubclass(int, H)
except AssertionError as e: print("AE", e)
try:
    class T(abc.ABC):
        __abc_tpflags__ = 1 << 5 | 1 << 6
except TypeError as e:
    print(e)
class S(abc.ABC):
    __abc_tpflags__ = 1 << 5
print('__abc_tpflags__' in S.__dict__)
class SS(S):
    def __len__(self): return 1
    def __getitem__(self, i):
        if i: raise IndexError
        return 7
match SS():
    case [x]: print("flagged by __abc_tpflags__", x)
class Plain: pass
S.register(str)
match "ab":
    case [a, b]: print("str matched")
    case _: print("str stays unflagged")
