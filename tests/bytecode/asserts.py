def check(x, y):
    assert x
    assert x > y, "x must exceed y"
    assert all(v for v in x)
    assert any([x, y])
    raise NotImplementedError
def more(t):
    return tuple(v for v in t)
