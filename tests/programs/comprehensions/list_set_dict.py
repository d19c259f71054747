print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0 if x], [(x, y) for x in "ab" for y in range(2)])
print({x % 3 for x in range(10)}, {k: v for k, v in [("a", 1), ("b", 2)]}, {x: [y for y in range(x)] for x in range(3)})
print([[r * c for c in range(3)] for r in range(3)], [y for x in [[1, 2], [3]] for y in x])
print([x if x > 0 else -x for x in [-1, 2, -3]], [i for i, c in enumerate("abca") if c == "a"], [*[1, 2], *(x for x in [3])])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
