d = {1: "a"}
ks = d.keys()
it = iter(ks)
d[2] = "b"
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
it = iter(d.values())
d.pop(1)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    d.keys()[0]
except TypeError as e:
    print("TypeError", e)
