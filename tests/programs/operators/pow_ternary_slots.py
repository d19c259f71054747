class P:
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
class R:
    def __rpow__(self, o, mod=None):
        return ("rpow", o, mod)
print(pow(P(), 2, 7), pow(P(), 2), P() ** 3, 2 ** R(), pow(2, R()))
try:
    print(pow(2, R(), 5))
except TypeError as e:
    print("TypeError", e)
try:
    pow(P(), "x", None)
    print("ok none mod")
except TypeError as e:
    print("TypeError", e)
class G(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, "from new")
print(G("a", "b").args)
try:
    G("a", k=1)
except TypeError as e:
    print("TypeError", e)
try:
    int[str]
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __getitem__(cls, k):
        return ("meta", k)
class H(metaclass=Meta):
    pass
print(H[1], list[int])
class Both:
    def __pow__(self, o, mod=None):
        return NotImplemented
class Sub(Both):
    def __rpow__(self, o, mod=None):
        return ("sub rpow", mod)
print(pow(Both(), Sub(), 3), pow(Both(), Sub()))
try:
    pow(Both(), Both(), 3)
except TypeError as e:
    print("TypeError", e)
