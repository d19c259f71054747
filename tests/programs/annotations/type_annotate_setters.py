# Setting and deleting a class's __annotate__ and __annotations__, the annotations cache, and
# annotationlib's formats (they call __annotate__ with fake globals).
import annotationlib
from annotationlib import Format, get_annotations


class A:
    x: int


print(A.__annotations__)
A.__annotate__ = lambda f: {"y": str}
print(A.__annotations__)
A.__annotate__ = None
print(A.__annotate__, A.__annotations__)
try:
    A.__annotate__ = 1
except TypeError as e:
    print(e)
try:
    del A.__annotate__
except TypeError as e:
    print(e)
try:
    int.__annotate__ = None
except TypeError as e:
    print(e)


class B:
    pass


B.__annotations__ = {"q": 1}
print(B.__annotations__, B.__annotate__)
del B.__annotations__
try:
    del B.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(B.__annotations__)


class C:
    z: "later"
    w: Undefined
    v: list[Missing]
    u: int


print(get_annotations(C, format=Format.STRING))
try:
    get_annotations(C)
except NameError as e:
    print("NameError", e)


def f(a: Nope, b: int = 3) -> "ret":
    pass


print(get_annotations(f, format=Format.STRING))
print(annotationlib.call_annotate_function(f.__annotate__, Format.STRING))
