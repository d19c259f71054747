# g.send / g.throw / g.close through LOAD_ATTR's method cache at one call site, on
# generators and on other objects with a send method at the same site; errors keep
# CPython's messages; gi_ attributes are still answered by the generator.


def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError:
            x = 0
        total += x
        n += 1
        avg = total / n


class Other:
    def send(self, v):
        return ("other", v)


def drive(objs):
    out = []
    for o in objs:
        out.append(o.send(4))
    return out


g = averager()
next(g)
for i in range(5):
    r = g.send(i)
print(r, g.throw(ValueError), g.gi_running, g.gi_suspended, g.__name__, g.gi_code.co_name)
h = averager()
next(h)
print(drive([g, h, Other(), g]))
try:
    g.send()
except TypeError as e:
    print("TypeError", e)
try:
    g.send(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    g.send(x=1)
except TypeError as e:
    print("TypeError", e)
fresh = averager()
try:
    fresh.send(3)
except TypeError as e:
    print("TypeError", e)
g.close()
print(g.gi_suspended, g.gi_frame)
try:
    g.send(1)
except StopIteration as e:
    print("StopIteration", e.value)


def ret():
    x = yield 1
    return x * 2


r = ret()
next(r)
try:
    r.send(21)
except StopIteration as e:
    print("StopIteration", e.value)


def chain():
    v = yield from ret()
    yield v


c = chain()
print(next(c), c.send(5), c.gi_yieldfrom)


async def coro():
    pass


co = coro()
for a in ((), (1, 2)):
    try:
        co.send(*a)
    except TypeError as e:
        print("TypeError", e)
try:
    co.send(x=1)
except TypeError as e:
    print("TypeError", e)
co.close()
