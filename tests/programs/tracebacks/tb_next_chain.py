# Traceback objects are a persistent chain: exc.__traceback__ is the same object each time,
# tb_next can be cut or relinked (never into a loop), and the traceback module follows the edits.
import sys
def f(): 1/0
try: f()
except Exception as e: tb = e.__traceback__; ex = e
print(ex.__traceback__ is tb, tb.tb_next.tb_next, tb.tb_next is tb.tb_next)
for a, v in [('tb_next', 1), ('tb_lineno', 1), ('tb_frame', None), ('foo', 1)]:
    try: setattr(tb, a, v)
    except Exception as x: print(type(x).__name__, x)
try: tb.tb_next.tb_next = tb
except Exception as x: print(type(x).__name__, x)
n = tb.tb_next
tb.tb_next = None
print(ex.__traceback__.tb_next, n.tb_next)
try: del tb.tb_next
except Exception as x: print(type(x).__name__, x)
import traceback; traceback.print_exception(ex)
def g():
    try:
        f()
    except ZeroDivisionError as e:
        t1 = e.__traceback__
        raise
try:
    g()
except ZeroDivisionError as e:
    print([x.tb_frame.f_code.co_name for x in traceback.walk_tb(e.__traceback__)])
