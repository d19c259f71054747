class NeverEq:
    def __eq__(self, o):
        return False
n = NeverEq()
l = [n, 1, 1.0, True]
print(n in l, l.count(n), l.index(n), l.count(1), l.count(True), NeverEq() in l)
nan = float("nan")
print([nan].count(nan), [nan].index(nan), (nan,) == (nan,), [float("nan")].count(float("nan")))
