# pickle and copy round trips of the built-in iterators, sets, frozensets and slices.
import copy
import pickle


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i

    def __len__(self):
        return 4


makers = [
    lambda: iter([1, 2, 3]),
    lambda: reversed([1, 2, 3]),
    lambda: iter((1, 2, 3)),
    lambda: iter("abc"),
    lambda: iter(b"abc"),
    lambda: iter({1, 2, 3}),
    lambda: iter({1: 2, 3: 4}),
    lambda: iter({1: 2, 3: 4}.values()),
    lambda: iter({1: 2, 3: 4}.items()),
    lambda: reversed({1: 2, 3: 4}),
    lambda: enumerate("abc", 3),
    lambda: zip("abc", [1, 2, 3]),
    lambda: map(abs, [-1, -2, 3]),
    lambda: filter(None, [0, 1, 0, 2]),
    lambda: reversed("abc"),
    lambda: iter(Seq()),
    lambda: iter(range(5)),
]
for make in makers:
    it = make()
    next(it)
    name = type(it).__name__
    kinds = set()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(it, proto))
        kinds.add(type(back).__name__)
        assert list(back) == list(make())[1:], (name, proto)
    print(name, "unpickles as", sorted(kinds))
    c = copy.copy(it)
    print(name, list(c), list(copy.deepcopy(make())))
    # copy.copy shares the underlying iterator for enumerate/zip/map/filter.
    print(" after copy:", list(it))

for obj in [{1, 2, 3}, frozenset("ab"), slice(1, 10, 2), slice(None), set()]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, proto))
        assert back == obj and type(back) is type(obj), (obj, proto)
    print(type(obj).__name__, sorted(obj) if not isinstance(obj, slice) else obj, obj.__reduce__()[0].__name__)
print({3, 1}.__reduce__(), frozenset([2]).__reduce__(), slice(1, "a").__reduce__())


class S(set):
    pass


s = S([1, 2])
s.tag = "x"
r = s.__reduce__()
print(r[0].__name__, sorted(r[1][0]), r[2])
back = pickle.loads(pickle.dumps(s))
print(type(back).__name__, sorted(back), back.tag)
