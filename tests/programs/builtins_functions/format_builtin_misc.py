print(format(3.14159, ".2f"), format(42, "b"), format("s", ">3"), format(True, ""), format(None, ""), format(12345678, ","), format(0.5, "%"))
print(format(1e21), format(1e-5), format(123.0, "g"), format(-1, "x"), format(2**70, "_x"))
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print(format(F()), format(F(), "xyz"), f"{F():abc}", "{:q}".format(F()))
