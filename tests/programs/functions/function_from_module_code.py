# FunctionType over module-level code: names are stored in and deleted from the globals.
import types

g = {"b": 1, "__builtins__": __builtins__}
code = compile("a = b + 1\ndel b\nprint('ran', a)\n", "<mod>", "exec")
f = types.FunctionType(code, g)
print(f())
print(g["a"], "b" in g)

try:
    f()
except NameError as e:
    print("NameError:", e)

# The same code run by exec with separate locals.
g2, l2 = {"b": 5}, {}
exec(compile("a = b * 2", "<mod>", "exec"), g2, l2)
print(l2, "a" in g2)

# Top-level await code made into a function returns a coroutine that stores in the globals.
import ast

co = compile("a = await x", "<aw>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


class Ready:
    def __await__(self):
        return 7
        yield


g3 = {"x": Ready()}
c = types.FunctionType(co, g3)()
try:
    c.send(None)
except StopIteration:
    pass
print(g3["a"])
