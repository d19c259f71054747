class P:
    def __init__(self):
        self.a = 1
o = P()
print(o.__class__.__name__, o.__dict__, object.__eq__(o, o), object.__ne__(o, 1), o.__eq__(1), type(o.__hash__()).__name__)
print(object.__name__, object.__bases__, object.__mro__, P.__base__, P.__bases__)
print(o.__sizeof__() > 0, o.__reduce_ex__(2)[0].__name__, "__init__" in dir(o), sorted(k for k in dir(o) if not k.startswith("__")))
print(object.__str__(o) == object.__repr__(o), o.__format__("") == str(o), o.__dir__ is not None)
try:
    o.__format__("x")
except TypeError as e:
    print("TypeError", e)
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
