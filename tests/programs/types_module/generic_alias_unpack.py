# Iterating a GenericAlias gives its starred form: (*tuple[int],), tuple[*tuple[int, ...]],
# __unpacked__, __typing_unpacked_tuple_args__, and *args annotations.
x = (*tuple[int],)
print(x, x[0].__unpacked__, tuple[int].__unpacked__)
print(*tuple[int, str])
y = tuple[*tuple[int, ...]]
print(y, y.__args__)
print(x[0].__typing_unpacked_tuple_args__, tuple[int].__typing_unpacked_tuple_args__)
print([*list[int]][0], [*list[int]][0].__typing_unpacked_tuple_args__)
print(x[0] == tuple[int], x[0] == next(iter(tuple[int])), hash(x[0]) == hash(tuple[int]))
def f(*args: *tuple[int, str]): pass
print(f.__annotations__)
