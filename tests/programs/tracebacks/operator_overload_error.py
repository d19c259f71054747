# expect-stderr
class Vector:
    def __init__(self, *c):
        self.c = c
    def __add__(self, other):
        if len(self.c) != len(other.c):
            raise ValueError(f"dimension mismatch: {len(self.c)} vs {len(other.c)}")
        return Vector(*(a + b for a, b in zip(self.c, other.c)))
v = Vector(1, 2) + Vector(3, 4)
w = v + Vector(1, 2, 3)
