def g(a: int, b: "str" = "x") -> None:
    pass
print(callable(g.__annotate__), g.__annotate__(1))
g.__annotations__ = {"changed": bool}
print(g.__annotations__)
def h():
    pass
print(h.__annotations__, h.__annotate__)
class K:
    x: int
print(type(K.__annotate__).__name__, K.__annotations__)
