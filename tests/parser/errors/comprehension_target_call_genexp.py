g = (x for f(x) in y)
