sq = lambda x: x * x
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=10: x + y)(1))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(filter(lambda v: v % 2, range(8))))
print((lambda x: (lambda y: x + y))(3)(4), type(sq).__name__, sq.__name__)
cond = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([cond(v) for v in (-2, 0, 7)])
print((lambda a, /, b, *, c: (a, b, c))(1, b=2, c=3))
print((lambda: (yield 1))().__next__() if False else "lambda-gen", list((lambda: (yield from [1, 2]))()))
