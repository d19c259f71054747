# Built-in methods that take no arguments reject them with CPython's messages.
calls = [
    ([].clear, "list.clear"),
    ([].copy, "list.copy"),
    ([].reverse, "list.reverse"),
    ({}.keys, "dict.keys"),
    ({}.values, "dict.values"),
    ({}.items, "dict.items"),
    ({1: 2}.popitem, "dict.popitem"),
    ({}.copy, "dict.copy"),
    ({}.clear, "dict.clear"),
    ({}.__reversed__, "dict.__reversed__"),
    ({}.keys().__reversed__, "dict_keys.__reversed__"),
    ({}.items().__reversed__, "dict_items.__reversed__"),
    ({1}.pop, "set.pop"),
    (set().copy, "set.copy"),
    (set().clear, "set.clear"),
    (frozenset().copy, "frozenset.copy"),
    ((5).bit_length, "int.bit_length"),
    ((5).bit_count, "int.bit_count"),
    ((5).conjugate, "int.conjugate"),
    ((5).is_integer, "int.is_integer"),
    ((5).as_integer_ratio, "int.as_integer_ratio"),
    ((1.5).is_integer, "float.is_integer"),
    ((1.5).hex, "float.hex"),
    ((1.5).as_integer_ratio, "float.as_integer_ratio"),
    ((1.5).conjugate, "float.conjugate"),
]
for f, name in calls:
    for args, kwargs in (((1,), {}), ((1, 2), {}), ((), {"x": 1})):
        try:
            f(*args, **kwargs)
            print(name, "accepted", args, kwargs)
        except TypeError as e:
            print(name, "TypeError:", e)
    r = f()
    print(name, "->", type(r).__name__ if "iterator" in type(r).__name__ else r)
