for bad in ['b"abc" < "abd"', 'b"a" * 1.0', 'b"abc".find("a")', 'b"abc".split("b")', 'b"abc".decode("utf-16")', 'b"%d" % "x"', 'b"%s" % "str"']:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
