def f(a, b, c):
    x = a + b
    y = b * c
    return x, y, a, c
