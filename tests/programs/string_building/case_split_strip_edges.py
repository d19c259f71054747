# The ASCII / Latin-1 fast paths of case mapping, split() and strip(), next to the general ones.

for s in ["", "a", "Z", "hello World", "ÉCOLE", "straße", "ǅ", "ΣΑΣ ΣΑΣ.", "ab1cd 2ef", "a\tb", "x"*40]:
    print(ascii([s.lower(), s.upper(), s.title(), s.capitalize(), s.swapcase(), s.casefold()]))

print(ascii("1abc d2e f_g h-i 'j".title()))
print(ascii("hELLO wORLD".capitalize()), ascii("123".capitalize()), ascii("".capitalize()))

for s in ["  a b  c ", "a\x1cb\x1dc\x1ed\x1fe", "a\x85b\xa0c", "\t\n\x0b\x0c\rx", "", "   ", "one",
          "a\u2003b\u3000c", "x\u00a0y"]:
    print(ascii(s.split()), ascii(s.split(maxsplit=1)), ascii(s.rsplit(None, 1)))
    print(ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()))

for s, chars in [(",.word.,", ",."), ("xxhixx", "x"), ("ééaéé", "é"), ("\u20acab\u20ac", "\u20ac"),
                 ("abc", ""), ("aaa", "a"), ("\xa0a\xa0", None), ("é a é", "\u20acé ")]:
    print(ascii([s.strip(chars), s.lstrip(chars), s.rstrip(chars)]))

try:
    "a".strip(1)
except TypeError as exc:
    print("TypeError:", exc)
try:
    "a".strip(chars="a")
except TypeError as exc:
    print("TypeError:", exc)
try:
    "a".strip("a", "b")
except TypeError as exc:
    print("TypeError:", exc)


class S(str):
    pass


r = S("  ab  ").strip()
print(ascii(r), type(r).__name__, type(S("AB").lower()).__name__, type(S("a b").split()[0]).__name__)
