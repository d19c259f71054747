class Tick:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
async def double(x):
    await Tick()
    return x * 2
async def main():
    a = [await double(x) for x in range(3)]
    b = [x async for x in agen(4) if x % 2 == 0]
    c = {x: await double(x) async for x in agen(2)}
    return a, b, c
coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as e:
    print(e.value)
