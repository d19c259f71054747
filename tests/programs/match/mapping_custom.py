class Config:
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
import collections.abc as cabc
class MyMapping(cabc.Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
    def get(self, k, default=None):
        print("get", k)
        return self.d.get(k, default)
match MyMapping({"a": 1, "b": 2}):
    case {"a": 1, "b": bv}:
        print("matched custom mapping", bv)
match Config({"a": 1}):
    case {"a": _}:
        print("plain class is a mapping?")
    case _:
        print("plain class is not a mapping")
