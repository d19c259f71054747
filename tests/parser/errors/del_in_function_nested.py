def f():
    if x:
        del x, y.z, g()
