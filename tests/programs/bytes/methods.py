b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(b" dl"), b.upper(), b.lower(), b.swapcase(), b.title(), b.strip().capitalize())
print(b.split(), b.split(b","), b.strip().split(b", "), b"a-b-c".rsplit(b"-", 1), b"x\ny\r\nz".splitlines(), b"x\ny".splitlines(True))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.find(111), b.count(108), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b"-".join([b"a", b"b"]), b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b"abc".partition(b"b"), b"abc".rpartition(b"z"))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"42".zfill(5), b"a\tb".expandtabs(4), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcdef".translate(None, b"bd"), b"hello".hex(), b"hello".hex(":"), b"hello".hex("-", 2), bytes.fromhex("68 65 6c"), b"\xe2\x82\xac".decode())
try:
    b"x".join(["a"])
except TypeError as e:
    print("TypeError", e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError", e)
