d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" not in d, d.get("z"), d.get("z", 0), list(d), d == {"c": 3, "b": 2, "a": 10})
del d["b"]
print(d, d.pop("a"), d.pop("zz", "dflt"), d, d.setdefault("n", []), d.setdefault("c", 99), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.popitem(), d, dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
d.clear()
print(d, dict(), dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict(zip("ab", range(2))))
