def f(a):
    for x in a:
        if x:
            return x
    else:
        return None
