# Async generators, async comprehensions, async with and async for inside tasks.
import asyncio

async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("ticker closed at", n)

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("acquire", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("release", self.name, et.__name__ if et else None)
        return et is KeyError

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def job(name):
    total = 0
    async for x in ticker(3):
        total += x
    async with Resource(name):
        pass
    async with Resource(name + "-err"):
        raise KeyError("swallowed")
    return name, total, [x async for x in Counter(3)], [x * 2 async for x in ticker(2) if x]

async def main():
    print(await asyncio.gather(job("a"), job("b")))
    g = ticker(10)
    print(await anext(g), await anext(g))
    await g.aclose()
    print(await anext(Counter(0), "default"))

asyncio.run(main())
