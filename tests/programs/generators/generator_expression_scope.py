x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
funcs = list(lambda: i for i in range(3))
print([f() for f in funcs])
def outer():
    y = 1
    gen = (y + i for i in range(3))
    y = 100
    return list(gen)
print(outer())
