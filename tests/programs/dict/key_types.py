d = {1: "int", 1.0: "float", True: "bool", (1, 2): "tuple", None: "none", frozenset([1]): "fs", "1": "str", b"1": "bytes"}
print(d)
print(d[1], d[(1, 2)], d[None], d[frozenset({1})], len(d))
d2 = {0: "a", 0.0: "b", -0.0: "c", False: "d"}
print(d2)
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, H) and o.v == self.v
    def __repr__(self):
        return "H(%r)" % self.v
d3 = {H(1): "x"}
d3[H(1)] = "y"
print(d3, H(1) in d3, H(2) in d3)
