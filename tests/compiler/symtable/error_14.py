def f():
    yield from [(yield) for x in y]
