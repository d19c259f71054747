class A:
    @property
    def x(self): return 1
    y = property()
    z = property(lambda s: 2)
print(A.x.__name__, A.y.__name__, A.z.__name__)
p = property()
try: p.__name__
except AttributeError as e: print(e)
p.__set_name__(A, "named")
print(p.__name__)
q = property(lambda s: 1)
print(q.__name__)
class B:
    w = q
try: B().w = 1
except AttributeError as e: print(e)
r = A.x.setter(lambda s, v: None)
print(r.__name__)
import abc
class C(abc.ABC):
    @property
    @abc.abstractmethod
    def m(self): pass
print(C.m.__isabstractmethod__, A.x.__isabstractmethod__)
try: A().y
except AttributeError as e: print(e)
try: del A().x
except AttributeError as e: print(e)
