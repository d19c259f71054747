adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(10))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
val = "  Hello World  "
for step in pipeline:
    val = step(val)
print(val)
make_mul = lambda k: lambda x: x * k
print(make_mul(3)(4), (lambda: lambda: "inner")()(), (lambda x: x)(lambda y: y)(5))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda t: (-t[0], t[1])))
