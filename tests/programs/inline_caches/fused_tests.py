# Tests whose result feeds a conditional jump directly (COMPARE_OP, CONTAINS_OP, IS_OP, TO_BOOL
# followed by POP_JUMP_IF_*), with fast-path operands and with ones that must take the generic
# path (rich comparisons returning non-bools, __bool__/__len__, __contains__, errors).
class Weird:
    def __lt__(self, other):
        return [1]

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v

class Sized:
    def __len__(self):
        return 3

class Bag:
    def __contains__(self, x):
        return x == 2

class S(str):
    def __len__(self):
        return 0

class BadBool:
    def __bool__(self):
        return 2

def tests(values):
    out = []
    for a in values:
        for b in values:
            try:
                if a < b:
                    out.append("lt")
                elif a == b:
                    out.append("eq")
                else:
                    out.append("ge")
                if not (a != b):
                    out.append("same")
            except TypeError as e:
                out.append(str(e)[:30])
    return out

print(tests([1, 2.5, -3, float("nan"), "a", "b", Weird(), None, True]))
for v in [0, 1, -5, 0.0, 2.5, "", "x", [], [0], (), (1,), {}, {1: 2}, set(), None, True, False,
          Truthy(True), Truthy(False), Sized(), S("abc"), 2**70, 0j]:
    if v:
        print("T", end=" ")
    else:
        print("F", end=" ")
    print(bool(v), not v)
try:
    if BadBool():
        pass
except TypeError as e:
    print(e)
d = {1: "a", "k": 2}
s = {3, frozenset({4})}
for x in [1, "k", 3, 4, frozenset({4}), {4}, 2, Bag()]:
    try:
        r = []
        if x in d:
            r.append("in d")
        if x not in s:
            r.append("not in s")
        if x in Bag():
            r.append("in Bag")
        if x in "abc k":
            r.append("in str")
        print(r)
    except TypeError as e:
        print("TypeError", e)
try:
    if [] in d:
        pass
except TypeError as e:
    print(e)
x = None
n = 0
while x is None:
    n += 1
    if n > 3:
        x = n
print(x, x is not None, (x is None) == False)
a = 5
print(a < 7, a in [5], a is a)
dd = {}
for i in range(5):
    dd[i] = i * i
    dd[str(i)] = i
print(dd)
try:
    dd[[1]] = 2
except TypeError as e:
    print(e)
