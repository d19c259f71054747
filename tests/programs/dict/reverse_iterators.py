d = {"a": 1, "b": 2, "c": 3}
for r in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    print(type(r).__name__, list(r))
del d["b"]
d["z"] = 26
print(list(reversed(d)), list(reversed(d.items())))
r = reversed(d)
next(r)
d["new"] = 0
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed({})), {}.keys().isdisjoint([]), d.keys().isdisjoint({"q"}), d.items().isdisjoint([("a", 1)]))
print(d.keys().mapping, type(d.values().mapping).__name__, d.items().mapping["a"])
print({1: 2} | {3: 4}, dict.__or__({1: 2}, {1: 5}), dict.__or__({}, [1]), {1: 1}.__ror__({2: 2}))
d = {1: 1}
d |= [(2, 2)]
print(d)
try:
    d | [(3, 3)]
except TypeError as e:
    print("TypeError", e)
print({}.pop([1], "default"))
try:
    {}.pop([1])
except KeyError as e:
    print("KeyError", e)
for src in ([1, 2], [(1, 2), 3], [[1, 2, 3]]):
    try:
        dict(src)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
