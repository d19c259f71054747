# A suspended generator that dies is closed: its finally blocks and context managers run.
import gc


def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


g = gen("a")
next(g)
del g
print("after a")

g = gen("b")
del g
print("after b (never started)")

g = gen("c")
for v in g:
    break
print("after loop")
del g
print("after c")


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = catcher()
next(g)
g = None
print("after catcher")


def selfref():
    me = yield
    try:
        yield me
    finally:
        print("finally selfref")


g = selfref()
next(g)
g.send(g)
del g
print("collect", gc.collect())


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit", a[0].__name__)


def with_gen():
    with CM():
        yield 1


g = with_gen()
next(g)
del g
print("done")
