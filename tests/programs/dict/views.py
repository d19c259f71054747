d = {"one": 1, "two": 2, "three": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "one" in k, 2 in v, ("two", 2) in i, ("two", 3) in i)
d["four"] = 4
print(list(k), list(v), list(i))
print(k & {"one", "five"}, sorted(k | {"x"}), sorted(k - {"one"}), sorted(k ^ {"one", "z"}), k == {"one", "two", "three", "four"}, k <= {"one", "two", "three", "four", "y"})
print(sorted(i & {("one", 1), ("two", 9)}), k.isdisjoint(["q"]), list(reversed(k)), list(reversed(v)), list(reversed(i))[0])
print(k.mapping == d, type(k).__name__, type(v).__name__, type(i).__name__)
print(v == v, d.values() == d.values())
