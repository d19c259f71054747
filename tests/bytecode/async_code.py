import asyncio

async def coro(x):
    await asyncio.sleep(0)
    return await x

async def agen():
    yield 1
    await asyncio.sleep(0)
    yield 2

async def consume():
    async for v in agen():
        print(v)
    else:
        pass
    r = [v async for v in agen()]
    s = [await coro(v) for v in range(3)]
    t = {v: v async for v in agen() if v}
    return r, s, t
