fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make():
    out = []
    for i in range(3):
        def f():
            return i
        out.append(f)
    i = 100
    return out
print([f() for f in make()])
def adders():
    return [(lambda x, n=n: x + n) for n in range(3)]
print([a(10) for a in adders()])
