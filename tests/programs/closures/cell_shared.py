def pair():
    v = []
    def add(x):
        v.append(x)
    def read():
        return list(v)
    def reset():
        nonlocal v
        v = []
    return add, read, reset
add, read, reset = pair()
add(1); add(2)
print(read())
reset()
add(3)
print(read())
def gen_closure():
    n = 0
    def g():
        nonlocal n
        while True:
            n += 1
            yield n
    return g(), lambda: n
g, peek = gen_closure()
print(next(g), next(g), peek())
