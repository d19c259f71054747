import math
vals = [3, 2.5, 1 + 1j, True]
for a in vals:
    print(" ".join(type(a + b).__name__ for b in vals))
print(7 // 2, 7.0 // 2, -7 // 2.0, 7 % -3, 7.0 % -3, 2 ** 10, 2.0 ** 10, 2 ** -1, (-1) ** 0.5)
print(int(2.999), round(2.999, 2), math.isclose(1 / 3 * 3, 1), 0.1 * 3, 1e16 + 1, 2 ** 53 + 1.0)
