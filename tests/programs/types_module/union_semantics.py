# typing.Union (X | Y): deduplication of hashable and unhashable arguments, order-insensitive
# equality, hashing, iteration refused, parameters and substitution.
import functools
import itertools
import operator
import typing
from typing import Annotated, TypeVar, Union, get_args

T = TypeVar('T')

expr = Annotated[int, 1] | str | Annotated[str, {}] | int
print(expr, get_args(expr))
print(all(expr == functools.reduce(operator.or_, p)
          for p in itertools.permutations(get_args(expr))))
print(Annotated[int, {}] | Annotated[int, {}] | int == int | Annotated[int, {}])
print((int | str) == (str | int), (int | str) != (int | bytes), hash(int | str) == hash(str | int))
try:
    hash(Annotated[int, {}] | str)
except TypeError as e:
    print('TypeError', e)
print(int | str | int, int | None, (int | None).__args__)
for u in (int | str, Union[str, T]):
    try:
        iter(u)
    except TypeError as e:
        print('TypeError', 'not iterable' in str(e))
print((int | list[T]).__parameters__, (int | list[T])[str], (list[T] | dict[str, T])[bytes])
print(isinstance(1, int | str), issubclass(bool, str | int))
