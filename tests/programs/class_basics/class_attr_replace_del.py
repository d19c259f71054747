# Replacing or deleting a class attribute whose old value's __del__ reads the class: the class
# is consistent (the new value is seen, no stale cache) while the old value is freed.
class X:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        v = getattr(C, "a", "missing")
        print("del", self.tag, "sees", getattr(v, "tag", v), v is C.__dict__.get("a", "missing"))

class C:
    a = X(1)

C.a
C.a
C.a = X(2)
C.a = X(3)
del C.a
print(hasattr(C, "a"))
class D(C):
    pass
C.a = X(4)
D.a
C.a = X(5)
print(D.a.tag)
