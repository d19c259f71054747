def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
async def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i += got
        i += 1
async def main():
    out = []
    g = counter(10)
    out.append(await g.__anext__())
    out.append(await g.asend(3))
    out.append(await g.asend(None))
    await g.aclose()
    return out
print(drive(main()))
g = counter(1)
print(type(g.__aiter__()).__name__, g.__aiter__() is g, g.ag_code.co_name)
