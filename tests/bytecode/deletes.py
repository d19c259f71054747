import sys
g = 1
del g
def f():
    a = 1
    del a
    global g2
    g2 = 1
    del g2
    b = [1]
    del b[0]
    del sys.argv
    c = 2
    def inner():
        nonlocal c
        del c
    return inner
class K:
    v = 1
    del v
