def source():
    print("source called")
    return [1, 2]
g = (x for x in source())
print("before iteration")
print(list(g))
try:
    g2 = (x for x in 42)
except TypeError as e:
    print("eager TypeError", e)
g3 = (1 / x for x in [0])
print("lazy body")
try:
    next(g3)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
