d = {"l": [1], "n": 1}
c = d.copy()
c["l"].append(2)
c["n"] = 99
print(d, c, dict(d) == d, dict(d) is d)
