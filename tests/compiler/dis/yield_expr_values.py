def g():
    x = yield
    y = yield x
    z = yield from y
    return z
