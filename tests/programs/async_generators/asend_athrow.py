async def echo():
    got = None
    try:
        while True:
            try:
                got = yield f"echo {got}"
            except KeyError as e:
                got = "keyerror " + str(e)
    finally:
        print("echo finally")
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = echo()
print(drive(g.asend(None)))
print(drive(g.asend("hi")))
print(drive(g.athrow(KeyError("k"))))
print(drive(g.asend("again")))
try:
    drive(g.aclose())
except StopIteration:
    pass
print("closed", g.ag_frame)
