def f():
    a = 1
    del a
    a = 2
    return a
