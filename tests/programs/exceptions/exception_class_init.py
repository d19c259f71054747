# Calling Python exception classes with their own __init__ (run as a frame of the caller),
# with and without super().__init__, raising inside __init__, returning a value from it.
import sys
import traceback


class AppError(Exception):
    def __init__(self, code, *, detail=None):
        super().__init__("error %d" % code)
        self.code = code
        self.detail = detail


class Retry(AppError):
    pass


class NoSuper(ValueError):
    def __init__(self, a, b):
        self.a = a


class Bad(Exception):
    def __init__(self):
        raise KeyError("inside init")


class Returns(Exception):
    def __init__(self):
        return 5


class Where(Exception):
    def __init__(self):
        super().__init__(sys._getframe(1).f_code.co_name)


e = AppError(3)
print(type(e).__name__, e.args, e.code, e.detail, str(e))
r = Retry(4, detail="x")
print(type(r).__name__, r.args, r.code, r.detail, isinstance(r, AppError))
n = NoSuper(1, 2)
print(n.args, n.a, repr(n))


def caller():
    return Where()


print(caller().args)

try:
    Bad()
except KeyError as k:
    print("KeyError", k, [f.name for f in traceback.extract_tb(k.__traceback__)])

try:
    Returns()
except TypeError as t:
    print("TypeError", t)

try:
    AppError()
except TypeError as t:
    print("TypeError", t)

try:
    AppError(1, 2)
except TypeError as t:
    print("TypeError", t)


def deep(n, code):
    if n == 0:
        raise Retry(code) if code % 2 else AppError(code)
    return deep(n - 1, code)


total = 0
for i in range(20):
    try:
        deep(i % 4, i)
    except Retry as x:
        total += x.code * 2 + len(traceback.extract_tb(x.__traceback__))
    except AppError as x:
        total += x.code + len(traceback.extract_tb(x.__traceback__))
print(total)

try:
    deep(2, 7)
except AppError as x:
    print([(f.name, f.line) for f in traceback.extract_tb(x.__traceback__)])
    print(x.__context__, x.__cause__, x.__suppress_context__)

try:
    try:
        raise KeyError(1)
    except KeyError:
        raise AppError(9)
except AppError as x:
    print(repr(x.__context__), x.args)

deep(1, 5)
