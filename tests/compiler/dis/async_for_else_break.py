async def f():
    async for x in a:
        if x:
            break
    else:
        pass
