a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(-a, -b))
print(2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** -2)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 1000000007))
print(+a, -a, ~a, ~-a, abs(-a))
