def g():
    x = yield 1
    yield x
it = g()
print(it.gi_suspended, it.gi_running)
print(next(it), it.send("sent"), next(it, "exhausted"), next(it, "still exhausted"))
def raising():
    yield 1
    raise ValueError("boom")
r = raising()
next(r)
try:
    next(r)
except ValueError as e:
    print("ValueError", e)
print(next(r, "dead after exception"))
