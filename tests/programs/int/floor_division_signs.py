for a in [7, -7, 0]:
    for b in [2, -2, 3, -3]:
        print(a, b, a // b, a % b, divmod(a, b), a - (a // b) * b == a % b)
print(-(10**30) // 7, -(10**30) % 7, 10**30 // -7, (10**30) % -7)
