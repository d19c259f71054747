class Seq:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
    def __delitem__(self, i):
        print("del", i)
    def __repr__(self):
        return "Seq(%r)" % (self.data,)
s = Seq([1, 2, 3, 4])
print(s[1:3], s[-1], list(s), s[::-1], 3 in s, list(reversed(s)))
s[0:2] = "ab"
s[1] = 9
del s[::2]
del s[0]
