# Subclasses of the itertools iterators: construction, iteration, keyword checks, __init__.
import operator
from itertools import *

def isEven(x):
    return x % 2 == 0

testcases = [
    (repeat, (1, 2), [1, 1]),
    (filterfalse, (None, [0, 1]), [0]),
    (chain, ([1, 2], [3, 4]), [1, 2, 3]),
    (starmap, (operator.pow, ((2, 3), (3, 2))), [8, 9]),
    (islice, ([1, 2, 3, 4], 1, 3), [2, 3]),
    (takewhile, (isEven, [2, 3, 4]), [2]),
    (dropwhile, (isEven, [2, 3, 4]), [3, 4]),
    (cycle, ([1, 2],), [1, 2, 1]),
    (compress, ('ABC', [1, 0, 1]), ['A', 'C']),
    (count, (5,), [5, 6, 7]),
    (accumulate, ([1, 2, 3],), [1, 3, 6]),
    (batched, ('abcde', 2), [('a', 'b'), ('c', 'd'), ('e',)]),
    (pairwise, ('abc',), [('a', 'b'), ('b', 'c')]),
    (product, ('ab', 'c'), [('a', 'c'), ('b', 'c')]),
    (permutations, ('ab',), [('a', 'b'), ('b', 'a')]),
    (combinations, ('abc', 2), [('a', 'b'), ('a', 'c'), ('b', 'c')]),
    (combinations_with_replacement, ('ab', 2), [('a', 'a'), ('a', 'b'), ('b', 'b')]),
    (zip_longest, ('ab', 'c'), [('a', 'c'), ('b', None)]),
]
for cls, args, result in testcases:
    class subclass(cls):
        pass
    u = subclass(*args)
    print(cls.__name__, type(u) is subclass, isinstance(u, cls), list(islice(u, 0, 3)) == result)
    try:
        subclass(*args, newarg=3)
    except TypeError:
        print("  TypeError for newarg")

for cls, args, result in testcases:
    if cls in (repeat, compress, count, accumulate, batched, product, combinations,
               combinations_with_replacement, permutations, zip_longest):
        continue
    class subclass_with_init(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    u = subclass_with_init(*args, newarg=3)
    print(cls.__name__, type(u) is subclass_with_init, list(islice(u, 0, 3)) == result, u.newarg)

try:
    class S(type(tee([])[0])):
        pass
except TypeError as e:
    print(e)
