class R:
    def __round__(self, n=None):
        return ("custom", n)
print(round(R()), round(R(), None), round(R(), 3), round(R(), ndigits=2))
for call in [lambda: round(1.5, 1.5), lambda: round(15, 1.0), lambda: round("x"), lambda: iter(5, 1), lambda: zip(1), lambda: zip([], 2), lambda: pow(1, 2, 3, 4), lambda: bool(NotImplemented)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(list(iter(iter([1, 2, 3, None, 4]).__next__, None)))
