print(7 / 2, -7 / 2, 1 / 3, 2**64 / 3, 10**30 / 10**10, 1 / 2**1074)
print(10**400 // 10**399, (10**400 + 1) / 10**399)
for a, b in [(1, 0), (10**400, 1), (1, 10**400)]:
    try:
        print(a / b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
