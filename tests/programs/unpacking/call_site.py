def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), *"ab", *range(2), *{9: 0}))
print(f(**{"a": 1}, **dict(b=2), c=3))
print(f(*[], **{}))
class Mapping:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
print(f(**Mapping()), dict(**Mapping()), {**Mapping()})
for bad in ["f(*5)", "f(**[1])", "f(**{'a': 1}, **{'a': 2})", "f(**{1: 2})"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
