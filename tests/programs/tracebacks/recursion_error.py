# expect-stderr
def recurse(n):
    return recurse(n + 1) + 1
recurse(0)
