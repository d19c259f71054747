def f(path):
    with open(path) as fh:
        data = fh.read()
    with open(path) as a, open(path) as b:
        pass
    with open(path):
        return data

async def g(cm):
    async with cm as x:
        return x
    async with cm, cm as (a, b):
        pass
