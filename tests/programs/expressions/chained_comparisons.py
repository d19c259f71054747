x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 3, "a" < "b" < "c", None is None is not False)
print(1 in [1] in [[1]], 3 not in [1, 2] not in [[3]], [1] == [1] != [2])
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"{self.v} < {o.v}")
        return self.v < o.v
print(V(1) < V(2) < V(3), V(3) < V(1) < V(2))
