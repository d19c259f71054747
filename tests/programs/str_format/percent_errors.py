cases = [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1114112), ("%c", "ab"), ("%x", 1.5), ("%d", None), ("%", ())]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)
print(b"%s %d %x" % (b"ab", 5, 255), b"%c" % 65, b"%r" % "x" if False else b"%a" % "é")
