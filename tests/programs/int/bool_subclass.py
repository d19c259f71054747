# expect-stderr (DeprecationWarning for ~bool)
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, ~False)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(isinstance(True, int), issubclass(bool, int), True == 1, hash(True) == hash(1))
print(int(True), float(False), str(True), repr(False), True.real, True.bit_length())
d = {1: "one", True: "true"}
print(d)
