def f(a):
    return [[lambda: (i, j) for j in b] for i in a]
