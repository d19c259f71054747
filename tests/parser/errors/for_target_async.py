async def f():
    async for a + b in x:
        pass
