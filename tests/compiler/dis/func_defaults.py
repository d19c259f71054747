def f(a=1, b=(1, 2), c=None):
    return a
