class Money(float):
    def __str__(self):
        return "$%.2f" % self
m = Money(3.5)
print(m, repr(m), m + 1, type(m + 1).__name__, type(m).__name__, isinstance(m, float))
class Pos(float):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(2))
try:
    Pos(-1)
except ValueError as e:
    print("ValueError", e)
