# dir(): with and without an argument, with __dir__ overrides, on modules, types and instances.
import sys
def f():
    b = 1
    a = 2
    return dir()
print(f())
class D:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(D()), type(dir(D())).__name__)
class P:
    y = 1
    def __init__(self):
        self.x = 1
class Q(P):
    z = 2
print([n for n in dir(Q()) if not n.startswith("__")], [n for n in dir(Q) if not n.startswith("__")])
print("__init__" in dir(Q()), "__dict__" in dir(object), "mro" in dir(type), "mro" in dir(int))
print("path" in dir(sys), "__name__" in dir(sys))
print(dir(1) == dir(int), len(dir(object)), dir(object)[:5])
print(sorted(set(dir(bool)) - set(dir(int))), sorted(set(dir(int)) - set(dir(bool))))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError", e)
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError", e)
print(object.__dir__(P())[:0], type.__dir__(P) == type.__dir__(P), sorted(type.__dir__(P)) == dir(P))
