# isinstance/issubclass on class-like objects (a tuple __bases__) and instances that claim a
# class through __class__; which errors propagate; unions as tuples of their arguments.
import typing

class AbstractClass:
    def __init__(self, bases):
        self.bases = bases
    def getbases(self):
        return self.bases
    __bases__ = property(getbases)
    def __call__(self):
        return AbstractInstance(self)

class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass
    def getclass(self):
        return self.klass
    __class__ = property(getclass)

AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
AbstractGrand = AbstractClass(bases=(AbstractClass(bases=()), AbstractChild))

print(isinstance(AbstractChild(), AbstractSuper), isinstance(AbstractSuper(), AbstractChild))
print(issubclass(AbstractChild, AbstractSuper), issubclass(AbstractSuper, AbstractChild))
print(issubclass(AbstractGrand, AbstractSuper), issubclass(AbstractChild, (AbstractGrand, AbstractSuper)))

class Super: pass
class Child(Super): pass
class Claims:
    __class__ = Child
print(isinstance(Claims(), Super), isinstance(Claims(), Claims), isinstance(Claims(), int))
print(type.__instancecheck__(Super, Claims()), type.__subclasscheck__(Super, Child))

def attempt(f, *args):
    try:
        print(f(*args))
    except RecursionError:
        print("RecursionError")
    except Exception as e:
        print(type(e).__name__, e)

class NoBases: pass
attempt(isinstance, 1, NoBases())
attempt(issubclass, NoBases(), int)
attempt(issubclass, int, NoBases())
attempt(issubclass, 3, int)

class RaisesBases:
    @property
    def __bases__(self):
        raise RuntimeError("bases")
attempt(issubclass, RaisesBases(), int)
attempt(isinstance, 1, RaisesBases())

class BasesNotTuple:
    __bases__ = [int]
attempt(issubclass, BasesNotTuple(), int)

class RaisesClass:
    @property
    def __class__(self):
        raise RuntimeError("class")
attempt(isinstance, RaisesClass(), AbstractSuper)

class AttrErrClass:
    @property
    def __class__(self):
        raise AttributeError("no class")
attempt(isinstance, AttrErrClass(), AbstractSuper)
attempt(isinstance, AttrErrClass(), int)

class Cycle:
    @property
    def __bases__(self):
        return (self, self, self)
attempt(issubclass, Cycle(), int)

class Failure:
    def __getattr__(self, attr):
        return (self, None)
attempt(issubclass, Failure(), int)

for args in ((1, int | list[int]), ([], int | list[int]), ([], typing.List | typing.Tuple),
             ([], int | typing.List[int])):
    attempt(isinstance, *args)
for args in ((list, int | list[int]), (int, int | list[int]), (typing.List, typing.List | typing.Tuple),
             (int, int | typing.List[int]), (list, int | typing.List[int])):
    attempt(issubclass, *args)
attempt(issubclass, 2, Child | Super)

# a bound method's __class__ is its own type, not the function's
import types
class M:
    def m(self): pass
    @classmethod
    def c(cls): pass
print(M().m.__class__.__name__, M.c.__class__.__name__, isinstance(M.c, types.FunctionType),
      isinstance(M().m, types.MethodType))
