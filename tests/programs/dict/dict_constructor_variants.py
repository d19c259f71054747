print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}, a=3), dict(zip(range(3), "abc")), dict(dict(x=1)))
print(dict.fromkeys(range(3)), dict.fromkeys("aa", 1), dict([["k", "v"], ("k2", "v2")]), dict((("p", 1),)))
class KV:
    def keys(self):
        return ["one", "two"]
    def __getitem__(self, k):
        return len(k)
print(dict(KV()), {**KV()})
try:
    dict([("a", 1), "bc", "d"])
except ValueError as e:
    print("ValueError", e)
