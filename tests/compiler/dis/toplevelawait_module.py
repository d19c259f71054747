await x
r = [y async for y in z]
async for a in b:
    pass
async with c as d:
    pass
g = (i async for i in j)
def f():
    return 1
