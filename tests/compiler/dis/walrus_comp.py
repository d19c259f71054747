def f(y):
    return [z for x in y if (z := x * 2)]
