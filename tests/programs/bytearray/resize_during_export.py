ba = bytearray(b"abcdef")
m = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
m[0] = ord("A")
print(ba, m.tobytes())
m.release()
ba.append(ord("g"))
print(ba)
