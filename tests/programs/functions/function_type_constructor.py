# types.FunctionType and types.CellType constructors: argument checks, builtins from globals.
import types
def outer():
    x = 1
    def inner(a, b=2, *, c=3):
        return a + b + c + x
    return inner
inner = outer()
code = inner.__code__
def plain(a, b=5):
    return a * b
for args in [("x", {}), (plain.__code__, []), (plain.__code__, {}, 3), (plain.__code__, {}, "n", [1]),
             (plain.__code__, {}, "n", None, 5), (code, {}), (code, {}, None, None, (1,)),
             (code, {}, None, None, (1, 2)), (plain.__code__, {}, None, None, None, [])]:
    try:
        f = types.FunctionType(*args)
        print("ok", f)
    except Exception as e:
        print(type(e).__name__, e)
f = types.FunctionType(plain.__code__, {"__name__": "mod"}, "newname", (7,))
print(f.__name__, f.__qualname__, f.__module__, f.__defaults__, f(3))
g = types.FunctionType(code, globals(), "g", (10,), inner.__closure__, {"c": 100})
print(g(1), g.__kwdefaults__, g.__closure__ == inner.__closure__)
cell = types.CellType(5)
h = types.FunctionType(code, globals(), closure=(cell,))
print(h(1, 1, c=1), h.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else h.__builtins__ is __builtins__)
k = types.FunctionType(plain.__code__, {})
print(k.__module__, k.__builtins__ is __builtins__.__dict__)
try:
    types.FunctionType(code=plain.__code__, globals={}, bogus=1)
except TypeError as e:
    print(e)
c = types.CellType()
try:
    c.cell_contents
except ValueError as e:
    print(e)
c.cell_contents = 3
print(c.cell_contents, types.CellType([1]).cell_contents)
for a, k in [((1, 2), {}), ((), {"x": 1})]:
    try:
        types.CellType(*a, **k)
    except TypeError as e:
        print(e)
