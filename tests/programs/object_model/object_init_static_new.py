# object.__init__ accepts extra arguments when the first __new__ on the MRO is not object's
# (a static base such as float counts), as an Enum with a float mixin relies on
from enum import Enum


class A:
    pass


class B(A):
    def __new__(cls, *a):
        return super().__new__(cls)


class F(float):
    pass


for t in (int, float, str, tuple, F, list, dict, Exception):
    try:
        object.__init__(t.__new__(t), 1)
        print(t.__name__, 'ok')
    except TypeError as e:
        print(t.__name__, e)
for t in (A, B):
    try:
        object.__init__(object.__new__(t), 1)
        print(t.__name__, 'ok')
    except TypeError as e:
        print(t.__name__, e)


class FloatNum(float, Enum):
    e = 2.718281
    pi = 3.141593


print(FloatNum.e, FloatNum.pi.value, FloatNum(3.141593), FloatNum.__init__)
