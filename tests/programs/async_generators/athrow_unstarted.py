def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
async def ag():
    try:
        yield "first"
    except ValueError:
        yield "handled"
g = ag()
try:
    drive(g.athrow(ValueError("before start")))
except ValueError as e:
    print("ValueError", e)
g = ag()
print(drive(g.__anext__()))
print(drive(g.athrow(ValueError("while suspended"))))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("exhausted")
