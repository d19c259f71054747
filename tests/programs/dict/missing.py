class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
c["a"] += 1
c["a"] += 1
c["b"]
print(c, c.get("zz"), "zz" in c)
class Loud(dict):
    def __getitem__(self, k):
        return "loud-" + str(dict.__getitem__(self, k))
l = Loud(a=1)
print(l["a"], l.get("a"), dict(l), {**l})
