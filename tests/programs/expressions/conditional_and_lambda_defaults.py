vals = [-2, 0, 3]
print(["neg" if v < 0 else "zero" if v == 0 else "pos" for v in vals])
f = lambda x, y=(lambda: "default-lambda")(): (x, y)
print(f(1), f(1, 2))
g = (lambda: "called") if vals else None
print(g())
print((lambda *a, **k: len(a) + len(k))(1, 2, x=3), (lambda: (yield))().__class__.__name__)
