# A frame that an exception leaves keeps its variables while the traceback lives:
# tb_frame.f_locals shows them, frame.clear() drops them, and finalisers run when the last
# reference (the exception, its traceback) goes, as in CPython.
import gc
import sys
import traceback


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fails(a):
    local = Noisy("local of fails")
    b = [a, a]

    def inner():
        return b

    raise KeyError(a)


try:
    fails(3)
except KeyError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(sorted(k for k in fr.f_locals))
    print(fr.f_locals["a"], fr.f_locals["b"], fr.f_locals["local"].name)
    print("still in except")
print("after except (the exception is gone)")
del fr
print("after del fr")

# frame.clear() on a finished frame releases the variables at once
try:
    fails(4)
except KeyError as e:
    print("clear ->", e.__traceback__.tb_next.tb_frame.clear())
    print("cleared:", e.__traceback__.tb_next.tb_frame.f_locals)
    print("end of handler")

# traceback.clear_frames, as unittest and asyncio use it
def keep():
    try:
        fails(5)
    except KeyError as e:
        return e

err = keep()
traceback.clear_frames(err.__traceback__)
print("frames cleared")
del err

# frames still running cannot be cleared
try:
    sys._getframe().clear()
except RuntimeError as e:
    print(e)


def gen():
    yield 1


g = gen()
next(g)
try:
    g.gi_frame.clear()
except RuntimeError as e:
    print(e)

# several frames deep: each keeps its own variables
def level(n):
    here = "level %d" % n
    if n == 0:
        raise ValueError("bottom")
    level(n - 1)


try:
    level(3)
except ValueError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        seen.append(tb.tb_frame.f_locals.get("here"))
        tb = tb.tb_next
    print(seen)

# a cycle through the kept locals is collected
def cyclic():
    me = Noisy("in a cycle")
    try:
        raise OSError("x")
    except OSError as e:
        me.err = e
        raise


try:
    cyclic()
except OSError:
    pass
print("collect:", gc.collect() > 0)
print("done")
