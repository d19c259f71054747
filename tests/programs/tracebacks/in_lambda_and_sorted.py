# expect-stderr
items = [3, "a", 1]
key = lambda v: v + 0
print(sorted(items, key=key))
