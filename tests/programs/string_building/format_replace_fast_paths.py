# FORMAT_SIMPLE on ints/strs without a spec, int reprs written directly, Latin-1 str.replace.


class I(int):
    def __format__(self, spec):
        return "I" + spec


class J(int):
    def __str__(self):
        return "J!"

    def __repr__(self):
        return "J?"


class S(str):
    def __format__(self, spec):
        return "S" + spec


print(f"{5}|{-3}|{10**20}|{-10**19}|{True}|{False}|{'s'}|{3.5}|{5:>4}|{'a':3}|{'':}|{0}")
print(format(7), format(7, ""), format(True, ""), format(-0), format("x", ""))
print(f"{I(3)}|{I(4):>2}|{J(5)}|{J(6)!r}|{S('t')}|{S('u'):x}")
print(repr(-12), str(0), str(-9223372036854775808), str(9223372036854775807), str(2**63), repr(-(2**63) - 1))
print([str(i) for i in range(-12, 13, 3)], repr(True), str(J(1)), int.__repr__(J(2)))
for s, old, new, *n in [("aaaa", "aa", "b"), ("abcabc", "b", "\xe9", 1), ("h\xe9llo", "l", ""),
                        ("x", "", "-"), ("abc", "z", "y"), ("a.b.c", ".", "\u20ac"), ("\u20aca\u20ac", "a", "b"),
                        ("ab" * 5, "ab", "ba", 3), ("abc", "abc", ""), ("", "", "x"), ("aaa", "a", "a", 0)]:
    print(ascii(s.replace(old, new, *n)))
