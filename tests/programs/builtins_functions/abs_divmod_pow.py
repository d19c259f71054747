print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2**100))
print(divmod(7, 3), divmod(-7, 3), divmod(7.5, 2), divmod(-7.5, 2), divmod(2**70, 7))
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(3, 2, 5), pow(base=2, exp=5), pow(2, 3, mod=3))
class A:
    def __abs__(self):
        return "abs called"
print(abs(A()))
for bad in ["abs(None)", "divmod('a', 1)", "pow('a', 2)", "pow(1, 2, 3, 4)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
