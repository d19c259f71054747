def g():
    while True:
        try:
            yield
        except Exception as e:
            print("got", type(e).__name__, e)
x = g()
next(x)
x.throw(ValueError("v1"))
x.throw(TypeError)
x.throw(KeyError("k"))
def unstarted():
    yield 1
u = unstarted()
try:
    u.throw(IndexError("not started"))
except IndexError as e:
    print("propagated", e)
print(list(u))
