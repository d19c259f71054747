# Cycles through closures (cells), functions, generators and classes are collected.
import gc

gc.collect()


def make():
    def inner():
        return inner
    return inner


f = make()
del f
print("closure", gc.collect() > 0)


def gen():
    g = yield
    yield g


g = gen()
next(g)
g.send(g)
del g
print("generator", gc.collect() > 0)


class A:
    pass


A.me = A
del A
print("class", gc.collect() > 0)
print("again", gc.collect())
