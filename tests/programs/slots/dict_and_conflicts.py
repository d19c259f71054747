class D:
    __slots__ = ("a", "__dict__")
d = D()
d.a = 1
d.b = 2
print(d.a, d.__dict__)
try:
    class Bad:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError", e)
class S:
    __slots__ = "single"
s = S()
s.single = "ok"
print(s.single, S.__slots__)
try:
    class IntSub(int):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError", e)
class W:
    __slots__ = ("__weakref__",)
print(W.__slots__)
