ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba += b"!"
print(ba, len(ba), ba[1], ba[-1:], bytes(ba), ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("l"))
del ba[1]
print(ba, ba.find(b"o"), ba.count(b"l"), ba.index(111))
ba[1:3] = b"XYZW"
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[::2]
print(ba, ba.copy(), ba.upper(), type(ba.upper()).__name__)
ba.reverse(); print(ba)
ba.clear(); print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") * 3)
