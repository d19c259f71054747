# bisect/insort: left and right, lo/hi bounds, key functions, non-list sequences, the order of
# comparisons, and argument errors.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=2))
print(bisect.bisect_right(a, 2, lo=5, hi=100 if False else 7), bisect.bisect_left([], 1))

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 5.0)
print(b, [type(v).__name__ for v in b])

recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('y', 1), key=lambda r: r[1])
print(recs)
print(bisect.bisect_left(recs, 10, key=None and (lambda r: r)) if False else bisect.bisect_left([1, 3], 2, key=None))

class Logged:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('  lt', self.v, other.v)
        return self.v < other.v
items = [Logged(i) for i in range(8)]
print(bisect.bisect_left(items, Logged(5)))
print(bisect.bisect_right(items, Logged(5)))

class Seq:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def insert(self, i, v):
        print('insert at', i, v)
        self.data.insert(i, v)
s = Seq([10, 20, 30])
print(bisect.bisect(s, 25))
bisect.insort(s, 15)
print(bisect.bisect('acegi', 'f'), bisect.bisect((1, 2, 3), 2), bisect.bisect(range(0, 100, 10), 35))

for bad in [lambda: bisect.bisect([1], 1, -1), lambda: bisect.bisect(), lambda: bisect.bisect([1]),
            lambda: bisect.bisect([1], 1, 'x'), lambda: bisect.bisect(1, 1), lambda: bisect.bisect([1, 'a'], 0),
            lambda: bisect.insort([1], 1, -5), lambda: bisect.bisect([1], 1, 0, 5),
            lambda: bisect.bisect([1], 1, foo=1), lambda: bisect.bisect([1], 1, 0, 1, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(bisect.bisect_left.__module__, bisect.bisect_left.__name__)
