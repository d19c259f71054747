class AI:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n
async def main():
    it = aiter(AI())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, "default")
    try:
        await anext(it)
    except StopAsyncIteration:
        d = "stopped"
    return a, b, c, d
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
try:
    aiter(5)
except TypeError as e:
    print("TypeError", e)
