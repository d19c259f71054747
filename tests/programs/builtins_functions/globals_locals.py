x = 5
g = globals()
print(g["x"], g["__name__"], "g" in g)
g["created_via_globals"] = "yes"
print(created_via_globals)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
def g2():
    v = 1
    locals()["v"] = 99
    return v
print(g2())
class C:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
