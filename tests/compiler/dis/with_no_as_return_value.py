def f():
    with a:
        return g()
