f = frozenset([1, 2, 3])
print(f, frozenset(), frozenset("a"), len(f), 2 in f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset({3, 2, 1})))
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})], {frozenset({1}), frozenset({1})})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
print(frozenset(f) is f, f.copy() is f, set(f) is f)
nested = {frozenset({1, 2}): 1}
print(frozenset({1, 2}) in nested, {1, 2} in {frozenset({1, 2})})
