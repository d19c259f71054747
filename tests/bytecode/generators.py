def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield from range(x)
    return n

def delegate():
    r = yield from gen(3)
    return r

squares = (i * i for i in range(10))
nested = ((a, b) for a in range(3) for b in range(a) if a + b)
