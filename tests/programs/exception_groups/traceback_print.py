# expect-stderr
def f():
    raise ExceptionGroup("many problems", [ValueError("bad value"), TypeError("bad type")])
f()
