# abc.abstractclassmethod / abstractstaticmethod, and classmethod/staticmethod __init__ (what
# their subclasses call through super()).
import abc
class A(abc.ABC):
    @abc.abstractclassmethod
    def f(cls): return "A.f"
    @abc.abstractstaticmethod
    def g(): return "A.g"
print(sorted(A.__abstractmethods__), A.f(), A.g())
class B(A):
    @classmethod
    def f(cls): return "B.f " + cls.__name__
    @staticmethod
    def g(): return "B.g"
print(B.__abstractmethods__, B().f(), B.g(), type(A.__dict__['f']).__name__, type(A.__dict__['g']).__name__)
cm = classmethod(len); cm.__init__(str.upper); print(cm.__func__)
sm = staticmethod(len); print(sm(["a"]), sm.__init__(abs), sm(-3))
try: classmethod(len).__init__()
except TypeError as e: print(e)
class MyCM(classmethod):
    def __init__(self, f):
        super().__init__(f)
        self.extra = 1
class C:
    @MyCM
    def h(cls): return cls.__name__
print(C.h(), C.__dict__['h'].extra, isinstance(C.__dict__['h'], classmethod))
for f in (lambda: classmethod(), lambda: classmethod(1,2), lambda: classmethod(f=1), lambda: classmethod(len).__init__(1,2), lambda: staticmethod(len).__init__(f=1)):
    try: f()
    except TypeError as e: print(e)
