b = b"\x01\x02\xfe"
print([x for x in b], sum(b), max(b), sorted(b"hello"), list(reversed(b)), bytes(sorted(b"hello")))
print(hash(b"") == hash(b""), b"ab" == bytearray(b"ab"), bytearray(b"ab") == b"ab", {b"k": 1}[b"k"])
print(b"abc"[1:2] + bytes([100]), int.from_bytes(b, "big"), b"%b and %s" % (b"x", b"y"), b"%5d|%-3x|" % (42, 255))
