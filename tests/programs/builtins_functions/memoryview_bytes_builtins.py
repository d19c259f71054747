b = bytes(range(5))
m = memoryview(b)
print(b, bytes(m[1:3]), bytearray(m), list(m), m.tobytes() == b, bytes(4), bytes([1]) * 2, bytearray.fromhex("ff00"), bytes.fromhex("AB cd"))
