# expect-stderr
def find(items, target):
    for item in items:
        if item == target:
            return item
result = find(["x", "y"], "z").upper()
