class Fut:
    def __init__(self):
        self.result = None
    def __await__(self):
        if self.result is None:
            yield self
        return self.result
async def consumer(f):
    v = await f
    return v * 2
f = Fut()
c = consumer(f)
yielded = c.send(None)
print(yielded is f)
f.result = 21
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
