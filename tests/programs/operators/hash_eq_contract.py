class K:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        print("eq", self.k, o.k)
        return self.k == o.k
    def __hash__(self):
        return 1
s = {K(1), K(2)}
print(len(s))
print(K(2) in s)
d = {K("a"): 1}
d[K("a")] = 2
print(list(d.values()))
