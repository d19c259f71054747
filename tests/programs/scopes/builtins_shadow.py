print(len("abc"))
def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
original = builtins.abs
builtins.abs = lambda x: "patched"
print(abs(-1))
builtins.abs = original
print(abs(-1))
def f():
    max = min
    return max(3, 1)
print(f(), max(3, 1))
