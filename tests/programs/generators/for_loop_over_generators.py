# for loops over generators: yields, returns, exceptions, exception state, frames and re-entry
# (FOR_ITER runs the generator without a slot call).
import sys
import traceback


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


print(sum(squares(evens(numbers(20)))))
total = 0
for x in squares(evens(numbers(10))):
    total += x
print(total)


def ret():
    yield 1
    return 5


for v in ret():
    print("v", v)


def boom():
    yield 1
    raise ValueError("boom")


try:
    for v in boom():
        print("b", v)
except ValueError as e:
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


def stop():
    yield 1
    raise StopIteration


try:
    for v in stop():
        print("s", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def exc_gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()


try:
    raise TypeError("outer")
except TypeError:
    for e in exc_gen():
        print(repr(e), repr(sys.exception()))
for e in exc_gen():
    print(repr(e), repr(sys.exception()))


def frames():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield g.gi_running
    yield sys._getframe(1).f_lineno


g = frames()
for v in g:
    print("f", v)
print(g.gi_running, g.gi_frame, g.gi_suspended)

g2 = numbers(5)
for v in g2:
    if v == 2:
        break
print(g2.gi_frame.f_lineno, next(g2), list(g2))


def deleg():
    yield from numbers(3)
    yield from squares(numbers(3))
    return "done"


for v in deleg():
    print(v, end=" ")
print()


def reentrant():
    for x in gg:
        yield x


gg = reentrant()
try:
    for v in gg:
        pass
except ValueError as e:
    print("ValueError:", e)


def deep(n):
    if n:
        for x in deep(n - 1):
            yield x
    else:
        yield 0


try:
    for x in deep(5000):
        pass
except RecursionError:
    print("RecursionError")
for x in deep(100):
    print("deep", x)


def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")


for v in fin():
    print(v)
    break


def with_locals():
    a = 1
    yield locals()
    b = 2
    yield sorted(locals())


for v in with_locals():
    print(v)


def send_after():
    got = yield 1
    print("got", got)
    yield 2


s = send_after()
for v in s:
    print("send_after", v)
    if v == 1:
        print(s.send("x"))
print("end")
