# Float arithmetic whose operands die in the operation (the interpreter may rewrite such a
# temporary in place): results, identities of surviving operands, subclasses, mixed ints,
# in-place operators on list items and the values a name still holds afterwards.

class F(float):
    pass

a = 1.5
b = 2.25
c = (a * b) + (a - b) * (a / b)
print(c, a, b)
x = a
x += 1.0
print(x, a)           # `a` must keep its value: the operand had another reference
y = (a + 0.0)
z = y
y *= 3.0
print(y, z)           # `z` still sees the old value
l = [1.0, 2.0, 3.0]
l[0] += l[1] * l[2]
l[1] -= 0.5
print(l)
t = (0.1 + 0.2) + 0.3
print(t, repr(0.1 + 0.2 + 0.3))
print(-0.0 + -0.0, (-0.0 * 1.0) - 0.0, 0.0 * -1.0)
n = float("nan")
print((n + 1.0) != (n + 1.0), (1e308 * 10.0) - 1.0, -(1e308 * 10.0) + 1e308)
print((2.0 ** 0.5) * (2.0 ** 0.5), (2.0 * 3) + (4 * 0.5), (2 ** 60) * 0.5 + 1.0)
f = F(2.0)
g = f + 1.0
print(type(g).__name__, g, type(f * f).__name__)
try:
    (1.0 + 1.0) / (0.5 - 0.5)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (10.0 * 10.0) ** (1e5 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-8.0 + 0.0) ** (1.0 / 3.0 + 0.0)
except Exception as e:
    print(type(e).__name__, e)
print((-8.0 + 0.0) ** (1.0 / 3.0 + 0.0) == (-8.0) ** (1 / 3))
acc = 0.0
vals = [i * 0.25 for i in range(40)]
for v in vals:
    acc += v * v - v / 4.0
print(acc, vals[:4])
keep = []
for i in range(5):
    r = (i * 1.0) + 0.5
    keep.append(r)
    r += 100.0
print(keep, r)
big = 2 ** 53 + 1
print(big * 1.0, 1.0 * big, (big + 0.0) - big)
print(sum(p * q for p, q in zip([1.5, 2.5], [3.0, 4.0])))
