# Deleting an instance's __dict__ empties it; attributes can be stored again afterwards.
class Foo:
    pass

f = Foo()
f.x = 1
del f.__dict__
print(f.__dict__, hasattr(f, "x"))
f.a = 3
print(f.a, f.__dict__)

g = Foo()
g.__dict__["attr"] = 1
del g.__dict__
class StrSubclass(str):
    pass
print(hasattr(g, StrSubclass("attr")))
class Bar:
    pass
g.__class__ = Bar
print(isinstance(g, Bar), g.__dict__)
