import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("current")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
    try:
        raise KeyError("nested")
    except KeyError:
        print(type(sys.exception()).__name__)
    print(type(sys.exception()).__name__)
print(sys.exc_info(), sys.exception())
def gen():
    try:
        raise IndexError("in gen")
    except IndexError:
        yield sys.exception()
print(repr(next(gen())), sys.exception())
