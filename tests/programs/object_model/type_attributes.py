class A:
    """doc A"""
    x = 1
    def m(self):
        pass
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, A.__bases__, A.__base__, A.__mro__)
print(type(A.__dict__).__name__, "x" in A.__dict__, A.__dict__["x"], sorted(k for k in A.__dict__ if not k.startswith("__")))
try:
    A.__dict__["y"] = 2
except TypeError as e:
    print("TypeError", e)
A.y = 2
print(A.y, "y" in A.__dict__)
print(int.__name__, int.__module__, type(int.__dict__).__name__, object.__base__, type.__base__, type.__mro__)
A.__name__ = "Renamed"
print(A.__name__, A.__qualname__, repr(A))
A.__qualname__ = "Outer.Renamed"
print(repr(A))
try:
    A.__name__ = 5
except TypeError as e:
    print("TypeError", e)
