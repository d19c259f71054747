for x in [0.0, -0.0, 1.0, 0.5, 3.75, 1e-320, 1.7976931348623157e308, 0.1]:
    print(x.hex(), float.fromhex(x.hex()) == x)
for s in ["0x1p0", "0x.8p1", "0X1.FFFFFFFFFFFFFP+1023", "-0x1p-1074", "inf", "-nan", " 0x10 "]:
    print(repr(s), float.fromhex(s))
for bad in ["0x1p", "1.0", "0x1p99999"]:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
