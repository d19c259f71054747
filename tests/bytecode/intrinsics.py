def gen():
    yield 1

async def agen():
    yield 1

x = +1
y = +x
t = (*[1, 2],)
from os import *
