class Box:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d[k]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        print("contains", k)
        return k in self.d
    def __iter__(self):
        return iter(list(self.d))
b = Box()
b["x"] = 1
b[1, 2] = 3
print(b["x"], len(b), "x" in b, list(b), 5 in b)
del b["x"]
try:
    b["nope"]
except KeyError as e:
    print("KeyError", e)
b["x"] = 10
b["x"] += 5
print(b.d)
