# `**` on floats and ints as the eval loop's fast path sees them, with every case that must
# fall back to the generic path (errors, complex results, overflow, underflow, subclasses).
import math

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

vals = [2.0, 0.5, 1.0, -1.0, -2.0, -0.5, 0.0, -0.0, 3, -3, 0, 10.0, 1e-300, 1e300,
        float('inf'), float('-inf'), float('nan'), 1.5, 7]
exps = [0.5, 2, 3, -1, -2, 0, 0.0, 2.0, 3.0, -3.0, 1.5, 1e10, -1e10, 400, -400, 1075.0, -1075.0,
        float('inf'), float('-inf'), float('nan'), 62, 63, 64]
for x in vals:
    for y in exps:
        show(lambda: x ** y)

acc = 1.5
for i in range(5):
    acc **= 1.1
    print(repr(acc))
n = 3
n **= 2
print(n)
m = -7
m **= 3
print(m)
print((-2) ** 63, 2 ** 62, 2 ** 63, (-2) ** 62, 3 ** 39, 3 ** 40)
d = 0.0
for k in range(1, 6):
    d2 = k * 1.25
    d += d2 * d2 ** 0.5
print(repr(d))
print(repr(2.0 ** -1074), repr(2.0 ** -1022), repr(2.0 ** -1023), repr(0.1 ** 320))

class F(float):
    def __pow__(self, other):
        return "F.__pow__"
    def __rpow__(self, other):
        return "F.__rpow__"

print(F(2.0) ** 2.0, 2 ** F(1.0))
print(math.isclose(10.0 ** 0.5, math.sqrt(10.0)))
