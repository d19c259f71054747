print("a,b,,c".split(","), "a b  c ".split(), "  a  b ".split(None, 1), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"), "1<>2<>3".split("<>"), " x ".rsplit(), "a\tb\nc\x0bd\x1ce".split())
print("line1\nline2\r\nline3\rline4".splitlines(), "a\n\nb\n".splitlines(keepends=True), "".splitlines(), "x\u2028y\x85z".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "-".join(map(str, range(5))))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("x"), "abc".rpartition("x"))
