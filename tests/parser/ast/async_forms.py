async def f():
    await x
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c as d,):
        pass
    return await y
    [i async for i in aiter()]
    await (yield)
