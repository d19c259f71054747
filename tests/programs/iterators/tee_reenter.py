# A tee whose source is being advanced (here from inside the source's own __next__) refuses a
# second advance with RuntimeError instead of recursing or waiting.
from itertools import tee

class Source:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 2:
            try:
                print("buffered:", next(b))
                next(b)
            except RuntimeError as e:
                print("inner:", e)
        if self.n > 4:
            raise StopIteration
        return self.n

a, b = tee(Source())
print(list(a))
print(list(b))
