try:
    try:
        raise KeyError("inner")
    except KeyError:
        err = ValueError("outer")
        err.__suppress_context__ = True
        raise err
except ValueError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
e = RuntimeError()
e.__cause__ = None
print(e.__suppress_context__)
e2 = RuntimeError()
e2.__cause__ = KeyError()
print(e2.__suppress_context__)
