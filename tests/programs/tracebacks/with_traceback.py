# with_traceback() and assigning __traceback__; re-raising an exception object chains the
# exception being handled as its __context__.
import traceback

try:
    1 / 0
except Exception as e:
    saved = e
try:
    raise KeyError("k")
except KeyError:
    try:
        raise saved
    except ZeroDivisionError as z:
        print(repr(z.__context__))


def f():
    raise ValueError("inner")


try:
    f()
except ValueError as e:
    tb = e.__traceback__


def g():
    raise TypeError("t").with_traceback(tb)


try:
    g()
except TypeError as e:
    print([fs.name for fs in traceback.extract_tb(e.__traceback__)])
    e.__traceback__ = None
    print(e.__traceback__)
    for bad in (5, "tb"):
        try:
            e.__traceback__ = bad
        except TypeError as x:
            print(x)
    try:
        del e.__traceback__
    except TypeError as x:
        print(x)
    e.__traceback__ = tb.tb_next
    print([fs.name for fs in traceback.extract_tb(e.__traceback__)])
    print(e.with_traceback(None) is e, e.__traceback__)
    try:
        e.with_traceback(1)
    except TypeError as x:
        print(x)
    try:
        e.with_traceback()
    except TypeError as x:
        print(x)


# the six.reraise idiom
def reraise(tp, value, tb=None):
    if value.__traceback__ is not tb:
        raise value.with_traceback(tb)
    raise value


try:
    try:
        f()
    except ValueError as e:
        reraise(RuntimeError, RuntimeError("again"), e.__traceback__)
except RuntimeError as e:
    print([fs.name for fs in traceback.extract_tb(e.__traceback__)])
    print(repr(e.__context__))

# an uncaught exception with an attached traceback prints it
raise LookupError("end").with_traceback(tb)
