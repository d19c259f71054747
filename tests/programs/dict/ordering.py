d = {}
for key in [5, 3, 9, 1]:
    d[key] = str(key)
print(d, list(d.keys()))
d[3] = "three"
print(d)
del d[5]
d[5] = "five again"
print(d)
print(dict(sorted(d.items())), {k: d[k] for k in reversed(d)})
print(d.popitem(), d.popitem(), d)
