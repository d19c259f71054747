def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Suspend:
    def __await__(self):
        yield "suspended"
async def inner():
    await Suspend()
    return "inner done"
async def outer(c):
    return await c
c = inner()
o = outer(c)
print(o.send(None))
print(type(o.cr_await).__name__, o.cr_await is c, c.cr_await is not None)
try:
    outer(c).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
print(run(o))
async def nothing():
    return 1
n = nothing()
try:
    n.send(5)
except TypeError as e:
    print("TypeError", e)
n.close()
try:
    n.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def raises_stop():
    raise StopIteration(3)
try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
pending = []
class ReturnsCoro:
    def __await__(self):
        c = nothing()
        pending.append(c)
        return c
async def awaits_coro():
    await ReturnsCoro()
try:
    run(awaits_coro())
except TypeError as e:
    print("TypeError", e)
async def reentrant():
    me.send(None)
me = reentrant()
try:
    me.send(None)
except ValueError as e:
    print("ValueError", e)
def gen():
    yield from pending[0]
try:
    list(gen())
except TypeError as e:
    print("TypeError", e)
pending[0].close()
async def finishes():
    return "v"
f = finishes()
print(run(f))
try:
    f.throw(ValueError("late"))
except RuntimeError as e:
    print("RuntimeError", e)
print(f.close(), f.cr_frame, f.cr_suspended, f.cr_running)
w = finishes().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("StopIteration", e.value)
async def closer():
    try:
        await Suspend()
    finally:
        return "from finally"
cl = closer()
cl.send(None)
print(cl.close())
x = nothing()
print(repr(nothing)[:22], repr(x.__class__), repr(x)[:27])
x.close()
