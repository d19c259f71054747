def run(coro):
    out = []
    try:
        while True:
            out.append(coro.send(None))
    except StopIteration as e:
        return out, e.value
class Tick:
    def __await__(self):
        yield "tick"
class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    async def __aenter__(self):
        await Tick()
        print("enter")
        return self
    async def __aexit__(self, typ, val, tb):
        await Tick()
        print("exit", typ.__name__ if typ else None, val)
        return self.suppress
async def body(suppress, fail):
    async with CM(suppress) as cm:
        print("in body", cm.suppress)
        if fail:
            raise ValueError("boom")
    return "completed"
for s, f in [(False, False), (True, True), (False, True)]:
    try:
        print(run(body(s, f)))
    except ValueError as e:
        print("escaped", e)
class NoAwaitEnter:
    def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        pass
class NoAsync:
    pass
async def bad_with(cm):
    async with cm:
        pass
for cm in [NoAwaitEnter(), NoAsync()]:
    try:
        run(bad_with(cm))
    except TypeError as e:
        print("TypeError", e)
async def agen():
    try:
        for i in range(5):
            await Tick()
            yield i
    finally:
        print("agen finally")
async def loop_break():
    g = agen()
    async for v in g:
        if v == 2:
            break
    await g.aclose()
    return v
print(run(loop_break()))
async def bad_for(x):
    async for v in x:
        pass
class NoAnext:
    def __aiter__(self):
        return 1
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
for x in [[1, 2], NoAnext(), BadAnext()]:
    try:
        run(bad_for(x))
    except TypeError as e:
        print("TypeError", e, "| cause:", repr(e.__cause__))
async def comps():
    a = [x async for x in agen() if x % 2]
    b = [await t for t in [nothing(), nothing()]]
    return a, b
async def nothing():
    return 7
print(run(comps()))
