import sys
def leaf():
    yield "leaf"
    return 1
def chain(n):
    if n == 0:
        r = yield from leaf()
        return r
    r = yield from chain(n - 1)
    return r + 1
g = chain(200)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
