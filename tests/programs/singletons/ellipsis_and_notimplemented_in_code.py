def todo():
    ...
print(todo(), ... is Ellipsis, Ellipsis.__class__.__name__, repr(...), str(Ellipsis))
x = [1, ...]
print(x, x[1] is ..., ... == ..., hash(...) == hash(Ellipsis))
class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if not isinstance(other, Num):
            return NotImplemented
        return self.v < other.v
    def __gt__(self, other):
        if not isinstance(other, Num):
            return NotImplemented
        return self.v > other.v
print(Num(1) < Num(2), Num(2) > Num(1))
try:
    Num(1) < 5
except TypeError as e:
    print("TypeError", e)
print(Num(1).__lt__(5), NotImplemented.__class__.__name__)
