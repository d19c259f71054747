def f(x):
    def g(y=x):
        return y + x
    return g
