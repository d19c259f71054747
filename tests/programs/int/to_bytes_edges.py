for n, length, order, signed in [(0, 0, "big", False), (0, 1, "little", True), (127, 1, "big", True), (-128, 1, "big", True), (255, 2, "little", False), (2**64 - 1, 8, "big", False), (-1, 8, "little", True)]:
    b = n.to_bytes(length, order, signed=signed)
    print(n, b, int.from_bytes(b, order, signed=signed))
for n, length, signed in [(128, 1, True), (-129, 1, True), (256, 1, False), (1, 0, False)]:
    try:
        n.to_bytes(length, "big", signed=signed)
    except OverflowError as e:
        print(n, length, signed, "OverflowError", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("ValueError", e)
