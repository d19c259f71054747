def show(*args, **kwargs):
    return args, kwargs
print(show(), show(1, *[2, 3], *(), 4, **{"a": 1}, b=2, **{"c": 3}))
print(show(*"ab", *range(2)), show(**dict(x=1)), show(*{1: 2}), show(*[], **{}))
def first(a, *rest):
    return a, rest
print(first(*range(5)), first(1))
args = [1, 2]
print(max(*args), max(*args, 0), print(*args, sep="-"))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)
