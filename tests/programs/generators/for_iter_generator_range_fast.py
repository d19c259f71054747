# FOR_ITER over range iterators and generators (the loop's direct paths): exhaustion,
# exceptions raised inside the generator, re-entry, a generator closed mid-loop, and
# range iterators at the int boundaries.
import sys


def gen(n):
    for i in range(n):
        yield i * i


def raiser(n):
    yield 1
    if n:
        raise ValueError("boom %d" % n)
    return "done"


print(sum(x for x in gen(10)), list(gen(0)))
for x in gen(3):
    print("x", x)

try:
    for y in raiser(2):
        print("y", y)
except ValueError as e:
    print("ValueError:", e)

for y in raiser(0):
    print("y0", y)


def reenter():
    for v in g:
        yield v


g = reenter()
try:
    for v in g:
        pass
except ValueError as e:
    print("ValueError:", e)

h = gen(10)
for v in h:
    if v > 10:
        h.close()
    print("h", v)

big = sys.maxsize
for i in range(big - 2, big + 1):
    print(i - big)
for i in range(-big - 1, -big + 1):
    print(i + big)
for i in range(10, 0, -3):
    print("down", i)
r = iter(range(3))
next(r)
for i in r:
    print("rest", i)
for i in r:
    print("never")


def stopper():
    yield 1
    raise StopIteration


try:
    for s in stopper():
        print("s", s)
except RuntimeError as e:
    print("RuntimeError:", e)
