class Desc:
    def __get__(self, obj, t=None):
        return "descriptor"
    def __set__(self, obj, v):
        raise AttributeError("read-only descriptor")
class A:
    x = Desc()
    y = "class attr"
    def __getattr__(self, name):
        return f"__getattr__({name})"
a = A()
a.__dict__["x"] = "inst"
a.__dict__["y"] = "inst y"
print(a.x, a.y, a.z)
try:
    a.x = 1
except AttributeError as e:
    print("AttributeError", e)
class B:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
print(B().boom, B().other)
