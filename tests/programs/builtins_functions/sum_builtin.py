print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1, 2.5, 3j]), sum(range(101), start=-5050))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print("TypeError", e)
print(sum([True, True, False]), sum(x * x for x in range(10)), sum([2**64, 2**64]), sum([1e308, 1e308, -1e308]))
