class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def total(cls):
        return cls.__name__, cls.count
class Sq(Shape):
    pass
s = Sq.make("sq")
print(type(s).__name__, s.name, Shape.helper(4), s.helper(5), Sq.total(), s.total())
print(type(Shape.__dict__["make"]).__name__, type(Shape.__dict__["helper"]).__name__, Shape.__dict__["helper"].__func__(7))
print(Shape.make.__self__ is Shape, Sq.make.__self__ is Sq, callable(Shape.__dict__["helper"]), Shape.__dict__["helper"](3))
sm = staticmethod(len)
print(sm("abc"), sm.__wrapped__ is len)
