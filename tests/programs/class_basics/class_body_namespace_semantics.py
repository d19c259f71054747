x = "global"
class A:
    x = "class"
    def f(self):
        return x
    g = lambda self: x
    h = [x for _ in "a"]
    locals_snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(A().f(), A().g(), A.h, A.locals_snapshot)
class B:
    print("B body, __module__ =", __module__, "__qualname__ =", __qualname__)
    def m(self):
        return __class__
print(B().m() is B)
