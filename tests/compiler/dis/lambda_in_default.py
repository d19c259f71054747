def f(a=lambda: 1):
    return a
