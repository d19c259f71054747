print(ord("a"), ord("€"), ord("😀"), chr(97), chr(8364), chr(128512), chr(0x10FFFF) == "\U0010ffff")
for bad in [("chr", -1), ("chr", 0x110000), ("ord", "ab"), ("ord", ""), ("chr", "a")]:
    try:
        print({"chr": chr, "ord": ord}[bad[0]](bad[1]))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
print(ord(b"a"), ord(bytearray(b"z")))
