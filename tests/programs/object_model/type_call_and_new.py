class Meta(type):
    pass
X = Meta("X", (), {"v": 1})
print(type(X).__name__, X.v, type(X()).__name__)
obj = object.__new__(X)
print(type(obj).__name__)
print(type.__call__(int, "5"), int.__new__(int, 7), str.__new__(str, "s"), tuple.__new__(tuple, [1]))
class WithNew:
    def __new__(cls, *a, **k):
        inst = super().__new__(cls)
        inst.args = a
        return inst
w = WithNew(1, 2)
print(w.args)
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError", e)
