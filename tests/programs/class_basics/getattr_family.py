class Dynamic:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")
d = Dynamic()
print(d.real, d.auto_hello, getattr(d, "auto_x"), hasattr(d, "missing"), getattr(d, "missing", "default"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.v = 5
print(l.v, l.secret)
del l.v
print(hasattr(l, "v"))
