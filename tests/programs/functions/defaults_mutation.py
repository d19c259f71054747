def f(a, b=1, *, c=2):
    return a, b, c
print(f(0))
f.__defaults__ = (100,)
f.__kwdefaults__ = {"c": 200}
print(f(0))
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print("TypeError", e)
def g(x=[]):
    x.append(len(x))
    return x
print(g(), g(), g.__defaults__)
