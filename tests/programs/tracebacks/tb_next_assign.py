import sys
def f(): g()
def g(): raise ValueError
try:
    f()
except ValueError as e:
    tb = e.__traceback__
print(tb.tb_next is tb.tb_next, tb.tb_next.tb_next.tb_next)
n = tb.tb_next
n.tb_next = None
print(tb.tb_next.tb_next, tb.tb_next.tb_frame.f_code.co_name)
for bad in (1, "x"):
    try: tb.tb_next = bad
    except TypeError as e: print("TypeError", e)
try: tb.tb_next.tb_next = tb
except ValueError as e: print("ValueError", e)
try: del tb.tb_next
except TypeError as e: print("TypeError", e)
try: tb.tb_lineno = 3
except AttributeError as e: print("AttributeError", e)
tb.tb_next = None
print(tb.tb_next)
# Cutting a traceback short, as unittest does to hide its own frames.
def outer():
    try:
        f()
    except ValueError as e:
        return e.__traceback__
t = outer()
levels = []
while t is not None:
    levels.append(t.tb_frame.f_code.co_name)
    t = t.tb_next
print(levels)
t = outer()
t.tb_next.tb_next = None
levels = []
while t is not None:
    levels.append(t.tb_frame.f_code.co_name)
    t = t.tb_next
print(levels)
