def f():
    a = 1
    def g():
        b = 2
        def h():
            return a + b
        return h
    return g
