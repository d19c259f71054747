d = dict.fromkeys("abcde", 0)
print([d.popitem() for _ in range(3)], d)
d["z"] = 1
d["a"] = 2
print(d, list(reversed(d.items())))
del d["a"]
d["a"] = 3
print(list(d))
