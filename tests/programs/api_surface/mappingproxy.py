# MappingProxyType: a read-only view of a mapping.
MappingProxyType = type(type.__dict__)
d = {"a": 1, "b": 2}
mp = MappingProxyType(d)
print(type(mp).__name__, mp, len(mp), mp["a"], "b" in mp, list(mp), mp.get("z"), mp.get("a", 0))
print(sorted(mp.keys()), sorted(mp.values()), sorted(mp.items()), mp.copy(), type(mp.copy()).__name__)
print(mp | {"c": 3}, {"z": 0} | mp, mp == d, mp != d, str(mp), list(reversed(mp)))
d["c"] = 3
print(mp["c"], len(mp))
for bad in (lambda: mp.__setitem__("x", 1), lambda: mp.__delitem__("a")):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    mp["x"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del mp["a"]
except TypeError as e:
    print("TypeError", e)
try:
    mp["missing"]
except KeyError as e:
    print("KeyError", e)
for bad in (lambda: MappingProxyType([1]), lambda: MappingProxyType(), lambda: MappingProxyType(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(int.__dict__).__name__, "__add__" in int.__dict__, "__add__" in bool.__dict__, int.__dict__["__add__"] is int.__add__)
print(vars(int) is not None, type(vars(int)).__name__, "real" in vars(int))
try:
    vars(1)
except TypeError as e:
    print("TypeError", e)
try:
    int.__dict__["x"] = 1
except TypeError as e:
    print("TypeError", e)
