a = {1, 2, 3, 4}
print(sorted(a.union()), sorted(a.intersection()), sorted(a.difference()), a.issubset(a), a.issuperset([]))
print(sorted(a.union([5], (6,), {7: 0}, "")), sorted(a.intersection([1, 2, 9], range(2, 5))), sorted(a.difference(range(2), [4])))
b = set()
b.update("ab", [1], range(2))
print(sorted(map(str, b)))
try:
    a.union(5)
except TypeError as e:
    print("TypeError", e)
print(a.copy() == a, a.copy() is a, frozenset(a).union({9}) == {1, 2, 3, 4, 9})
