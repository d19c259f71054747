# __class__ assignment between classes that add the same __slots__ to the same base (CPython's
# "same slots added" rule), as annotationlib does between _Stringifier and ForwardRef.
S = ("a", "b")


class X:
    __slots__ = S

    def who(self):
        return "X"


class Y:
    __slots__ = S

    def who(self):
        return "Y"


x = X()
x.a, x.b = 1, 2
x.__class__ = Y
print(type(x).__name__, x.who(), x.a, x.b)


class Z:
    __slots__ = ("a",)


class D:
    pass


for target in (Z, D):
    try:
        x.__class__ = target
    except TypeError as e:
        print("TypeError", e)
d = D()
try:
    d.__class__ = X
except TypeError as e:
    print("TypeError", e)

import annotationlib


class C:
    w: Undefined
    v: list[Missing]
    u: int


fr = annotationlib.get_annotations(C, format=annotationlib.Format.FORWARDREF)
print(sorted(fr), fr["u"], type(fr["w"]).__name__, fr["w"].__forward_arg__, fr["v"])
