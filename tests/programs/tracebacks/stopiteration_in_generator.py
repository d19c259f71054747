# expect-stderr
def g():
    yield next(iter([]))
list(g())
