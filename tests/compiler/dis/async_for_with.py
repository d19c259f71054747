async def f():
    async for x in a:
        pass
    async with b as c:
        pass
