class C:
    s = staticmethod(lambda x: x * 2)
    c = classmethod(lambda cls: cls.__name__)
    p = property(lambda self: "p value")
print(C.s(2), C().s(3), C.c(), C().c(), C().p, isinstance(C.__dict__["p"], property))
print(type(staticmethod(len)).__name__, type(classmethod(len)).__name__, staticmethod(len)("abc"))
