# abc: abstract methods, register() of virtual subclasses, isinstance/issubclass through
# __subclasshook__, caches and the cache token.
import abc
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @property
    @abstractmethod
    def name(self): ...


try:
    Shape()
except TypeError as e:
    print(e)


class Square(Shape):
    def area(self):
        return 4


try:
    Square()
except TypeError as e:
    print(e)


class Full(Square):
    name = 'full'


print(Full().area(), Full.name, sorted(Shape.__abstractmethods__), Full.__abstractmethods__)


class Duck:
    def area(self):
        return 1


print(isinstance(Duck(), Shape), issubclass(Duck, Shape))
tok = abc.get_cache_token()
print(Shape.register(Duck) is Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), abc.get_cache_token() > tok)
print(Shape.register(Full) is Full)

try:
    Shape.register(3)
except TypeError as e:
    print(e)


class Base(ABC):
    pass


class Derived(Base):
    pass


try:
    Derived.register(Base)
except RuntimeError as e:
    print(e)


class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return hasattr(C, '__len__') or NotImplemented
        return NotImplemented


print(issubclass(list, Sized2), issubclass(int, Sized2), isinstance('abc', Sized2))


print(type(Shape) is ABCMeta, isinstance(Shape, ABCMeta))


class Meta(metaclass=ABCMeta):
    @classmethod
    @abstractmethod
    def make(cls): ...


print(Meta.__abstractmethods__, abc.update_abstractmethods(Full) is Full)
print(isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), issubclass(dict, cabc.MutableMapping))
