class C:
    pass
c = C()
c.__len__ = lambda: 5
try:
    len(c)
except TypeError as e:
    print("TypeError", e)
c.__repr__ = lambda: "instance repr"
print(repr(c) == object.__repr__(c))
C.__len__ = lambda self: 7
print(len(c))
class D:
    def __getattr__(self, name):
        return lambda *a: "getattr:" + name
d = D()
print(d.__str__() != "getattr:__str__", d.custom())
try:
    len(d)
except TypeError as e:
    print("TypeError", e)
