class Cents(int):
    def __str__(self):
        return f"{int(self) / 100:.2f}$"
c = Cents(250)
print(c, c + 50, type(c + 50).__name__, type(c * 2).__name__, type(-c).__name__, type(c // 3).__name__, type(abs(c)).__name__)
print(str(c), repr(c), f"{c}", f"{c:d}", "%d" % c, "%s" % c, int(c), float(c), c == 250, hash(c) == hash(250))
class Add(int):
    def __add__(self, other):
        return Add(int(self) + int(other) + 1000)
a = Add(1)
print(a + 1, 1 + a, type(1 + a).__name__, sum([a, 1]), sum([1, a]))
