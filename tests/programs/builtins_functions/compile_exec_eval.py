code = compile("x * 2", "<expr>", "eval")
print(type(code).__name__, eval(code, {"x": 21}), code.co_filename, code.co_name)
ns = {}
exec(compile("def f(a):\n    return a + 1\nresult = f(1)", "<mod>", "exec"), ns)
print(ns["result"], sorted(k for k in ns if k != "__builtins__"))
single = compile("1 + 1", "<s>", "single")
exec(single)
print(eval("[x for x in range(3)]"), eval("a + b", {"a": 1}, {"b": 2}))
g = {"v": 1}
l = {"v": 2}
print(eval("v", g, l), eval("v", g))
exec("w = v * 10", g, l)
print(l["w"], "w" in g)
for bad, mode in [("1 +", "eval"), ("x = ", "exec"), ("def", "single"), ("a = 1", "eval")]:
    try:
        compile(bad, "<bad>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    compile("1", "<x>", "nope")
except ValueError as e:
    print("ValueError", e)
