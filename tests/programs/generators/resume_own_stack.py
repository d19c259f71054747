# Generators resumed many times: state kept across yields, exceptions escaping a resumed frame,
# frames and values of suspended generators, nested generators driving each other.
import sys


def gen(n):
    total = 0
    for i in range(n):
        got = yield total
        total += i if got is None else got
    return total


g = gen(5)
print(next(g), next(g), g.send(10), next(g))
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name, g.gi_suspended, g.gi_running)
try:
    while True:
        next(g)
except StopIteration as e:
    print("returned", e.value)
print(g.gi_frame, g.gi_suspended)


def boom(n):
    for i in range(n):
        yield i
    raise ValueError("done %d" % n)


try:
    print(list(boom(3)))
except ValueError as e:
    print("ValueError:", e)
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


def pipeline():
    def nums(n):
        for i in range(n):
            yield i

    def sq(it):
        for x in it:
            yield x * x

    def evens(it):
        for x in it:
            if x % 2 == 0:
                yield x

    return sum(evens(sq(nums(1000))))


print(pipeline())


def running():
    seen = []
    while True:
        try:
            x = yield len(seen)
        except KeyError as e:
            seen.append(("caught", str(e)))
        else:
            seen.append(x)
        if len(seen) > 4:
            return seen


r = running()
next(r)
print(r.send("a"), r.throw(KeyError("k")), r.send("b"), r.send("c"))
try:
    r.send("d")
except StopIteration as e:
    print(e.value)


def inside_handler():
    try:
        raise OSError("outer")
    except OSError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()


h = inside_handler()
print(repr(next(h)))
print(repr(sys.exception()))
print(repr(next(h)), repr(next(h)))


def recurse(n):
    if n:
        yield from recurse(n - 1)
    yield n


print(list(recurse(20))[:5])


def deep():
    yield from deep()


try:
    next(deep())
except RecursionError as e:
    print("RecursionError:", e)

# Many live generators at once, each resumed in turn.
gens = [gen(3) for _ in range(50)]
print(sum(next(x) for x in gens), sum(next(x) for x in gens))
del gens

# A generator finalised while suspended runs its finally.
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


f = fin()
next(f)
del f
print("end")
