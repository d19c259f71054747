inf, nan = float("inf"), float("nan")
for n in [0, 10**400, -10**400]:
    print(n < inf, n > -inf, n == inf, n < nan, n > nan, n == nan, n != nan)
print(max(10**400, inf), min(-inf, -10**400), sorted([inf, 10**400, -inf, 0]))
