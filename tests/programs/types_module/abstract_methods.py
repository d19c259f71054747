import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
class B(A):
    def f(self): pass
for c in (A, B):
    try: c()
    except TypeError as e: print(e)
print(sorted(A.__abstractmethods__))
try: int.__abstractmethods__ = 1
except TypeError as e: print(e)
class C: pass
try: C.__abstractmethods__
except AttributeError as e: print(repr(e))
C.__abstractmethods__ = ['x']
try: C()
except TypeError as e: print(e)
del C.__abstractmethods__; print(type(C()).__name__)
try: del C.__abstractmethods__
except AttributeError as e: print(repr(e))
class D(B):
    def g(self): return 'g'
print(D().g(), isinstance(D(), A), issubclass(D, A))
