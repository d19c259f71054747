print(list(zip([1, 2], "ab", (True, False))), list(zip(*[(1, "a"), (2, "b")])))
z = zip("abc", count := [1, 2, 3])
print(next(z), list(z))
print(list(enumerate(zip("ab", "cd"))), list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
print(list(filter(lambda kv: kv[1] > 1, {"a": 1, "b": 2}.items())), list(filter(bool, [0, "", None, 1])))
for bad in ["map(len)", "filter(None)", "zip(1)", "enumerate(5)", "map(5, [1])"]:
    try:
        list(eval(bad))
    except TypeError as e:
        print(bad, "->", e)
