sq = {x: x * x for x in range(6) if x % 2}
print(sq, {k: v for k, v in zip("abc", [1, 2, 3])}, {x % 3: x for x in range(10)})
fk = dict.fromkeys(["a", "b"], [])
fk["a"].append(1)
print(fk)
class MyDict(dict):
    pass
print(type(MyDict.fromkeys("ab")).__name__, MyDict.fromkeys("ab", 0))
