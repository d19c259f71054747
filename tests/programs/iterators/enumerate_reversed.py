print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)), type(enumerate([])).__name__)
e = enumerate("xy", -1)
print(next(e), next(e), next(e, "end"))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({1: 2, 3: 4})))
class R:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(R())))
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
for bad in [5, {1, 2}, (x for x in [])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError", e)
r = reversed([1, 2])
print(r.__length_hint__(), type(r).__name__)
