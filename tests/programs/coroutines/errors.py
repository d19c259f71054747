async def simple():
    return 1
c = simple()
try:
    next(c)
except TypeError as e:
    print("TypeError", e)
try:
    iter(c)
except TypeError as e:
    print("TypeError", e)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def awaits_bad():
    await 5
try:
    awaits_bad().send(None)
except TypeError as e:
    print("TypeError", e)
class BadAwait:
    def __await__(self):
        return 3
async def awaits_bad2():
    await BadAwait()
try:
    awaits_bad2().send(None)
except TypeError as e:
    print("TypeError", e)
