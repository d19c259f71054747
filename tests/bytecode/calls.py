def f(*args, **kwargs):
    return args, kwargs
f()
f(1, 2)
f(1, b=2)
f(*[1, 2], **{'a': 3})
f(1, *[2], 3, *(4,), k=1, **{'z': 2}, w=3)
print(len([1, 2, 3]), isinstance(f, type), str(1), tuple([1]), type(1))
o = object()
o.__class__.__name__.upper()
f(x=1, y=2)(3)
[].append(1)
