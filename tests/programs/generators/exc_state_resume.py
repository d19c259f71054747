# The handled exception (sys.exception()) across generator resumption: a generator suspended in
# an except block keeps its own, the caller's comes back at every yield and at the end.
import sys


def g():
    print("start", sys.exception())
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield "after"


it = g()
print(next(it), sys.exception())
try:
    raise ValueError("outer")
except ValueError:
    print(next(it), repr(sys.exception()))
print(next(it), sys.exception())
print(sys.exception())
print(list(it))


def h():
    try:
        yield 1
    except TypeError:
        yield repr(sys.exception())
        raise


x = h()
next(x)
try:
    raise OSError("caller")
except OSError:
    print(x.throw(TypeError("thrown")), repr(sys.exception()))
    try:
        next(x)
    except TypeError as e:
        print("raised", repr(e), repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())
