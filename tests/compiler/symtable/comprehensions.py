def f(xs):
    a = [x for x in xs if x]
    b = {k: v for k, v in xs}
    c = {x for x in xs}
    d = [y for x in xs for y in x]
    e = [(lambda: x) for x in xs]
    g = [[x for x in row] for row in xs]
    if (n := len(xs)) > 1:
        pass
    h = [last := x for x in xs]
    return a, b, c, d, e, g, h, last


class C:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    gen = (v for v in vals)
    nested = [[w for w in vals] for _ in range(2)]


[m := i for i in range(3)]
