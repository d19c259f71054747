class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
p.y = 2
del p.x
print(p.y, hasattr(p, "x"))
class Q(P):
    pass
q = Q(5)
q.extra = 1
print(q.extra, q.__dict__)
class R(P):
    __slots__ = ("z",)
r = R(1)
r.z = 3
print(r.x, r.z, hasattr(r, "__dict__"))
