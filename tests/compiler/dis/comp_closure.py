def f(y):
    return [lambda: x for x in y]
