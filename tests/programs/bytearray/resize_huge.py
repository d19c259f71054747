# bytearray.resize to an impossible size raises MemoryError instead of aborting
import sys

for n in (sys.maxsize, sys.maxsize // 2, 2 ** 62):
    for start in (0, 1000):
        b = bytearray(start)
        try:
            b.resize(n)
        except MemoryError:
            print('MemoryError', len(b))
b = bytearray(b'abc')
b.resize(5)
print(b)
b.resize(1)
print(b)
