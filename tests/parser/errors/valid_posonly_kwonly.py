def f(a, b=1, /, c=2, *, d, e=3, **k): pass
lambda a, /, *, b: 0
