async def agen(n):
    for i in range(n):
        yield i * 10
    print("agen done")
def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
g = agen(3)
print(type(g).__name__, g.__name__)
async def collect():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(drive(collect()))
a = agen(2)
print(drive(a.__anext__()), drive(a.__anext__()))
try:
    drive(a.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
