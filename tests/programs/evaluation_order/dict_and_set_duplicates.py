log = []
def k(x):
    log.append(x)
    return x
d = {k("a"): 1, k("b"): 2, k("a"): 3}
print(d, log)
s = {k(1), k(1.0), k(True)}
print(s, type(next(iter(s))).__name__)
d2 = {1: "int", 1.0: "float"}
print(d2, type(list(d2)[0]).__name__)
