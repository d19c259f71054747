print(5 and 0, 0 or 7, 3 & 5, 3 | 5, 3 ^ 5, not 0, not -1, 5 > 3 > 1, 1 < 3 > 2 == 2)
print(sum(x for x in range(10) if x & 1), [x for x in range(20) if not x % 3 and x % 2])
