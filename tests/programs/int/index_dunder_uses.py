class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Bad:
    def __index__(self):
        return 1.5


l = [10, 20, 30, 40]
print(l[Idx(3)], l[Idx(1):Idx(3)], range(10)[Idx(2)], 'abc'[Idx(1)], (1, 2, 3)[Idx(-1)])
print(bin(Idx(5)), hex(Idx(255)), [0] * Idx(3), range(Idx(4)), b'xyz'[Idx(0)])
l[Idx(0)] = 'a'
del l[Idx(1)]
print(l)
for bad in (lambda: l[Bad()], lambda: l[Idx(10)], lambda: l[1.0], lambda: 'ab' * Bad()):
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
