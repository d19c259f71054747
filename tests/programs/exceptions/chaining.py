def ctx():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    ctx()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError()
e.__cause__ = TypeError("set manually")
print(repr(e.__cause__), e.__suppress_context__)
try:
    e.__cause__ = "bad"
except TypeError as err:
    print("TypeError", err)
