async def ag():
    yield 1
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = ag()
try:
    iter(g)
except TypeError as e:
    print("TypeError", e)
try:
    next(g)
except TypeError as e:
    print("TypeError", e)
async def bad():
    yield 1
    return
print(drive(g.__anext__()))
try:
    drive(g.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", repr(e))
async def stop_inside():
    yield 1
    raise StopAsyncIteration
s = stop_inside()
drive(s.__anext__())
try:
    drive(s.__anext__())
except RuntimeError as e:
    print("RuntimeError", e)
