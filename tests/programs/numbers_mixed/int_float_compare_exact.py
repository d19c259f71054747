big = 2 ** 64 + 1
print(big == float(big), big > float(2 ** 64), float(big) == 2 ** 64, int(float(big)))
print(10 ** 17 + 1 > 1e17, 10 ** 17 + 1 == 1e17, 9007199254740993 < 9007199254740992.0)
print(sorted([2 ** 53 + 1, 2.0 ** 53, 2 ** 53 - 1]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
