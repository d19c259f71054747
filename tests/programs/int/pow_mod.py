print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(10, 20, 7), pow(123456789, 987654321, 10**9 + 7))
print(pow(7, -1, 13), pow(-7, -1, 13), pow(7, -2, 13), pow(0, 0, 1), pow(5, 0, 1))
try:
    pow(2, -1, 6)
except ValueError as e:
    print("ValueError", e)
print(2 ** 0.5, (-8) ** (1 / 3))
