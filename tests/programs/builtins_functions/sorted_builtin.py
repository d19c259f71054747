print(sorted([3, 1, 2]), sorted("bca"), sorted((3, 1)), sorted({3: "a", 1: "b"}), sorted([3, 1, 2], reverse=True))
print(sorted(["b", "A", "c"]), sorted(["b", "A", "c"], key=str.lower), sorted([[2, 1], [1, 2], [1]]), sorted([]))
print(sorted([-3, 1, -2], key=abs), sorted([0.5, -1, 3], key=lambda v: -v), sorted(range(5), key=lambda v: v % 2))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([3, None])
except TypeError as e:
    print("TypeError", e)
