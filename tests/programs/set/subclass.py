class TrackSet(set):
    def add(self, x):
        print("adding", x)
        super().add(x)
t = TrackSet([1])
t.add(2)
t |= {3}
print(sorted(t), type(t).__name__, type(t | {9}).__name__, type(t.copy()).__name__)
class FS(frozenset):
    pass
print(type(FS([1]) | {2}).__name__, FS([1]) == frozenset([1]))
