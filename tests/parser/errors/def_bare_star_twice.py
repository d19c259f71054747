def f(*, a, *):
    pass
