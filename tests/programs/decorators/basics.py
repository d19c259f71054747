import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b=1):
    """adds"""
    return a + b
add(2, b=3)
print(add.__name__, add.__doc__, add.__wrapped__(1))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("bob"))
