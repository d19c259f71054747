class O:
    x = 1
o = O()
setattr(o, "y", 2)
setattr(o, "with space", 3)
print(getattr(o, "x"), getattr(o, "y"), getattr(o, "with space"), getattr(o, "z", None), hasattr(o, "y"), hasattr(o, "z"))
delattr(o, "y")
print(hasattr(o, "y"), vars(o))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError", e)
class Raiser:
    @property
    def p(self):
        raise ValueError("not AttributeError")
try:
    hasattr(Raiser(), "p")
except ValueError as e:
    print("hasattr propagates", e)
