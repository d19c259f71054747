class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("done", 42)
        return self.n
print(list(It()))
for x in It():
    print("got", x)
def g():
    return (yield 1)
print(list(g()))
it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
