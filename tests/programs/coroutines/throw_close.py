class Step:
    def __await__(self):
        return (yield "step")
async def guarded():
    try:
        await Step()
    except ValueError as e:
        print("coroutine caught", e)
        await Step()
        return "handled"
    finally:
        print("coroutine finally")
c = guarded()
print(c.send(None))
print(c.throw(ValueError("bad")))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
c2 = guarded()
c2.send(None)
c2.close()
print(c2.cr_frame)
