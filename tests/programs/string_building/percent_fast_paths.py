# %-formatting: the plain conversions written straight into the result, next to padded ones,
# with non-ASCII and surrogate text and subclasses.


class S(str):
    def __str__(self):
        return "S!"


class I(int):
    def __str__(self):
        return "I!"

    def __repr__(self):
        return "I?"


print(ascii("%s|%d|%i|%u|%r|%%|%a" % ("é", -42, 7, 0, "\u20ac", "\U0001f600")))
print(ascii("\u20ac %s \U0001f600 %d" % ("x", 10**20)))
print(ascii("%s and %s" % ("\ud800", "ok")), ascii("%r" % "\udc80"))
print(ascii("%s %d %r" % (S("sub"), I(5), I(6))))
print(ascii("%5s|%-5s|%.2s|%05d|%+d|% d|%x|%o|%#x|%c|%c" % ("é", "ab", "xyz", 42, 3, 4, 255, 8, 255, 233, "\u20ac")))
print(ascii("%(a)s-%(b)d-%(\u20ac)s" % {"a": "A", "b": 2, "\u20ac": "euro"}))
print(ascii("%((x))s" % {"(x)": 1}))
print(ascii("%s" % (True,)), ascii("%d" % True), ascii("%d" % 3.9), ascii("%s" % None))
print(ascii("%s" % [1, "é"]), ascii("%s" % ((1, 2),)))
print(ascii("no args" % ()), ascii("%s" % "single"), ascii("" % {}))
print(ascii("%.3f %e %g %10.4f %-8.2f|" % (1.5, 12345.678, 0.0001, 3.14159, 2.5)))
print(ascii(b"%s %d %b %c %r" % (b"by", 5, bytearray(b"ba"), 65, "\u20ac")))
print(ascii(bytearray(b"%s|%5s") % (b"a", b"b")))
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(a", {"a": 1}),
                  ("%z", 1), ("%", ()), ("%(a)s", ("a",)), ("%c", "ab"), ("%c", 1114112)]:
    try:
        fmt % args
    except (TypeError, ValueError, OverflowError) as exc:
        print(type(exc).__name__, exc)
