print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (-0.5).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"))
print((3.7).conjugate(), (3.7).real, (3.7).imag, float.__name__)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError", e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print("ValueError", e)
