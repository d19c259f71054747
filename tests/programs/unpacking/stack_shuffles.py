# Instructions that shuffle the value stack (COPY, SWAP, UNPACK_SEQUENCE, BUILD_*), including
# augmented subscript/attribute assignment and unpacking of exact and non-exact sequences.
class Box:
    def __init__(self):
        self.v = 1

b = [1.0, 2.0, 3.0, [4, 5]]
b[0] -= 0.25
b[1] += b[0] * 2
b[3][1] *= 7
print(b)
o = Box()
o.v += 41
print(o.v)
d = {"k": 1}
d["k"] <<= 3
print(d)

def pairs():
    out = []
    for x, y in [(1, 2), (3, 4)]:
        out.append((y, x))
    for x, y in [[5, 6], [7, 8]]:
        out.append((y, x))
    a, b, c = "xyz"
    out.append((c, b, a))
    p, q = range(2)
    out.append((q, p))
    head, *rest = [9, 10, 11]
    out.append((rest, head))
    return out

print(pairs())
for bad in [(1, 2, 3), [1], "abcd", 5]:
    try:
        x, y = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

class L(list):
    pass

x, y = L([1, 2])
print(x, y)
a, b = b, a = 1, 2
print(a, b)
t = (1, 2, 3)
x, y, z = t
x, y, z = z, x, y
print(x, y, z)
print([*t, *t], (*t,), {*t}, {**{"a": 1}, "b": 2})

def deep(n):
    # A deep value stack across a call that grows the frame stack.
    return (n, n + 1, (n + 2, [n + 3, {n + 4: n + 5}]), deep(n - 1) if n else None)

print(deep(3))
