def f(x):
    if x:
        return
    return None
