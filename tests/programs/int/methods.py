n = 1000
print(n.to_bytes(2, "big"), n.to_bytes(2, "little"), n.to_bytes(4, byteorder="big"))
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1))
print(int.from_bytes(b"\x03\xe8", "big"), int.from_bytes(b"\xe8\x03", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2, 3]), int.from_bytes(b""))
try:
    (1000).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
print((10).as_integer_ratio(), (-7).as_integer_ratio(), (5).is_integer())
print((12).conjugate(), (12).real, (12).imag, (12).numerator, (12).denominator)
print(int.__name__, int.__qualname__, type(5).__name__)
