for a in [5.5, -5.5, 0.0, -0.0]:
    for b in [2.0, -2.0, float("inf")]:
        q, r = divmod(a, b)
        print(a, b, q, r, a % b, a // b)
