async def f():
    a = await b
    await c(await d)
