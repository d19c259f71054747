# A metaclass whose __call__ is a class (not a descriptor): calling the class calls it without
# the class itself, as typing's _TypedDictMeta does with `__call__ = dict`.
class M(type):
    __call__ = dict


class T(metaclass=M):
    pass


print(T(), T(a=1), T([(1, 2)]))


class Callable:
    __call__ = staticmethod(lambda *a, **k: (a, k))


print(Callable()(1, x=2))


class Obj:
    __call__ = len


try:
    Obj()([1, 2])
except TypeError as e:
    print(e)

from typing import TypedDict

T1 = TypedDict('T1', {})
print(T1(), T1.__required_keys__)


class Point(TypedDict):
    x: int


print(Point(x=1), Point.__required_keys__)
