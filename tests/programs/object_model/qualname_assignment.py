class A: pass
A.__qualname__ = "X.Y"
print(repr(A), A.__qualname__, A.__name__, "__qualname__" in A.__dict__)
for v in (5, None):
    try:
        A.__qualname__ = v
    except TypeError as e:
        print("TypeError", e)
try:
    del A.__qualname__
except TypeError as e:
    print("TypeError", e)
try:
    int.__qualname__ = "x"
except TypeError as e:
    print("TypeError", e)
A.__module__ = "mod"
A.__doc__ = "d"
print(repr(A), A.__doc__, A.__module__)
