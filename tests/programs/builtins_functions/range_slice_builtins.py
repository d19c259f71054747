print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)), slice(3), slice(1, 2), slice(1, 2, 3), [0, 1, 2, 3, 4][slice(1, None, 2)])
print(range(10)[slice(2, 8, 2)], "abcdef"[slice(-2, None)], len(range(-5, 5, 2)))
