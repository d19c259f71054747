# Coroutines and async generators accept weak references (asyncio keeps its async generators
# in a WeakSet); sys.is_finalizing() is False while the program runs.
import sys
import weakref

async def coro():
    return 1

async def agen():
    yield 1

c = coro()
r = weakref.ref(c)
print(r() is c)
c.close()
del c
print(r())
g = agen()
ws = weakref.WeakSet([g])
print(len(ws), g in ws)
del g
print(len(ws))
print(sys.is_finalizing())
