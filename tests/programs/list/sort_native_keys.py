# Sorting keys that are compared natively (small ints, floats, strs, tuples of those) and the
# mixes that must fall back to Python-level comparison (NaN, big ints, bools, subclasses,
# mixed kinds in a tuple position, incomparable keys).
import math

def lcg(n, seed=3):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x)
    return out

xs = lcg(300)
print(sorted(x % 50 for x in xs)[:20])
print(sorted((x % 50 for x in xs), reverse=True)[:20])
print(sorted([-3, 5, 0, -(2**62), 2**62 - 1, 7]))
print(sorted([2**70, 3, -(2**80), 1.5, True, False]))
fl = [(x % 1000) / 7 - 50 for x in xs]
print(sorted(fl)[:5], sorted(fl, reverse=True)[:5])
print(sorted([0.0, -0.0, 1.0, -1.0, 0.0]))
print([str(v) for v in sorted([-0.0, 0.0, -0.0, 0.0], reverse=True)])
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([1.0, 2, 0.5, 3]))
ws = ["pear", "Apple", "fig", "apple", "", "z", "ä", "ab", "a\u20ac", "\U0001f600", "a"]
print(sorted(ws))
print(sorted(ws, key=len))
print(sorted(ws, key=len, reverse=True))
recs = [(x % 5, -(x % 97), str(x % 13)) for x in xs[:60]]
print(sorted(recs)[:8])
print(sorted(recs, key=lambda r: (r[2], r[0]))[:8])
print(sorted([(1,), (1, 2), (), (0, 5), (1, 1.5)][:3] + [(1, 0)]))
print(sorted([(1, 2.0), (1, 1), (0, 3)]))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)

class I(int):
    def __lt__(self, other):
        return int(self) > int(other)

print(sorted([I(1), I(3), I(2)]))
pairs = [(x % 3, i) for i, x in enumerate(xs[:30])]
print(sorted(pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: (p[0], p[1])))
a = [5, 3, 9, 1]
a.sort(key=lambda v: -v)
print(a)
b = ["b", "a", "c"]
b.sort(reverse=True)
print(b)
print(sorted([1, 1.0, True][::-1]), sorted([math.inf, -math.inf, 0.0]))
