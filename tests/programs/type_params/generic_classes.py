# PEP 695 generic classes: the implicit Generic base, __type_params__, __parameters__,
# subscripting and its errors. (Reprs of typing's aliases need annotationlib, so the
# aliases are inspected through __origin__/__args__ here.)
import typing


def show(alias):
    return (alias.__origin__.__name__, alias.__args__)


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


print(Box.__type_params__)
print(Box.__parameters__)
print(Box.__mro__)
print([show(b) for b in Box.__orig_bases__])
print(show(Box[int]), Box[int].__origin__ is Box)
b = Box[int](3)
print(b.get(), type(b).__name__, show(b.__orig_class__))
print(typing.get_origin(Box[int]), typing.get_args(Box[str]))
print(Box[int] == Box[int], Box[int] == Box[str], hash(Box[int]) == hash(Box[int]))

try:
    Box[int, str]
except TypeError as e:
    print(e)


class Pair[K, V](dict):
    pass

print(Pair.__type_params__, Pair.__bases__)
print(show(Pair[str, int]))
p = Pair(a=1)
print(p, isinstance(p, dict))


class Variadic[*Ts]:
    pass

print(Variadic.__type_params__, Variadic.__parameters__)
print(show(Variadic[int, str]), show(Variadic[()]))


class Callback[**P]:
    pass

print(show(Callback[[int, str]]), show(Callback[int, str]))


class Sub(Box[int]):
    pass

print(Sub.__mro__, [show(b) for b in Sub.__orig_bases__])
print(Sub(5).get())

class Child[U](Box[U]):
    pass

print(Child.__parameters__, show(Child[bytes]))

try:
    class Bad[T](typing.Generic[T]):
        pass
except TypeError as e:
    print(e)

try:
    typing.Generic[int]
except TypeError as e:
    print(e)

try:
    class Plain(typing.Generic):
        pass
except TypeError as e:
    print(e)

print(typing.Generic.__module__, typing.Generic.__name__)


class Old(typing.Generic[typing.TypeVar('X')]):
    pass

print(Old.__parameters__, Old.__type_params__ if '__type_params__' in Old.__dict__ else ())
