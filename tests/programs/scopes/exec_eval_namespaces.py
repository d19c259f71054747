ns = {}
exec("a = 1\ndef f():\n    return a + 1\nb = f()", ns)
print(ns["a"], ns["b"])
def func():
    local_var = "local"
    return eval("local_var + '!'")
print(func())
g = {"x": 10}
l = {"x": 20}
exec("y = x * 2", g, l)
print(l["y"], "y" in g)
exec("def h():\n    return x\nresult = h()", g, l)
print(l["result"])
code = "z = [n for n in range(3)]"
d = {}
exec(code, d)
print(d["z"])
