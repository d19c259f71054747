# int(text) for short decimal texts (a fast path) and the texts next to it, which take the
# general parser: signs, leading zeros, underscores, whitespace, non-ASCII digits, lengths
# around 18-19 digits, bases; error messages quote the text with repr.

texts = ["12", "0", "-0", "+5", "007", "-42", "1_000", " 12 ", "\t7\n", "１２", "٣",
         "123456789012345678", "-123456789012345678", "999999999999999999",
         "1234567890123456789", "-9223372036854775808", "9223372036854775808",
         "-", "+", "", " ", "1 2", "x12", "12x", "1__0", "_1", "1_", "--1", "+-1", "0x10",
         "١٢٣", "1e3", "12.0", "it's", 'say "hi"', "back\\slash", "tab\there", "é1"]
for t in texts:
    try:
        v = int(t)
        print(repr(t), "->", v, type(v).__name__)
    except ValueError as e:
        print(repr(t), "ValueError", e)
for t, b in (("12", 10), ("12", 8), ("z", 36), ("0x1f", 16), ("0x1f", 0), ("12", 3), ("9", 8)):
    try:
        print(t, b, int(t, b))
    except ValueError as e:
        print(t, b, "ValueError", e)


class S(str):
    pass


print(int(S("77")), type(int(S("77"))).__name__)
print([repr(s) for s in ("", "a", "abc def", "it's", 'a"b', "both'\"", "\x7f", "~", " ", "\\",
                         "é", "\x00", "日本", "\U0001f600", "tab\t", "nl\n")])
print(repr(S("sub")), str(["x", "y'z", 'w"'], ), "%r|%s" % ("q", "q"), f"{'v'!r}")
