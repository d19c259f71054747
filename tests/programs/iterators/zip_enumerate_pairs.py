# zip of two iterables and enumerate build one pair per step; their edge cases: unequal
# lengths (which items are consumed), strict mode, start values (bool, int subclass,
# __index__, big ints), re-entrancy, exhausted iterators staying exhausted.


class I(int):
    pass


class X:
    def __index__(self):
        return 3


print(list(enumerate("ab", True)), list(enumerate("ab", I(5))), list(enumerate("ab", X())))
print([(type(i).__name__, i) for i, _ in enumerate("ab", I(5))])
print(list(enumerate("abc", 2**63 - 2)), list(enumerate("ab", -1)), list(enumerate("", 4)))
print(list(enumerate("ab", start=2**70)))
for bad in (1.5, "3", None):
    try:
        enumerate("ab", bad)
    except TypeError as e:
        print("TypeError", e)
e = enumerate(iter([1, 2, 3]))
print(next(e), e.__reduce__()[1][1], list(e), list(e))
print(list(zip([1, 2, 3], [4, 5])), list(zip([1], [2], [3])), list(zip()), list(zip("ab")))
a = iter([1, 2, 3])
b = iter([10])
print(list(zip(a, b)), list(a))
a = iter([1, 2, 3])
b = iter([])
print(list(zip(b, a)), list(a))
z = zip([1, 2], "ab")
print(next(z), list(z), list(z))
for args in (([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
pairs = list(zip(range(3), range(3)))
print(pairs, pairs[0] is not pairs[1])
for x, y in zip({"k": 1}, [[]]):
    print(x, y)
for i, (p, q) in enumerate(zip("xy", "uv"), 1):
    print(i, p, q)


def gen():
    yield 1
    raise KeyError("boom")


try:
    print(list(zip(gen(), gen())))
except KeyError as e:
    print("KeyError", e)
