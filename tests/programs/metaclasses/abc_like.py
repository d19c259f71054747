class AbstractMeta(type):
    def __call__(cls, *a, **k):
        missing = [n for n in dir(cls) if getattr(getattr(cls, n), "__isabstract__", False)]
        if missing:
            raise TypeError(f"Can't instantiate {cls.__name__} with abstract {', '.join(missing)}")
        return super().__call__(*a, **k)
def abstract(f):
    f.__isabstract__ = True
    return f
class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self): ...
    @abstract
    def name(self): ...
class Sq(Shape):
    def area(self):
        return 4
    def name(self):
        return "sq"
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
print(Sq().area(), Sq().name())
