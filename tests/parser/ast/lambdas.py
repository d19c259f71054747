lambda: 0
lambda x: x
lambda x, y=1, *args, z, w=2, **kw: 0
lambda *, a: a
lambda a, /, b, *, c: 0
lambda a=1, /, b=2: 0
lambda *a, **k: 0
lambda: (yield)
f(lambda x: x + 1, key=lambda y: -y)
lambda x: lambda y: x + y
