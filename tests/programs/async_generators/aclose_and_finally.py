def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
async def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("close")
g = resource()
print(drive(g.__anext__()))
drive(g.aclose())
print("after aclose", g.ag_running)
async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g2 = ignores_exit()
drive(g2.__anext__())
try:
    drive(g2.aclose())
except RuntimeError as e:
    print("RuntimeError", e)
