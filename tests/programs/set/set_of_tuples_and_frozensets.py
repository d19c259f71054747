pairs = {(1, 2), (2, 1), (1, 2)}
print(sorted(pairs), len(pairs))
groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups), sorted(sorted(g) for g in groups))
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(frozenset([1]) in nested, len(nested), frozenset([1, 2]) > frozenset([1]))
