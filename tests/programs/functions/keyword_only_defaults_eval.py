counter = [0]
def make():
    counter[0] += 1
    return counter[0]
def f(a=make(), *, b=make()):
    return a, b
print(f(), f(), counter)
def g(x, *, y):
    return x + y
print(g(1, y=2))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError", e)
