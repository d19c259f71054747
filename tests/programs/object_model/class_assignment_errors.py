class A: pass
class B: pass
class L(list): pass
a = A()
a.__class__ = B
print(type(a).__name__, isinstance(a, B))
for v in (1, int, L):
    try:
        a.__class__ = v
    except TypeError as e:
        print("TypeError", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError", e)
