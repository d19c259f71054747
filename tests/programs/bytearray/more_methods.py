ba = bytearray(b"hello")
ba.extend([32, 119, 111])
ba.extend(b"rld")
ba += bytearray(b"!")
print(ba, ba.replace(b"l", b"L"), ba.find(b"wo"), ba.startswith(b"he"), ba.title(), ba.split())
ba *= 2
print(ba, len(ba))
ba[0:5] = b""
print(ba)
print(bytearray(b"abc") + b"def", b"def" + bytearray(b"abc"), type(b"x" + bytearray(b"y")).__name__, bytearray(b"ab") == b"ab", bytearray(b"a") < b"b")
print(bytearray(b"  pad ").strip(), bytearray(b"a,b").split(b","), bytearray(b"x").center(5, b"-"), bytearray(b"AbC").lower(), bytearray.fromhex("61 62"))
