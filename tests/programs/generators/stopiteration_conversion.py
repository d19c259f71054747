def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", repr(e.__cause__))
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
