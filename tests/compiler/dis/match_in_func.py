def f(x):
    match x:
        case (1, y):
            return y
        case z:
            return z
