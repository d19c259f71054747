d = {"a": 1, "b": 2, "c": 3}
print(d.keys() & ["a", "z"], d.keys() | ("q",) == {"a", "b", "c", "q"}, d.keys() - "ab", d.keys() ^ ["a"] == {"b", "c"})
print(d.items() - {("a", 1)} == {("b", 2), ("c", 3)}, d.keys() == d.keys(), d.keys() < {"a", "b", "c", "d"}, d.values() == d.values())
print(list(d.values()) == [1, 2, 3], len(d.items()), ("a", 1) in d.items(), ["a", 1] in d.items() if False else "skip")
try:
    d.keys() & 5
except TypeError as e:
    print("TypeError", e)
