# Global and builtin caches: rebinding, shadowing and deleting names.
g = 1


def read_g():
    return g


def use_len(x):
    return len(x)


print([read_g() for _ in range(3)])
g = 2
print(read_g())
print([use_len("abc") for _ in range(3)])


def len(x):
    return "shadowed"


print(use_len("abc"))
del len
print(use_len("abcd"))

import builtins

orig = builtins.abs


def use_abs(x):
    return abs(x)


print([use_abs(-3) for _ in range(3)])
builtins.abs = lambda x: "patched"
print(use_abs(-3))
builtins.abs = orig
print(use_abs(-4))

del g
try:
    read_g()
except NameError as e:
    print("NameError:", e)
globals()["g"] = "via globals()"
print(read_g())


def counter():
    global total
    total = 0
    for i in range(10):
        total = total + i
    return total


print(counter())
