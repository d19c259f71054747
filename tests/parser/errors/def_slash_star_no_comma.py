def f(a, /*):
    pass
