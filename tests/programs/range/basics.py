r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], 5 in r, 6 in r, r.index(8), r.count(11), range(5)[-2], range(0))
print(list(range(5, 0, -2)), list(range(0)), list(range(-3)), len(range(0, 10, -1)), range(3) == range(0, 3), range(0) == range(2, 2), range(1, 5, 2) == range(1, 6, 2))
print(r.start, r.stop, r.step, reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)), hash(range(3)) == hash(range(0, 3, 1)))
for bad in ["range(1, 2, 0)", "range(1.5)", "r[100]", "r.index(7)", "range()", "range('a')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
