# enumerate() by keyword and its argument errors; reversed() needs __getitem__ and __len__.
def t(f):
    try: print(f())
    except TypeError as e: print("TypeError:", e)
t(lambda: list(enumerate(iterable='ab')))
t(lambda: list(enumerate(iterable='ab', start=3)))
t(lambda: list(enumerate(start=3, iterable='ab')))
t(lambda: enumerate(iterable=[], x=3))
t(lambda: enumerate(start=0, x=3))
t(lambda: enumerate(start=0))
t(lambda: enumerate([], 0, 1))
t(lambda: enumerate([], iterable=[]))
t(lambda: enumerate())
t(lambda: enumerate([], 1, start=2))
class NoGetItem:
    def __len__(self): return 2
class NoLen:
    def __getitem__(self, i): return 1
t(lambda: reversed(NoGetItem()))
t(lambda: reversed(NoLen()))
for x in ['ab', (1, 2), b'ab', bytearray(b'ab'), memoryview(b'ab'), range(2), [1, 2], {1: 2}]:
    t(lambda: list(reversed(x)))
