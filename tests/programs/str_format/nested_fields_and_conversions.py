data = {"user": {"name": "ann", "tags": ["x", "y"]}, "n": 3.14159}
print("{d[user][name]!r:>8}|{d[user][tags][1]}|{d[n]:.{p}f}".format(d=data, p=2))
class P:
    def __init__(self):
        self.inner = self
        self.v = 7
print("{0.inner.inner.v} {0.v:03d} {1[0]!s}".format(P(), ("first",)))
print("{:{}{}{}}".format(42, "*", "^", 9), "{0:{fill}<{w}}".format("x", fill="-", w=5), "{!s:^7}".format(None))
print("{0}{1}{0}".format(*"ab"), "{a}{a}".format(a="z"), "{:%}".format(0.125), "{:,.2f}".format(1e6), "{:_b}".format(255))
