def g():
    yield from it
it = g()
try:
    next(it)
except ValueError as e:
    print("ValueError", e)
def self_send():
    x = yield
    gen.send(x)
gen = self_send()
next(gen)
try:
    gen.send(1)
except ValueError as e:
    print("ValueError", e)
