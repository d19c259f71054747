# Calls filling trailing parameters from defaults, and method calls whose `self` comes from
# the method form of attribute loads (bound to Python functions and to built-in methods).


def f(a, b=2, c=3):
    return (a, b, c)


def g(a=1, b=2):
    return a * 10 + b


def h(a, b, *, k=5):
    return (a, b, k)


print(f(1), f(1, 5), f(1, 5, 6), g(), g(3))
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
print(h(1, 2), h(1, 2, k=3))
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)


class K:
    def m(self, x=7, y=8):
        return (x, y)

    def n(self, *args, **kw):
        return (len(args), sorted(kw))


k = K()
print(k.m(), k.m(1), k.m(1, 2), k.n(1, 2, z=3), K.m(k), K.m(k, 0))
try:
    k.m(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

# Defaults changed after the first calls.
for i in range(3):
    print(g(i))
g.__defaults__ = (4, 5)
print(g(), g(6))
g.__defaults__ = None
try:
    g()
except TypeError as e:
    print("TypeError:", e)

# Built-in methods called through the method form.
lst = []
for i in range(5):
    lst.append(i)
    lst.insert(0, -i)
print(lst, "-".join(["a", "b"]), "x y".split(), {}.get("k", 0))
try:
    lst.append()
except TypeError as e:
    print("TypeError:", e)
try:
    lst.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
