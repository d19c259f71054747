def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.gi_yieldfrom, it.gi_suspended)
next(it)
print(it.gi_suspended, it.gi_frame.f_lineno)
list(it)
print(it.gi_frame, it.gi_suspended)
def outer():
    yield from g()
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__)
