class Data:
    def __get__(self, obj, objtype=None):
        return ("data get", obj is not None, objtype.__name__)
    def __set__(self, obj, value):
        print("data set", value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata get"
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, C.d, c.n, C.n)
c.d = 5
c.__dict__["d"] = "instance dict value"
print(c.d)
c.n = "shadow"
print(c.n, C.n)
del c.n
print(c.n)
