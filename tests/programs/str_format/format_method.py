print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"), "{:.3}".format("abcdef"), "{:10.2f}".format(3.14159))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{{literal}}".format(), "{0:{1}}".format(3.14159, ".2f"), "{:{w}.{p}f}".format(2.5, w=8, p=3))
class P:
    x = 5
    def __format__(self, spec):
        return "P<" + spec + ">"
print("{0.x} {0:abc} {1}".format(P(), P()), format(P(), "zz"))
