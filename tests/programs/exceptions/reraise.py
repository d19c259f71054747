def inner():
    try:
        1 / 0
    except ZeroDivisionError:
        print("inner handling")
        raise
try:
    inner()
except ZeroDivisionError as e:
    print("outer got", repr(e))
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    raise err
except KeyError as e:
    print("reraised stored", repr(e))
def handler():
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        raise
try:
    handler()
except TypeError as e:
    print("bare raise restores", repr(e))
