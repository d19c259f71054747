def f():
    def g():
        return x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    return g()
print(f())
def h():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 5
h()
def k():
    z = 1
    del z
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
k()
