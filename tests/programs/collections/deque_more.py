# deque subclasses, maxlen edge cases, rotation, comparison, copying, iterator protocol.
from _collections import deque, defaultdict, _count_elements, _tuplegetter

class D(deque):
    def __init__(self, it=(), n=None):
        super().__init__(it, n)
        self.tag = 't'

d = D([1, 2, 3], 2)
print(d, d.tag, type(d.copy()).__name__, d.copy().maxlen, isinstance(d, deque))
class E(deque):
    pass
e = E('abc')
print(e, e + deque('d'), type(e + deque('d')).__name__, e * 2, len(e))
print(repr(deque.__new__(E)), deque.__new__(deque))

z = deque(maxlen=0)
z.append(1); z.appendleft(2); z.extend(range(5)); print(z, len(z))
m = deque(range(5), maxlen=3)
m.append(9); print(m); m.appendleft(7); print(m); m.insert(1, 0) if len(m) < 3 else print('full')
m *= 3; print(m)
print(deque([1, 2]) * 0, deque([1, 2]) * -1, deque() * 5)
big = deque(range(7))
for k in (0, 1, -1, 7, 100, -100, 3):
    big.rotate(k); print(k, list(big))
print(deque([1, 2, 3]) == deque([1, 2, 3]), deque([1, 2]) != deque([1, 2, 3]), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) == [1, 2])
try:
    deque([1]) < deque(['a'])
except TypeError as ex:
    print('TypeError', ex)
it = iter(deque('xyz'))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
r = reversed(deque('xyz'))
print(type(r).__name__, next(r), list(r))
q = deque(range(10))
del q[0]; del q[-1]; q[0] = 'a'; print(q, q.index(5), q.index(5, -6), q.count(5))
try:
    q.index(5, 6)
except ValueError as ex:
    print('ValueError', ex)
print(q.pop(), q.popleft(), q)
q.remove(5); print(q)
q.clear(); print(q, bool(q))
d2 = deque([[1], [2]])
c = d2.copy(); c[0].append(9); print(d2, c is d2)
n = deque([1]); n.append(n); n.appendleft(n); print(n)
print(deque('ab', maxlen=5).__reduce__()[:3])
x = deque(); x += 'ab'; x += x; print(x)
print(deque.__class_getitem__(int), deque[str])

dd = defaultdict(lambda: 'z')
print(dd['k'], dict(dd), len(dd))
class C(defaultdict):
    def __missing__(self, key):
        return key * 2
c = C(int)
print(c[3], c, dict(c), c.default_factory)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(sorted(counts.items()), counts.default_factory is int)
counts.default_factory = None
try:
    counts['dog']
except KeyError as ex:
    print('KeyError', ex)
nested = defaultdict(lambda: defaultdict(list))
nested['a']['b'].append(1); print(dict(nested['a']), 'a' in nested, 'q' in nested)
g = defaultdict(list, a=[1]); h = g.copy(); h['a'].append(2); print(g, h, g == h)
print(g | {'b': 2}, {'c': 3} | g, type({'c': 3} | g).__name__)
g |= {'d': 4}; print(g)
print(isinstance(g, dict), issubclass(defaultdict, dict))

cnt = {}
_count_elements(cnt, 'mississippi'); print(cnt)
class P(tuple):
    x = _tuplegetter(0, 'first')
    y = _tuplegetter(1, 'second')
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, type(P.x).__name__)
try:
    p.x = 5
except AttributeError as ex:
    print('AttributeError', ex)
try:
    P.y.__get__(object())
except TypeError as ex:
    print('TypeError', ex)
try:
    P((1,)).y
except IndexError as ex:
    print('IndexError', ex)
