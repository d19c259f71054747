def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-ret"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield from [10, 20]
    yield from range(2)
    yield from "ab"
g = outer()
print(next(g), g.send("sent"), list(g))
def delegate_throw():
    try:
        yield from inner()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "recovered"
g = delegate_throw()
next(g)
print(g.throw(KeyError("k")))
