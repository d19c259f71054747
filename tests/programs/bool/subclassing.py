try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(bool.__bases__, bool.__mro__, type(True).__name__, True is bool(1), repr(True), f"{True}", format(True, "d"), f"{False:>6}")
print(True.__and__(1), True.__and__(True), True.__or__(False), True.__xor__(1), False.__invert__() if False else "-")
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
