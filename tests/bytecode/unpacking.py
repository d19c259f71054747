a, b = 1, 2
a, b = b, a
a, b, c = [1, 2, 3]
first, *rest = range(5)
*init, last = range(5)
x, (y, z) = 1, (2, 3)
lst = [*rest, *init, 1]
st = {*rest, 2}
dct = {**{'a': 1}, 'b': 2, **dict(c=3)}
tup = (*rest, 1)
for k, v in dct.items():
    pass
big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]
m = {1: a, 2: b}
m2 = {'a': a, 'b': b, 'c': c}
