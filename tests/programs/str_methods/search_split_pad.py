# search/split/strip/pad methods on wide strings, bounds, and their argument errors
s = "naïve café – ñandú 😀 naïve"
print(s.find("naïve"), s.rfind("naïve"), s.find("😀"), s.index("ñ"), s.count("a"), s.count("a", 3, -3), s.find("é", 11), s.rfind("x"))
print(s.split(), s.split(" ", 2), s.rsplit(None, 1), s.partition("–"), s.rpartition("naïve"), s.startswith(("x", "naï")), s.endswith("ve", 0, 5))
print("a\u2028b\x85c\r\nd\x1ee".splitlines(), "a\u2028b\r\n".splitlines(keepends=True), "\u3000 x \u3000".strip(), "xxyxx".strip("x"), "\u00a0a".lstrip())
print("é".center(6, "·"), "ab".ljust(5, "😀"), "ab".rjust(3), "-7".zfill(4), "+😀".zfill(4), "a\tbé\tc\n\td".expandtabs(3), "x".center(4))
print("a😀b😀c".replace("😀", "-"), "aaa".replace("a", "bb", 2), "abc".replace("", "|"), "é😀é".replace("é", ""), "abc".removeprefix("ab"), "abc".removesuffix("bc"))
print("abc".find("", 3), "abc".find("", 4), "abc".count(""), "abc".count("", 4), "abc".startswith("", 3), "abc".startswith("", 4), "  a b  ".split(None, 1), "  a b  ".rsplit(None, 1))
for e in ['"a".find()', '"a".find(1)', '"a".split(1)', '"a".split("")', '"a".strip(1)', '"a".partition("")', '"a".replace("a")', '"a".ljust(5, "ab")', '"a".ljust(5, 1)', '"a".zfill()', '"a".startswith((1,))', '"a".removeprefix(1)', '"a".split("a", sep="b")', '"a".index("b")', '"a".find("a", 1.0)']:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
