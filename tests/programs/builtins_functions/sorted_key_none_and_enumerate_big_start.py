print(sorted([3, 1, 2], key=None), sorted("cba", key=None, reverse=True), max([1, 2], key=None), min("ba", key=None))
print(list(enumerate("ab", 2**64)), list(enumerate("ab", -5)), list(zip(range(3), "abc", strict=True)))
try:
    enumerate("ab", 1.5)
except TypeError as e:
    print("TypeError", e)
