def walk(tree, depth=0):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub, depth + 1)
    else:
        yield depth, tree
print(list(walk([1, [2, [3, [4]], 5], [[6]]])))
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
print(["".join(p) for p in permutations("abc")])
