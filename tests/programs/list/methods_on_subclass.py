class L(list):
    def append(self, x):
        super().append(x * 10)
l = L([1, 2])
l.append(3)
l.extend([4])
l += [5]
l.insert(0, 6)
print(l, type(l).__name__, type(l + [1]).__name__, type(l[:1]).__name__, type(l * 2).__name__, type(l.copy()).__name__)
class Sized(list):
    def __len__(self):
        return 99
s = Sized([1, 2])
print(len(s), bool(Sized()), list(s), s[1], [*s])
