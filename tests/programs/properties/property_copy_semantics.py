class A:
    def get(self):
        return "get"
    p = property(get)
q = A.p.setter(lambda self, v: None)
print(A.p is not q, A.p.fset, q.fset is not None, q.fget is A.p.fget)
d = property(doc="only doc")
print(d.__doc__, d.fget)
class B:
    x = property()
try:
    B().x
except AttributeError as e:
    print("AttributeError", e)
try:
    B().x = 1
except AttributeError as e:
    print("AttributeError", e)
print(property.__name__, type(A.__dict__["p"]).__name__, A.p.__isabstractmethod__)
