print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(7), round(7, 0), round(7.0, 0), type(round(7.5)).__name__, round(2.675, 2), round(-0.5), round(0.5 + 1e-16))
class R:
    def __round__(self, n=None):
        return ("custom", n)
print(round(R()), round(R(), 3))
try:
    round("x")
except TypeError as e:
    print("TypeError", e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print("TypeError", e)
