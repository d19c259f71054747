# Edge cases of the exact-size and in-place string building paths: mixed kinds (Latin-1,
# UCS-2, UCS-4, lone surrogates), empty pieces, subclasses, aliasing, join/concat/repeat.


class S(str):
    pass


def show(label, s):
    print(label, ascii(s), len(s), type(s).__name__)


# s += t in place, and the aliases that must not see it.
s = "ab"
alias = s
for i in range(5):
    s += "c"
show("alias", alias)
show("grown", s)
s = "x" * 3
t = s
s += s
show("self", s)
show("t", t)
s = "é"
for piece in ["a", "ÿ", "\u20ac", "b", "\U0001f600", "\udc80", ""]:
    s += piece
    show("mixed", s)
u = "\u20ac\u20ac"
u += "a"
u += "é"
show("ucs2 grows", u)
w = "\U0001f600"
w += "z"
w += "\u20ac"
show("ucs4 grows", w)
sub = S("sub")
sub += "x"
show("subclass +=", sub)
e = ""
e += "q"
show("empty +=", e)
e2 = "q"
e2 += ""
show("+= empty", e2)
d = {"k": "v"}
for _ in range(3):
    d["k"] += "w"
show("dict item +=", d["k"])


def grow_local(n):
    acc = ""
    for i in range(n):
        acc += chr(97 + i % 26)
    return acc


show("local", grow_local(30))
print(hash(grow_local(10)) == hash("abcdefghij"), grow_local(10) == "abcdefghij")
g = grow_local(5)
cache = {g: 1}
g2 = g
g += "!"
print(cache, ascii(g), ascii(g2), "abcde" in cache)

# Concatenation and BUILD_STRING across kinds.
for a in ["", "a", "é", "\u20ac", "\U0001f600", "\ud800"]:
    for b in ["", "b", "ÿ", "\u0100", "\U00010000", "\udfff"]:
        r = a + b
        f = f"{a}{b}|{a}"
        show("cat", r + f)
show("sub+str", S("a") + "b")
show("str+sub", "a" + S("b"))
try:
    "a" + 1
except TypeError as exc:
    print("TypeError:", exc)
try:
    s = "a"
    s += 1
except TypeError as exc:
    print("TypeError:", exc, ascii(s))

# join
show("join0", "-".join([]))
show("join1", "-".join(["only"]))
x = "solo" * 2
print("join1 identity", "-".join([x]) is x, "-".join((x,)) is x)
show("join1 sub", "-".join([S("abc")]))
show("join tuple", ", ".join(("a", "é", "\u20ac", "\U0001f600")))
show("join gen", "\u20ac".join(c for c in "abc"))
show("join empties", "".join(["", "", ""]))
show("join one char", "".join(["", "z", ""]))
show("join sep wide", "\U0001f600".join(["a", "b"]))
show("join surrogates", "".join(["\ud83d", "\ude00"]))
for bad in (["a", 1], ["a", b"b"], [None]):
    try:
        ",".join(bad)
    except TypeError as exc:
        print("TypeError:", exc)
try:
    ",".join(5)
except TypeError as exc:
    print("TypeError:", exc)

# repeat
for s in ["", "a", "ab", "é", "\u20ac-", "\U0001f600"]:
    for n in [-1, 0, 1, 2, 5]:
        show("rep", s * n)
show("rep sub", S("ab") * 1)
for n in [2**62, 2**63]:
    try:
        "ab" * n
    except (OverflowError, MemoryError) as exc:
        print(type(exc).__name__)

# slices
s = "h\u20acllo wörld\U0001f600!"
for sl in [slice(None), slice(1, 5), slice(None, None, -1), slice(2, None, 3), slice(5, 2)]:
    show("slice", s[sl])
show("latin slice", "héllo"[1:3])
show("narrowed slice", "a\u20acbc"[2:])
show("ucs4 narrowed", "\U0001f600abc"[1:])
