class Shape:
    sides = 0
    def area(self):
        return 0
class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
sq = Square(3)
for name in ["sides", "area", "s", "missing"]:
    attr = getattr(sq, name, None)
    print(name, hasattr(sq, name), callable(attr), type(attr).__name__)
print([c.__name__ for c in type(sq).__mro__], Square.__subclasses__(), Shape.__subclasses__()[0].__name__)
print(getattr(Square, "area")(sq), getattr(super(Square, sq), "area")())
