cases = [("12a",), ("",), (" ",), ("1__0",), ("_1",), ("0x",), ("12", 1), ("12", 37), ("9", 8), ("0b2", 0), ("010", 0), (1.5, 10), (None,), ([],), (float("inf"),), (float("nan"),)]
for args in cases:
    try:
        print(int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(int("0", 0), int("00", 0), int("0_0", 0))
