Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), type(d).__name__, type(Dyn).__name__, type(type), type(1), type("a"))
Sub = type("Sub", (Dyn,), {})
print(Sub.__mro__, Sub().hello())
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError", e)
print(type.__name__, type(int).__name__, isinstance(int, type), isinstance(type, type), issubclass(type, object))
