# expect-stderr (SyntaxWarning: return in finally)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
def f():
    try:
        raise ValueError("swallowed by return")
    finally:
        return "ok"
print(f())
