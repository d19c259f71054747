# Resuming a generator suspended in `yield from` (or a coroutine in `await`) reaches the
# innermost delegate as CPython does: frames, running flags, handled exceptions, return values,
# exceptions raised at the `SEND`, recursion limits.
import sys


def inner(log, outer_ref):
    for i in range(3):
        f = sys._getframe(1)
        o = outer_ref[0]
        log.append((i, f.f_code.co_name, f.f_lineno, o.gi_running if o else None,
                    o.gi_suspended if o else None, o.gi_yieldfrom is not None if o else None))
        yield i
    return "inner done"


def middle(log, outer_ref):
    r = yield from inner(log, outer_ref)  # middle's yield from
    log.append(("middle got", r))
    return r + "!"


def outer(log, outer_ref):
    r = yield from middle(log, outer_ref)
    log.append(("outer got", r))
    yield "last"


log = []
ref = [None]
g = outer(log, ref)
ref[0] = g
print(list(g))
for entry in log:
    print(entry)
print("suspended states:", g.gi_suspended, g.gi_running, g.gi_frame)


def raiser():
    yield 1
    yield 2
    raise KeyError("deep")


def catcher_mid():
    try:
        yield from raiser()
    except KeyError as e:
        print("caught at the yield from:", repr(e), repr(sys.exception()))
        yield "recovered"
    print("after except:", repr(sys.exception()))


def top():
    yield from catcher_mid()


print(list(top()))


def traceback_chain():
    import traceback
    def a():
        yield 1
        yield 2
        1 / 0
    def b():
        yield from a()
    def c():
        yield from b()
    it = c()
    next(it)
    next(it)
    try:
        next(it)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        out = []
        while tb is not None:
            out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print("traceback:", out)
        print("c finished:", it.gi_frame is None)


traceback_chain()


def exc_inner():
    yield repr(sys.exception())
    yield repr(sys.exception())
    try:
        raise ValueError("in inner")
    except ValueError:
        yield repr(sys.exception())
    yield repr(sys.exception())


def exc_outer():
    try:
        raise TypeError("in outer")
    except TypeError:
        yield from exc_inner()


g = exc_outer()
print("first:", next(g))
try:
    raise OSError("consumer")
except OSError:
    print("second:", next(g), "| consumer sees", repr(sys.exception()))
print("third:", next(g), "| consumer sees", repr(sys.exception()))
print("fourth:", next(g))


def sends():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def sender_mid():
    r = yield from sends()
    return r * 10


def sender_top():
    r = yield from sender_mid()
    yield ("final", r)


g = sender_top()
print(next(g), g.send(5), g.send(7), g.send(None))


def reentrant():
    yield 1
    try:
        next(outer_gen)
    except ValueError as e:
        print("re-entry:", e)
    yield 2


def reentrant_outer():
    yield from reentrant()


outer_gen = reentrant_outer()
print(list(outer_gen))


def fresh_delegate_send():
    yield from fresh()


def fresh():
    yield "a"
    yield "b"


g = fresh_delegate_send()
print(next(g), g.send(None))
try:
    g.send("x")
    g.send("y")
except StopIteration:
    print("stopped")


def depth(n):
    if n == 0:
        while True:
            yield sys._getframe().f_back.f_code.co_name
            yield sys._getframe(2).f_code.co_name
    yield from depth(n - 1)


g = depth(40)
print(next(g), next(g), next(g), next(g))


async def leaf(n):
    return n + 1


class Step:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            yield ("tick", i)
        return self.n


async def mid():
    a = await Step(2)
    b = await leaf(a)
    return a + b


async def top_coro():
    x = await mid()
    y = await mid()
    return x * y


c = top_coro()
ticks = []
try:
    while True:
        ticks.append(c.send(None))
except StopIteration as e:
    print("coroutine:", e.value, ticks)


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def wrapper():
    yield from gen_with_finally()


w = wrapper()
next(w)
next(w)
w.close()
print("closed", w.gi_frame)
