class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
d = D(a=1)
d["b"] = 2
d.update(c=3)
d.setdefault("e", 5)
print(d, type(d.copy()).__name__, type(d | {}).__name__, type({} | d).__name__)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().keys(), reverse=True))
o = Ordered(a=1, c=3, b=2)
print(list(o), list(o.keys()), dict(o), [*o], {**o})
