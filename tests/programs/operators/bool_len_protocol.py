class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(L(0)), bool(L(2)), len(L(3)), "yes" if L(1) else "no")
for bad in [L(-1), L(2**100), L("x")]:
    try:
        len(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print("TypeError", e)
print(bool(NoLen()))
