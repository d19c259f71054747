class S:
    def __await__(self):
        yield
async def c():
    try:
        await S()
    finally:
        print("coro finally")
x = c()
x.send(None)
del x
print("after")
async def ag():
    try:
        yield 1
    finally:
        print("ag finally")
g = ag()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
del g
print("end")
