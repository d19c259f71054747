@dec
def f(): pass
@dec.attr
@dec(arg)
@(lambda f: f)
@x[0].y
class C: pass
@a := b
def g(): pass
@dec
async def h(): pass
