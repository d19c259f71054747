async def f():
    return all(await x for x in y)
