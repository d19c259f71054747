import copy, types

def f(a, b=2):
    x = a + b
    return x

c = f.__code__
c2 = c.replace(co_name="g", co_qualname="h.g", co_filename="other.py", co_firstlineno=100)
print(c2.co_name, c2.co_qualname, c2.co_filename, c2.co_firstlineno)
print(c2.co_varnames, c2.co_argcount, c2.co_consts == c.co_consts)
f2 = types.FunctionType(c2, globals(), None, (2,))
print(f2(1), f2(1, 5))
c3 = copy.replace(c, co_name="k")
print(c3.co_name, c3 is not c, c3.co_code == c.co_code)

# renaming locals and replacing constants
def k():
    return "hello"
k.__code__ = k.__code__.replace(co_consts=tuple("bye" if v == "hello" else v for v in k.__code__.co_consts))
print(k())
c4 = f.__code__.replace(co_varnames=("p", "q", "r"))
print(c4.co_varnames)
g = types.FunctionType(c4, globals(), None, (2,))
print(g(p=1, q=2))

# types.coroutine flips CO_ITERABLE_COROUTINE on a generator's code
@types.coroutine
def gen():
    v = yield "step"
    return v * 2

async def main():
    return await gen()

co = main()
print(co.send(None))
try:
    co.send(21)
except StopIteration as e:
    print("result", e.value)

# errors, as CPython reports them
for kw in [dict(co_name=1), dict(co_consts=[1]), dict(co_flags="x"), dict(co_names=(1,)),
           dict(co_varnames=("a",)), dict(co_firstlineno="3"), dict(bogus=1),
           dict(co_filename=b"x"), dict(co_linetable="x")]:
    try:
        c.replace(**kw)
        print("ok", kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(e)

# names of cells and free variables can be changed; the same count is kept
def outer():
    a = 1; b = 2
    def inner():
        return a + b
    return inner
print(outer.__code__.replace(co_cellvars=("x", "y")).co_cellvars)
print(outer().__code__.replace(co_freevars=("x", "y")).co_freevars)
try:
    f.__code__.replace(co_varnames=("a", "b", "x", "extra"))
except ValueError as e:
    print(e)

# assigning __code__
def plain():
    return 1
def other():
    return 2
plain.__code__ = other.__code__
print(plain(), plain.__name__, plain.__code__.co_name)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
for bad in [1, None, counter().__code__]:
    try:
        plain.__code__ = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del plain.__code__
except TypeError as e:
    print(e)
# a running function's code replaced under it finishes with the old code
def swap():
    swap.__code__ = other.__code__
    return "old body"
print(swap(), swap())
