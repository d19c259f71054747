r = range(2, 30, 4)
for sl in [slice(None), slice(1, None), slice(None, -1), slice(None, None, -1), slice(1, 5, 2), slice(-3, None), slice(10, 20), slice(None, None, 3)]:
    sub = r[sl]
    print(sl, sub, list(sub) == list(r)[sl])
