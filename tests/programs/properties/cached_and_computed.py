import functools
class Circle:
    def __init__(self, r):
        self.r = r
        self.computations = 0
    @property
    def diameter(self):
        return 2 * self.r
    @diameter.setter
    def diameter(self, d):
        self.r = d / 2
    @functools.cached_property
    def area(self):
        self.computations += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.diameter, c.area, c.area, c.computations)
c.diameter = 10
print(c.r, c.area, c.computations)
del c.area
print(c.area, c.computations, "area" in vars(c))
print(type(Circle.area).__name__, Circle.area.attrname)
