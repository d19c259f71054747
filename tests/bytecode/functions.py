def defaults(a, b=1, *, c=2, d):
    return a + b + c + d

def annotated(a: int, b: "str" = "x") -> list[int]:
    return [a]

def outer():
    x = 1
    y = 2
    def inner():
        nonlocal x
        x += 1
        return x + y
    return inner

counter = 0
def bump():
    global counter
    counter += 1
    del counter

def deco(fn):
    return fn

@deco
def decorated(a, /, b, *args, c, **kw):
    "docstring"
    return a, b, args, c, kw

square = lambda n: n * n
def uses_locals():
    a = 1
    b = a
    c, d = b, a
    return a, b, c, d
def cell_arg(p):
    return lambda: p
