def f():
    return g(h(1),
