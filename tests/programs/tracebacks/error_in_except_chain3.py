# expect-stderr
try:
    try:
        raise ValueError("one")
    except ValueError:
        raise TypeError("two")
except TypeError:
    raise KeyError("three")
