# Native types whose instances accept weak references in CPython.
import collections
import io
import types
import weakref

objs = [list[int], int | str, collections.deque(), io.BytesIO(), io.StringIO(),
        io.FileIO(0, closefd=False), io.open(0, closefd=False)]
for o in objs:
    try:
        r = weakref.ref(o)
        print(type(o).__name__, r() is o)
    except TypeError as e:
        print(type(o).__name__, e)
d = collections.deque([1])
dead = []
r = weakref.ref(d, lambda ref: dead.append(ref))
del d
print(dead == [r], r())
for o in (1, 'x', (), [], {}):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
