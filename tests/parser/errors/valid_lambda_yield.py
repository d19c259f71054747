def g():
    f = lambda: (yield)
    x = yield
    y = yield from g()
    await_ = (yield 1), (yield)
