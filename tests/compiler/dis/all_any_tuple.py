def f(a):
    return all(x for x in a), any(x for x in a), tuple(x for x in a)
