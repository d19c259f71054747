print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool({}), bool(0j), bool(range(0)))
print(True and 3, 0 and 3, None or "x", "" or 0, not 5, not "", 1 and 2 and 3, 1 or 2 or 3)
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class L3:
    def __len__(self):
        return 3
print(bool(Z()), bool(L()), bool(L3()), not Z(), Z() or "fallback")
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError", e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError", e)
