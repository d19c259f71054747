def f():
    if x:
        return "oops
