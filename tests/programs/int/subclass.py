class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)
    def double(self):
        return MyInt(self * 2)
m = MyInt(21)
print(m, repr(m), m.double(), type(m + 1).__name__, type(-m).__name__, type(abs(m)).__name__)
print(m == 21, isinstance(m, int), int(m) is not m, type(int(m)).__name__)
class Flag(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj
f = Flag(3, "three")
print(f + 1, f.name, f * 2)
