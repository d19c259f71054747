s = set()
for v in [5, 3, 17, 1, 33, 8, 2]:
    s.add(v)
print(s, list(s))
s.discard(17)
s.add(64)
print(s, {-1, -2, 0, 1}, {10, 20, 30, 1000, 5}, set(range(20, 0, -3)))
