# The typing module's everyday forms: reprs, get_origin/get_args, Optional/Union, Callable,
# Literal, Annotated, cast, overload, final, TypeVar generics.
import typing
from typing import (Any, Callable, Optional, Union, List, Dict, Tuple, Literal, Annotated,
                    TypeVar, Generic, cast, overload, final, get_origin, get_args, NoReturn,
                    ClassVar, Final, Sequence, Iterable, Mapping)

print(Optional[int], Union[int, str], Union[int, None, str])
print(type(int | str), type(Union[int, str]), Union[int, str] == (int | str))
print(Union[int], Union[int, int], Union[int, Union[str, bytes]])
print(get_origin(Union[int, str]) is Union, get_args(Optional[int]))
print(get_args(List[int]), get_args(Dict[str, int]), get_args(Tuple[int, ...]))
print(get_args(Callable[[int, str], bool]), get_args(Callable[..., None]))
print(get_origin(Callable[[int], str]), get_args(Callable[[int], str]))
print(get_args(Literal[1, 'a', True]), get_args(Literal[1, 2]))
print(get_args(Annotated[int, 'meta']), Annotated[int, 'meta'].__metadata__)
print(get_origin(List[int]) is list, get_origin(int), get_args(int))
print(Any, NoReturn, get_origin(ClassVar[int]), get_args(Final[str]))
print(get_origin(Sequence[int]), get_args(Mapping[str, int]))
print(isinstance([], List), isinstance({}, Mapping), issubclass(list, Sequence))
print(cast(int, 'not an int'), cast('str', 3))

try:
    Union[()]
except TypeError as e:
    print(e)
try:
    isinstance(3, List[int])
except TypeError as e:
    print(e)

T = TypeVar('T')
K = TypeVar('K', bound=str)
N = TypeVar('N', int, float)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
print(T, K, N, Co, Contra, T.__module__)
print(K.__bound__, N.__constraints__, T.__default__, T.has_default())
print(TypeVar('D', default=int).__default__, TypeVar('D', default=None).__default__)
for args, kwargs in [(('X', int), {}), (('X',), {'covariant': True, 'contravariant': True}),
                     (('X', int, str), {'bound': int}),
                     (('X',), {'infer_variance': True, 'covariant': True}), ((3,), {})]:
    try:
        TypeVar(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), get_args(Stack[int]), Stack.__parameters__, get_args(Stack.__orig_bases__[0]))
print(Stack[int] == Stack[int], Stack[int] == Stack[str])


class Mapping2(Generic[K, T]):
    pass

print(get_args(Mapping2[str, int]), Mapping2.__parameters__)
try:
    Mapping2[int]
except TypeError as e:
    print(e)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2

print(double(2), double('ab'), len(typing.get_overloads(double)))


@final
class Leaf:
    pass

print(Leaf.__final__)


@typing.dataclass_transform()
def model(cls):
    return cls

@model
class M:
    x: int

print(model.__dataclass_transform__['eq_default'], M.__annotations__)

print(typing.Optional[list[int]], list[int] | None)
print(typing.TYPE_CHECKING)
print(typing.reveal_type.__name__, typing.assert_never.__name__)
