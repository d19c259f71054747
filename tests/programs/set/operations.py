a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a.union(b, [9]), a.intersection(b, {4}), a.difference([1], {2}), a.symmetric_difference([4, 6]))
print(a <= b, {3} <= a, {3} < a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}), a.isdisjoint(b))
c = set(a)
c |= {10}; print(c)
c &= {1, 10, 3}; print(c)
c -= {1}; print(c)
c ^= {3, 7}; print(c)
c.update([1], (2,)); c.intersection_update({1, 2, 10}); c.difference_update({2}); c.symmetric_difference_update({5})
print(c)
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
