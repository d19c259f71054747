def f():
    a = 1
    def g():
        nonlocal a
        a += 1
        return a
    return g
