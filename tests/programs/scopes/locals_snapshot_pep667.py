def f():
    x = 1
    snap = locals()
    x = 2
    snap2 = locals()
    snap["x"] = 100
    return x, snap["x"], snap2["x"], snap is snap2
print(f())
def g():
    a = 1
    exec("a = 2")
    return a
print(g())
def h():
    exec("new_name = 5")
    return "new_name" in locals()
print(h())
class C:
    v = 1
    names = list(locals())
print([n for n in C.names if not n.startswith("__")])
