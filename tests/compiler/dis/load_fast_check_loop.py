def f(x):
    for i in x:
        y = i
    return y
