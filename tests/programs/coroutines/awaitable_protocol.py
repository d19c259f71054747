class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ("suspended", self.tag)
        return f"{self.tag} resumed with {got}"
async def worker():
    a = await Suspend("first")
    print(a)
    b = await Suspend("second")
    print(b)
    return "done"
c = worker()
print(c.send(None))
print(c.send("x"))
try:
    c.send("y")
except StopIteration as e:
    print("finished", e.value)
