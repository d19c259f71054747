# tb_frame.f_globals of traceback entries (what logging/traceback/linecache read), for frames in
# this module and in code run with other globals; gi_frame.f_globals of a suspended generator.
import sys

MARK = "main-module"


def fail():
    raise ValueError("x")


try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_frame.f_globals.get("MARK")))
        tb = tb.tb_next
    print(frames, e.__traceback__.tb_frame.f_globals is globals())

g = {"MARK": "other-globals"}
exec("def boom():\n    1/0\n", g)
try:
    g["boom"]()
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    print([t.tb_frame.f_globals.get("MARK") for t in [tb, tb.tb_next]])
    print(tb.tb_next.tb_frame.f_globals is g)


def gen():
    yield 1


it = gen()
next(it)
print(it.gi_frame.f_globals is globals(), it.gi_frame.f_globals["MARK"])
