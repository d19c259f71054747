class A: pass
class B: pass
for attr, val in [("__name__", 5), ("__name__", "a\0b"), ("__qualname__", 5), ("__module__", 5), ("__doc__", 5), ("__bases__", 5), ("__bases__", ()), ("__bases__", (5,)), ("__bases__", (A,)), ("__bases__", (int,)), ("__bases__", (A, A)), ("__abstractmethods__", ())]:
    try:
        setattr(A, attr, val); print("ok", attr, getattr(A, attr))
    except Exception as e: print(type(e).__name__, e)
for attr in ["__name__", "__qualname__", "__module__", "__doc__", "__bases__", "__abstractmethods__", "__mro__", "__dict__", "__base__"]:
    try:
        delattr(B, attr); print("ok del", attr)
    except Exception as e: print(type(e).__name__, e)
    try:
        setattr(int, attr, "x"); print("ok", attr)
    except Exception as e: print(type(e).__name__, e)
    try:
        delattr(int, attr); print("ok", attr)
    except Exception as e: print(type(e).__name__, e)
print(repr(B), B.__module__ if hasattr(B, '__module__') else 'nomod', B.__doc__)
class C(B): pass
try:
    B.__bases__ = (C,)
except Exception as e: print(type(e).__name__, e)
class D(list): pass
try:
    D.__bases__ = (dict,)
except Exception as e: print(type(e).__name__, e)
try:
    D.__bases__ = (object,)
except Exception as e: print(type(e).__name__, e)
class E(object): pass
try:
    E.__bases__ = (list,)
except Exception as e: print(type(e).__name__, e)
try:
    object.__bases__ = (list,)
except Exception as e: print(type(e).__name__, e)
try:
    type.__dict__['__name__'].__set__(int, "x")
except Exception as e: print(type(e).__name__, e)
