class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return Num(-self.v)
    def __pos__(self): return Num(abs(self.v))
    def __invert__(self): return Num(~self.v)
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return f"round({n})"
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __repr__(self): return f"Num({self.v})"
import math
n = Num(-5)
print(-n, +n, ~n, int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), [0, 1, 2, 3, 4, 5, 6][Num(3)], hex(Num(255)))
try:
    -object()
except TypeError as e:
    print("TypeError", e)
try:
    ~1.5
except TypeError as e:
    print("TypeError", e)
