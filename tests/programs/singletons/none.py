print(None, repr(None), type(None).__name__, None is None, None == None, None != 0, bool(None), str(None))
print(type(None)() is None, hash(None) == hash(None))
try:
    None < None
except TypeError as e:
    print("TypeError", e)
try:
    None.x
except AttributeError as e:
    print("AttributeError", e)
try:
    n = None
    n()
except TypeError as e:
    print("TypeError", e)
try:
    n = None
    n[0]
except TypeError as e:
    print("TypeError", e)
def f():
    pass
print(f(), f() is None)
