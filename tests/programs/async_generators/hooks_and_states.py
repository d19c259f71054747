import sys
def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
print(tuple(sys.get_asyncgen_hooks()))
seen = []
def first(g):
    seen.append(("first", g.__name__))
def fin(g):
    seen.append(("fin", g.__name__))
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(first, fin)
print(sys.get_asyncgen_hooks() == (first, fin))
async def ag():
    print("running:", g.ag_running)
    try:
        x = yield 1
        print("got", x)
        yield 2
    finally:
        print("ag finally")
g = ag()
print(g.ag_running, g.ag_suspended, g.ag_await, seen)
a = g.__anext__()
print(drive(a), seen)
try:
    drive(a)
except RuntimeError as e:
    print("RuntimeError", e)
print(drive(g.asend("hello")), g.ag_suspended)
print(drive(g.aclose()), g.ag_frame)
print(drive(g.aclose()))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after close")
try:
    drive(g.athrow(ValueError))
except StopAsyncIteration:
    print("athrow on closed: StopAsyncIteration")
except Exception as e:
    print(type(e).__name__, e)
sys.set_asyncgen_hooks(*old)
print(tuple(sys.get_asyncgen_hooks()))
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError", e)
async def unstarted():
    yield 1
u = unstarted()
print(drive(u.aclose()), u.ag_frame)
try:
    drive(u.asend(1))
except TypeError as e:
    print("TypeError", e)
except StopAsyncIteration:
    print("StopAsyncIteration")
async def needs_value():
    yield 1
n = needs_value()
try:
    drive(n.asend(5))
except TypeError as e:
    print("TypeError", e)
async def awaits_inside():
    class T:
        def __await__(self):
            v = yield "passthrough"
            return v
    got = await T()
    yield got
w = awaits_inside()
aw = w.__anext__()
print(aw.send(None))
try:
    aw.send("sent in")
except StopIteration as e:
    print("yielded", e.value)
print(repr(w)[:40])
