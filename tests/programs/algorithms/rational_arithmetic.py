import math
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        g = math.gcd(n, d) * (-1 if d < 0 else 1)
        self.n, self.d = n // g, d // g
    def __add__(self, o): o = _f(o); return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o): o = _f(o); return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o): o = _f(o); return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o): o = _f(o); return Frac(self.n * o.d, self.d * o.n)
    def __eq__(self, o): o = _f(o); return (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o): o = _f(o); return self.n * o.d < o.n * self.d
    def __hash__(self): return hash((self.n, self.d))
    def __repr__(self): return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
def _f(x):
    return x if isinstance(x, Frac) else Frac(x)
h = sum(Frac(1, k) for k in range(1, 11))
print(h, Frac(1, 2) + Frac(1, 3), Frac(3, 4) * 2, Frac(1, 2) / Frac(-3, 4), Frac(2, 4) == Frac(1, 2), sorted([Frac(1, 3), Frac(1, 4), Frac(1, 2)]))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}))
