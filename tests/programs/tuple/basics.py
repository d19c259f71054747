t = (1, "two", 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t.count(1), t.index(3.0), (1,) + (2,), (1, 2) * 2, () == tuple(), (1,) < (1, 0), tuple("ab"), tuple([1]))
print((), (1,), tuple(range(3)), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)), 3 in (1, 2, 3), type(()).__name__)
x = 1, 2
y, = [9]
print(x, y, (lambda *a: a)(1, 2))
for bad in ["t[10]", "t.index(99)", "t[0] = 1", "hash(([],))", "(1,) + [2]", "del t[0]", "t.append(1)"]:
    try:
        exec(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
