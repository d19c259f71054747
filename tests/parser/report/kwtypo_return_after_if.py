def f():
    if a:
        pass
    retrun 1
