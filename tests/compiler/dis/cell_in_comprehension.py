def f():
    return [lambda: y for y in range(3)]
