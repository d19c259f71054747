b = b"Hello World Hello"
print(b.rsplit(b" ", 1), b.rindex(b"Hello"), b.rfind(b"x"), b.count(b"l", 5), b.split(maxsplit=1), b.splitlines())
print(b.isdigit(), b"123".isdigit(), b"abc".isalpha(), b"Ab".islower(), b"\x00".isspace(), b" \t\n\x0b\x0c\r".isspace())
print(b.lower().replace(b"hello", b"bye", 1), b.swapcase(), bytes.maketrans(b"lo", b"01"), b.translate(bytes.maketrans(b"lo", b"01")))
print(b"x".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"%s-%s" % (b"a", bytearray(b"b")), b"abc" * 0, b"a" in bytearray(b"abc"))
print(b"  x  ".strip(b" x"), b"\xff\xfe".hex(), b"\xf0\x9f\x90\x8d".decode(), b"caf\xc3\xa9".decode("ascii", "replace"))
