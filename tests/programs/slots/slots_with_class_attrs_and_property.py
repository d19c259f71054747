class P:
    __slots__ = ("_x",)
    kind = "point"
    def __init__(self, x):
        self._x = x
    @property
    def x(self):
        return self._x
p = P(3)
print(p.x, p.kind, P.kind)
try:
    p.kind = "other"
except AttributeError as e:
    print("AttributeError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
