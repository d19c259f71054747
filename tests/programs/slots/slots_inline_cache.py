class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
class W(V):
    __slots__ = ("z",)
def f(o):
    return o.x + o.y
t = 0
for i in range(100):
    v = V(i, 2) if i % 3 else W(i, 3)
    t += f(v)
print(t)
v = V(1, 2)
for i in range(40):
    try:
        print(v.x, end=" ")
        if i == 20:
            del v.x
    except AttributeError as e:
        print(e)
        v.x = 5
print()
for i in range(40):
    if i == 30:
        V.x = property(lambda s: "prop")
    try:
        print(v.x, end=" ")
    except Exception as e:
        print(type(e).__name__, e)
print()
class A:
    __slots__ = ("a",)
for i in range(40):
    o = A()
    if i == 25:
        A.a = 7
    try:
        o.a = i
        print(o.a, end=" ")
    except AttributeError as e:
        print(e)
print()
