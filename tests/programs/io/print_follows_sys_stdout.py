# print() and the interactive displayhook write to whatever sys.stdout currently is.
import contextlib
import doctest
import io
import sys

buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
print("into the buffer", 1, sep="-")
sys.displayhook(42)
sys.stdout = old
print(repr(buf.getvalue()))


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


r = Recorder()
with contextlib.redirect_stdout(r):
    print("a", "b", end="!")
    exec(compile("6 * 7", "<single>", "single"))
print(r.parts)

sys.stdout = None
print("dropped")
sys.stdout = old
print("back")

del sys.stdout
try:
    print("x")
except RuntimeError as e:
    sys.__stdout__.write(f"RuntimeError: {e}\n")
sys.stdout = old


def f():
    """
    >>> 1 + 1
    2
    >>> print('x')
    x
    """


print(doctest.testmod())
print(sys.gettrace(), sys.getprofile(), sys.settrace(None), sys.setprofile(None))
