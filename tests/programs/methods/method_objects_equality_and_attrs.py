class C:
    def m(self, x):
        return x
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
a, b = C(), C()
print(a.m == b.m, a.m == a.m, a.m != a.m, a.m.__func__ is b.m.__func__, a.m.__self__ is a)
print(a.m.__name__, a.m.__qualname__, a.m.__module__, a.m.__doc__, C.m.__get__(a)(5))
try:
    a.m.new_attr = 1
except AttributeError as e:
    print("AttributeError", e)
C.m.tag = "function attr"
print(a.m.tag)
MethodType = type(a.m)
bound = MethodType(lambda self, y: (self is a, y), a)
print(bound(3), type(bound).__name__)
