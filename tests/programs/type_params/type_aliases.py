# The `type` statement: TypeAliasType objects, lazy values, parameters, subscripts.
import typing

type Number = int | float
print(Number, type(Number), type(Number).__module__)
print(Number.__name__, Number.__value__, Number.__type_params__, Number.__parameters__)
print(Number.__module__)

type ListOrSet[T] = list[T] | set[T]
print(ListOrSet.__type_params__, ListOrSet.__parameters__)
print(ListOrSet.__value__)
print(ListOrSet[int], type(ListOrSet[int]).__name__)

# The value is evaluated lazily, once.
log = []
def make():
    log.append('made')
    return str

type Lazy = make()
print(log)
print(Lazy.__value__, log)
print(Lazy.__value__, log)

# Forward references are fine until the value is asked for.
type Later = Undefined
try:
    Later.__value__
except NameError as e:
    print(e)

try:
    Number[int]
except TypeError as e:
    print(e)

print(Number | None, int | Number)

Manual = typing.TypeAliasType('Manual', list[int])
print(Manual, Manual.__value__, Manual.__module__, Manual.__type_params__)
T = typing.TypeVar('T')
Generic = typing.TypeAliasType('Generic', dict[str, T], type_params=(T,))
print(Generic[int], Generic.__parameters__)

try:
    typing.TypeAliasType('X', int, type_params=[T])
except TypeError as e:
    print(e)

D = typing.TypeVar('D', default=int)
try:
    typing.TypeAliasType('Y', int, type_params=(D, T))
except TypeError as e:
    print(e)

try:
    class Sub(typing.TypeAliasType):
        pass
except TypeError as e:
    print(e)


class Outer:
    type Inner = bytes

print(Outer.Inner, Outer.Inner.__qualname__ if hasattr(Outer.Inner, '__qualname__') else '')
print(Number.__reduce__())
