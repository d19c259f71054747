print(float(), float(3), float("1.5"), float("  -2.5e3 "), float("1_000.5"), float("inf"), float("-Infinity"), float("nAn"))
print(float(b"2.5"), float(True), float(10**20), float("0x1p3" if False else "8"))
for bad in ["", "abc", "1.2.3", "1__0", "1e", "_1", None, [1], "infx"]:
    try:
        print(float(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
class F:
    def __float__(self):
        return 2.5
class Ix:
    def __index__(self):
        return 4
print(float(F()), float(Ix()))
