t = tuple(range(10))
a, b, *rest = t
print(a, b, rest, t.index(5, 3), t.count(3), t[::3], t[-2:], t + (10,), (t * 2)[9:12], min(t), max(t), sum(t))
print(tuple(x for x in "ab"), tuple({3: 0, 1: 0}), tuple.__len__(t), t.__contains__(9), t.__getitem__(slice(2)))
try:
    t.index(5, 6)
except ValueError as e:
    print("ValueError", e)
print(((1, 2), (1, 2)) == ((1, 2),) * 2, ([],) * 2)
