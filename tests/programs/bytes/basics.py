b = b"hello\x00\xff"
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:3]), b"" == bytes(), bytes(3), bytes([65, 66]), bytes(range(3)))
print(bytes("é", "utf-8"), bytes(b"x"), bytes(bytearray(b"yz")), bytes(memoryview(b"mv")), b"a" + b"b", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
print(b"abc" < b"abd", b"abc" == b"abc", b"abc" == "abc", b'\'"', b"\t\n\r\\", bytes([0x7f, 0x80]))
for bad in ['bytes("x")', 'bytes([256])', 'bytes([-1])', 'bytes(-1)', 'b"a" + "b"', 'b"abc"[5]', '"a" in b"abc"', 'bytes(1.5)', '300 in b"a"']:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
