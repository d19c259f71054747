print(range(0) == range(5, 5), range(0, 6, 2) == range(0, 5, 2), range(1) == range(0, 1, 7), range(3) != range(4))
r = range(0, 100, 7)
print(21 in r, 22 in r, 21.0 in r, 21.5 in r, True in range(2), "a" in range(3) if False else "skip", r.index(49), r.count(49), r.count(50))
print(list(range(10, -10, -7)), range(10, -10, -7)[-1], range(-5, 5)[::-2], list(range(-5, 5)[::-2]))
