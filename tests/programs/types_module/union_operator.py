u = int | str
print(type(u), u, u.__args__, repr(int | None), (int | str) == (str | int), int | int)
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | None))
print(u | float, (int | str) | (str | bytes), hash(int | str) == hash(str | int))
print(list[int] | None)
try: int | 1
except TypeError as e: print(e)
import types
print(types.UnionType, types.UnionType is type(u))
print(u.__parameters__, u.__origin__ if hasattr(u,'__origin__') else None)
