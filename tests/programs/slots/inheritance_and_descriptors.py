class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
b = B()
b.a, b.b = 1, 2
print(b.a, b.b, B.__slots__, A.__dict__["a"].__name__, type(B.__dict__["b"]).__name__)
try:
    b.c = 3
except AttributeError as e:
    print("AttributeError", e)
del b.a
try:
    b.a
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(b, "__dict__"), hasattr(b, "__weakref__"))
class WithDefault:
    __slots__ = ("v",)
    def __init__(self, v=0):
        self.v = v
print([WithDefault(i).v for i in range(3)])
