def g():
    a = (yield 1) + (yield 2)
    b = [(yield 3), (yield 4)]
    c = {"k": (yield 5)}
    return a, b, c
it = g()
out = [next(it)]
for v in [10, 20, "x", "y", "z"]:
    try:
        out.append(it.send(v))
    except StopIteration as e:
        out.append(("done", e.value))
print(out)
