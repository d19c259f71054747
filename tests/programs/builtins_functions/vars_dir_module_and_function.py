import math
print("sqrt" in dir(math), "pi" in vars(math), type(vars(math)).__name__, len(dir(math)) == len(set(dir(math))))
def f():
    a, b = 1, 2
    return sorted(vars()), sorted(dir())
print(f())
class C:
    x = 1
print(sorted(k for k in dir(C) if not k.startswith("__")), "x" in vars(C))
