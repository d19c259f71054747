def f():
    a, b, c = 1, 2, 3
    a, b = b, a
    a, b, c = c, b, a
    return a, b, c
