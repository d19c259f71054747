# str.format field grammar: attributes, keys, nesting, numbering, conversions and their errors
class P:
    x = 3
    items = [10, 20]
print("{0.x} {0.items[1]} {k[a b]} {0!r:>6}|{n:{w}.{p}f}|{{}}".format(P, k={"a b": "sp"}, n=3.14159, w=8, p=2))
print("{:*^{}}".format("mid", 9), "{0}{1}{0}".format("a", "b"), "{a[0]}".format(a="xyz"), "{!a}".format("é"), "{0:}".format(5))
print("x{{}}".format_map({}), "{x}{y}".format_map({"x": 1, "y": 2}), "{x[1]}".format_map({"x": "ab"}))
class D(dict):
    def __missing__(self, k):
        return k.upper()
print("{a} {b}".format_map(D(a=1)))
cases = ["{", "}", "{0!}", "{0!rr}", "{0:{1:{2}}}", "{0[}", "{0]}", "{0.}", "{0[0]x}", "{a", "{!x}", "{0}{}", "{}{0}", "{5}", "{x}", "{0:{"]
for c in cases:
    try:
        print(repr(c), c.format(1, 2, 3))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
try:
    "{0}".format_map({})
except ValueError as e:
    print("ValueError", e)
class F:
    def __format__(self, spec):
        return 5
try:
    "{}".format(F())
except TypeError as e:
    print("TypeError", e)
