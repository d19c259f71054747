import collections
Point = collections.namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, Point._make([3, 4]), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, len(p), p.count(1), type(p).__name__)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
pp = Pair(1, 2)
print(pp, pp.swap(), type(pp + (3,)).__name__, type(pp[:1]).__name__)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
