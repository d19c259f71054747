# throw() with an exception class whose __new__ returns something else.
class Odd(Exception):
    def __new__(cls, *args):
        return 42


def gen():
    try:
        yield 1
    finally:
        print("cleanup")


g = gen()
next(g)
try:
    g.throw(Odd)
except TypeError as e:
    print("TypeError:", e)
print(next(g, "exhausted"))


class Fine(Exception):
    pass


g = gen()
next(g)
try:
    g.throw(Fine)
except Fine as e:
    print("Fine raised", type(e).__name__)


# An exception class whose __init__ fails: that error is thrown in instead.
class Bad(Exception):
    def __init__(self, *args):
        raise ValueError("init failed")


def watcher():
    try:
        yield 1
    except BaseException as e:
        print("inside got", type(e).__name__, e)
        raise


g = watcher()
next(g)
try:
    g.throw(Bad)
except ValueError as e:
    print("outside", type(e).__name__, e)

# Argument errors are not thrown in.
g = watcher()
next(g)
for args in [(5,), ("text",), (Bad("x") if False else ValueError(1),)][:2]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
print(next(g, "finished normally"))
g.close()
