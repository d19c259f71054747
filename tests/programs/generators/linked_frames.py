# Generator frames resumed by FOR_ITER and SEND inside the consumer's loop: frames, tracebacks,
# exception state, running flags, return values and recursion limits stay as in CPython.
import sys
import traceback


def chain_names():
    f = sys._getframe(1)
    names = []
    while f is not None and f.f_code.co_name != "<module>":
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names


def gen_frames():
    yield chain_names()
    yield sys._getframe(1).f_code.co_name


def consume_frames():
    for x in gen_frames():
        print("frames:", x)


consume_frames()


def delegate_frames():
    r = yield from gen_frames()
    yield ("returned", r)


for x in delegate_frames():
    print("via yield from:", x)


def failing(n):
    for i in range(n):
        yield i
    raise ValueError("boom %d" % n)


def consume_failing():
    total = 0
    for x in failing(3):
        total += x
    return total


try:
    consume_failing()
except ValueError:
    lines = traceback.format_exc().splitlines()
    print("\n".join(l for l in lines if not l.strip().startswith(("~", "^"))))


def outer_failing():
    yield 0
    yield from failing(2)


try:
    print(list(outer_failing()))
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("tb:", names)


def running_state():
    g = me[0]
    print("running inside:", g.gi_running, g.gi_suspended)
    try:
        next(g)
    except ValueError as e:
        print("reentry:", e)
    yield 1


me = [None]
g = running_state()
me[0] = g
print("before:", g.gi_running, g.gi_suspended)
for x in g:
    print("got", x, g.gi_running, g.gi_suspended)
print("after:", g.gi_running, g.gi_suspended, g.gi_frame)


def sees_exception():
    yield repr(sys.exception())
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exception())
    yield repr(sys.exception())


try:
    raise TypeError("outer")
except TypeError:
    for x in sees_exception():
        print("exception seen:", x, "| consumer:", repr(sys.exception()))
print("after handler:", repr(sys.exception()))


def leaks_stop():
    yield 1
    raise StopIteration("leak")


try:
    for x in leaks_stop():
        print("leaks", x)
except RuntimeError as e:
    print("PEP 479:", e, "| cause:", repr(e.__cause__))


def returns_value():
    yield 1
    return "the value"


def delegator():
    v = yield from returns_value()
    print("delegate returned:", v)
    v = yield from []
    print("empty delegate:", v)
    return "outer value"


def drive():
    v = yield from delegator()
    print("outer returned:", v)


for x in drive():
    print("drive", x)
for x in returns_value():
    print("for ignores the return value:", x)


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


def deep_sum(n):
    total = 0
    for x in deep(n):
        total += 1
    return total


print("deep 50:", deep_sum(50))
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    deep_sum(500)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print("deep again:", deep_sum(60))


def with_finally(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finally ran")


log = []
for x in with_finally(log):
    if x == 2:
        break
print("after break:", log)

log = []
g = with_finally(log)
for x in g:
    if x == 1:
        break
print("suspended:", g.gi_suspended, log)
g.close()
print("closed:", log, g.gi_frame)


def body_raises(log):
    try:
        for x in with_finally(log):
            if x == 3:
                raise IndexError("in body")
    except IndexError as e:
        print("body raised:", e, log)


body_raises([])


def sent_values():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            return got
        got.append(x)


def forwarder():
    r = yield from sent_values()
    yield ("forwarded", r)


f = forwarder()
print(next(f), f.send("a"), f.send("b"), f.send(None))


def lineno_of_consumer():
    yield sys._getframe(1).f_lineno


def consumer_line():
    for ln in lineno_of_consumer():  # this line
        return ln


print("consumer line:", consumer_line())


async def leaf_coro(x):
    return x * 2


async def mid_coro(x):
    a = await leaf_coro(x)
    b = await leaf_coro(a)
    return a + b


async def top_coro():
    return await mid_coro(5)


c = top_coro()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine result:", e.value)


def exhausted():
    yield 1


g = exhausted()
print(list(g), list(g), [x for x in g])
g = exhausted()
print(next(g), next(g, "done"))


def locals_inside():
    a = 1
    yield sorted(sys._getframe().f_locals)
    b = 2
    yield sorted(sys._getframe().f_locals)


for x in locals_inside():
    print("locals:", x)


def inner_raiser():
    yield 1
    1 / 0


def catcher():
    try:
        yield from inner_raiser()
    except ZeroDivisionError as e:
        yield "caught " + str(e)
    yield "done"


print(list(catcher()))

for x in failing(1):
    pass
