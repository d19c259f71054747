for s, b in [("0x_ff", 0), ("1_0", 0), ("0b1_0", 0), ("z_z", 36), ("  0o17 ", 0), ("-0XA", 16), ("+0b11", 2), ("1_000_000", 10), ("٣", 10), ("0_7", 0)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
print(int("-" + "9" * 30) + 10 ** 30, int(b"  42\n"), int("0" * 50 + "1"))
