def raiser():
    raise ValueError("x")
def layer():
    try:
        raiser()
    except ValueError as e:
        first = e
        raise
try:
    layer()
except ValueError as e:
    tb = e.__traceback__
    count = 0
    while tb:
        count += 1
        tb = tb.tb_next
    print("frames in traceback:", count)
saved = None
for i in range(3):
    try:
        raise KeyError(i)
    except KeyError as e:
        saved = e
print(repr(saved), saved.__traceback__.tb_lineno)
