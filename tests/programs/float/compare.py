nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10**400, -inf < -10**400, inf == inf)
print(0.0 == -0.0, 1.0 == 1, 0.1 == 1/10, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1)
print(sorted([3.5, -1.0, 0.0, 2, -inf, inf]), max(1.5, 2), min(0.0, -0.0), max(-0.0, 0.0))
l = [nan]
print(nan in l, l == l, [nan] == [nan], l.count(nan))
