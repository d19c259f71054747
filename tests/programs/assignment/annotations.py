x: int = 5
y: "str"
print(x, __annotations__ if False else "annotations ok")
def f():
    a: int = 1
    b: list[int]
    return a
print(f())
class C:
    a: int = 3
    b: str
    c: "list[int]" = []
print(C.a, C.__annotations__, hasattr(C, "b"))
try:
    print(y)
except NameError as e:
    print("NameError", e)
import sys
print(sorted(sys.modules["__main__"].__annotations__.keys()) if hasattr(sys.modules["__main__"], "__annotations__") else "no module annotations attr")
