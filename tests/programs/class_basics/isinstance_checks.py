class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance("x", Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(1, (str, (float, int))), isinstance(True, int), isinstance(None, type(None)), isinstance(int, object))
print(isinstance(1, int | str), issubclass(bool, int | None))
for bad in ["isinstance(1, 1)", "issubclass(1, int)", "isinstance(1, (int, 2))"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
