class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, V) and self.v == other.v
print(V(1) == V(1), V(1) != V(1), V(1) == 1, V.__hash__)
try:
    {V(1)}
except TypeError as e:
    print("TypeError", e)
class W(V):
    def __hash__(self):
        return hash(self.v)
print(len({W(1), W(1), W(2)}), W(3) in {W(3)})
class Plain:
    pass
a = Plain()
print(a == a, a != Plain(), hash(a) == hash(a))
class NeOnly:
    def __ne__(self, other):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == 1)
