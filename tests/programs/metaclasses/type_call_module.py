# type(name, bases, ns) takes __module__ from the calling frame's globals' __name__, unless the
# namespace has one.
import types

A = type("A", (), {})
print(A.__module__, A.__qualname__, repr(A))

g = {"__name__": "fake.mod"}
exec("B = type('B', (), {})", g)
print(g["B"].__module__, repr(g["B"]))

C = type("C", (), {"__module__": "explicit"})
print(C.__module__, repr(C))

def make():
    return type("D", (object,), {"x": 1})

code = make.__code__
f = types.FunctionType(code, {"__name__": "other", "type": type, "object": object})
D = f()
print(D.__module__, D.x, repr(D))

class Meta(type):
    pass

E = Meta("E", (), {})
print(E.__module__, type(E).__name__)

g2 = {"type": type}
exec("F = type('F', (), {})", g2)
print("__module__" in g2["F"].__dict__)
try:
    print(g2["F"].__module__)
except AttributeError as e:
    print("AttributeError", e)
