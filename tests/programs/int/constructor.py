print(int(), int(3.99), int(-3.99), int("42"), int("  -42  "), int("+7"), int("1_000_000"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("077", 8), int("10", 2), int(b"123"), int(bytearray(b"-9")), int(True))
print(int("١٢٣"))
class I:
    def __index__(self):
        return 7
class T:
    def __trunc__(self):
        return 3
class N:
    def __int__(self):
        return 11
print(int(I()), int(N()))
try:
    int(T())
except TypeError as e:
    print("TypeError", e)
