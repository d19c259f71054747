# The eval loop's fast paths on built-in types must give exactly the generic results.
vals = [0, 1, -1, 7, -7, 3, -3, 2**61, -(2**61), 2**62 - 1, -(2**62), 2**53, 2**53 + 1]
for x in vals:
    for y in vals:
        r = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            r += [x // y, x % y, x / y]
        if 0 <= y < 70:
            r += [x << y, x >> y]
        print(x, y, r)
fl = [0.0, -0.0, 1.5, -2.25, float("inf"), float("nan"), 1e308, 3]
for x in fl:
    for y in fl:
        r = [x + y, x - y, x * y]
        if y:
            r.append(x / y)
        print(x, y, r, [x < y, x <= y, x == y, x != y, x > y, x >= y])
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 1 < 1.5, 2 == 2.0)
print("ab" == "ab", "ab" != "ab", "a" + "b" == "ab", "é" == "é", "x" == 1)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)

lst = [10, 20, 30]
tup = (1, 2, 3)
d = {"a": 1, 2: "two", (1, 2): "tuple"}
print(lst[0], lst[-1], tup[1], tup[-3], d["a"], d[2], d[(1, 2)], d[2.0])
for c, k in [(lst, 3), (lst, -4), (tup, 5), (d, "missing"), (lst, "x")]:
    try:
        c[k]
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
lst[1] = 99
lst[-1] = 77
print(lst)
try:
    lst[5] = 1
except IndexError as e:
    print("IndexError:", e)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


dk = {Key(1): "one"}
print(dk[Key(1)])
try:
    dk[Key(2)]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
