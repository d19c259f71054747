def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")
g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(countdown(2)), sum(countdown(4)))
def gen_return():
    yield 1
    return "result"
g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)
