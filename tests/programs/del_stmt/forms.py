a = 1
del a
try:
    a
except NameError as e:
    print("NameError", e)
l = list(range(10))
del l[0], l[-1]
del l[::3]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
class O:
    pass
o = O()
o.x = o.y = 1
del o.x
print(vars(o))
x, y = 1, 2
del (x, y)
[p, q] = 3, 4
del [p, q]
print("x" in dir(), "p" in dir())
def f():
    v = 1
    del v
    return "v" in locals()
print(f())
for code in ["del undefined_zz", "del l[100]", "del d['zz']", "del o.zz"]:
    try:
        exec(code)
    except (NameError, IndexError, KeyError, AttributeError) as e:
        print(code, "->", type(e).__name__, e)
