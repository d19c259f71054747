d = {"a": 1, "b": 2}
it = iter(d.items())
print(next(it), next(it), next(it, "end"))
k = iter(d)
print(list(k), list(k))
print(list(map(len, [d, {}, {1: 1}])), sum(d.values()), max(d, key=d.get), min(d.items(), key=lambda p: p[1]))
