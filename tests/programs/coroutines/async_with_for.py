class CM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit", exc[0].__name__ if exc[0] else None)
        return True
class AIter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with CM() as r:
        print("inside", r)
        async for v in AIter(3):
            print("item", v)
        raise KeyError("suppressed")
    print("after with")
    return [v async for v in AIter(4)]
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
