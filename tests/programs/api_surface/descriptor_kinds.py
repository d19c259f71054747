# The descriptor types of built-in classes: kinds, names, reprs, binding and calling.
MappingProxyType = type(type.__dict__)
def short(o):
    return repr(o).split(" at 0x")[0]
for d in (int.__add__, str.join, dict.__dict__["fromkeys"], int.real, range.start, object.__init__):
    print(type(d).__name__, short(d), d.__name__, d.__qualname__, d.__objclass__.__name__)
b = (1).__add__
print(type(b).__name__, short(b), b.__name__, b.__qualname__, b.__self__, b(2), b("x"))
print(int.__add__(1, 2), int.__add__(1, "a"), int.__radd__(1, 2), int.__lt__(1, 2), int.__neg__(5))
print(list.__len__([1, 2]), list.__getitem__([1, 2], 1), dict.__contains__({1: 2}, 1), str.__mul__("ab", 2))
print(float.__pow__(2.0, 3), int.__pow__(2, 10, 7), int.__hash__(5), bool.__and__(True, False))
for bad in (lambda: int.__add__("a", 1), lambda: int.__add__(), lambda: int.__add__(1), lambda: str.join(1, []),
            lambda: dict.__dict__["fromkeys"](int, [1]), lambda: int.__add__(1, x=2)):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
print(str.join(",", ["a", "b"]), ",".join.__self__, type(",".join).__name__, ",".join.__name__)
print(dict.fromkeys([1]), type(dict.fromkeys).__name__, dict.fromkeys.__self__ is dict, int.from_bytes(b"\x01", "big"))
print(int.real.__get__(5), int.real.__get__(None, int) is int.real, range.start.__get__(range(2, 5)))
for setter in (lambda: setattr(5, "real", 1), lambda: setattr(range(3), "start", 1)):
    try:
        setter()
    except AttributeError as e:
        print("AttributeError", e)
try:
    int.real.__get__("x")
except TypeError as e:
    print("TypeError", e)
print(int.__new__(int, 7), type.__call__(int, "5"), object.__new__(object).__class__.__name__)
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError", e)
class A:
    def __init__(self):
        object.__init__(self)
        self.x = 1
print(A().x, object.__eq__(A(), 1), object.__ne__(A(), 1), object.__hash__ is A.__hash__)
print(type(str.maketrans).__name__, type(str.__dict__["maketrans"]).__name__)
print(type(object.__init_subclass__).__name__, object.__subclasshook__(int), type(list.__class_getitem__).__name__)
print(list[int], list.__class_getitem__(int), type(int.__dict__["__new__"]).__name__)
