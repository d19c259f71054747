print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 99), (1, "a") < (1, "b"), (1, 2) == [1, 2], (1, 2) != (2, 1))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash((-1,)), hash(((1, 2), (3, 4))))
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print("TypeError", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
