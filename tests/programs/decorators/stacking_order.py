def tag(name):
    print("make", name)
    def deco(f):
        print("apply", name)
        def w():
            return name + "(" + f() + ")"
        return w
    return deco
@tag("outer")
@tag("inner")
def base():
    return "base"
print(base())
def class_deco(cls):
    cls.added = "yes"
    return cls
@class_deco
class K:
    pass
print(K.added)
registry = []
@registry.append
def registered():
    pass
print(len(registry), registered)
@(lambda f: f.__name__.upper())
def expr_deco():
    pass
print(expr_deco)
