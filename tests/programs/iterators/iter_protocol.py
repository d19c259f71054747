class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)], 2 in Countdown(5), sum(Countdown(4)))
it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), next(it, None))
calls = iter([1, 2, 0, 3])
print(list(iter(lambda: next(calls), 0)))
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
print(list(iter(OnlyGetitem())), type(iter(OnlyGetitem())).__name__)
for bad in [1, None]:
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
