def outer(a, b=1, *args, c, d=2, **kw):
    x = 1
    y = 2

    def inner():
        nonlocal x
        x += 1
        return y + a

    def other():
        global z
        z = 1
        return lambda q: q + x

    return inner, other


def gen():
    yield 1
    return (i for i in range(3))


async def coro(xs):
    await xs
    async for i in xs:
        pass
    async with xs as v:
        pass
    return [j async for j in xs]
