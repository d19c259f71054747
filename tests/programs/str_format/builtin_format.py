print(format(12), format("x"), format(None), format([1, 2]), format(3.0), format(True), format(1 + 2j, ".1f"))
class O:
    pass
try:
    format(O(), "x")
except TypeError as e:
    print("TypeError", e)
class Bad:
    def __format__(self, spec):
        return 1
try:
    format(Bad())
except TypeError as e:
    print("TypeError", e)
print(type(format(5, "")).__name__)
