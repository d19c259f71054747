class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p, p.x, p.norm2(), Point.dims, p.dims, Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(sorted(vars(p).items()), p.__dict__, type(p) is Point, isinstance(p, Point), isinstance(p, object))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, hasattr(p, "z"), getattr(p, "z", "nope"))
p.z = 1
print(p.z, sorted(p.__dict__))
