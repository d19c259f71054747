# namedtuple, Counter, OrderedDict, ChainMap from the stdlib's collections on _collections.
from collections import namedtuple, Counter, OrderedDict, ChainMap, deque, defaultdict, UserDict, UserList

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(Point.x, Point.__doc__, Point.x.__doc__, Point.__module__, type(Point.x).__name__)
x, y = p; print(x + y, p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError', e)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 1])
print(P3(9), P3._field_defaults, P3(1, 2, 3)._asdict())
R = namedtuple('R', 'def x _y', rename=True); print(R._fields)
try:
    namedtuple('Bad', 'a a')
except ValueError as e:
    print('ValueError', e)
class Sub(namedtuple('Base', 'u v')):
    __slots__ = ()
    def total(self): return self.u + self.v
print(Sub(2, 3).total(), Sub(2, 3))

c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], sorted(c.elements())[:6], c.total())
c.update('aaz'); c.subtract({'b': 5}); print(c)
d = Counter(a=3, b=1) + Counter(a=1, b=2, c=1); print(d, d - Counter(a=10), d & Counter(a=2), d | Counter(c=5))
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2), Counter('hello') == Counter('olleh'))
print(Counter({'x': 2}) <= Counter({'x': 3, 'y': 1}), repr(Counter()))

od = OrderedDict.fromkeys('abcde')
od.move_to_end('b'); od.move_to_end('e', last=False); print(list(od), od)
print(od.popitem(), od.popitem(last=False), list(od))
o1 = OrderedDict([(1, 1), (2, 2)]); o2 = OrderedDict([(2, 2), (1, 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {2: 2, 1: 1}, list(reversed(o1)))
od['new'] = 1; del od['a']; print(od, od.copy(), OrderedDict(od) | {'z': 0})
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)

base = {'a': 1}; over = {'a': 2, 'b': 3}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.maps, cm.new_child({'c': 4})['c'], cm.parents)
cm['z'] = 26; del cm['a']; print(over, base, cm.get('a'), 'a' in cm)
print(ChainMap({'x': 1}) | {'y': 2})

class UD(UserDict):
    def __missing__(self, key): return key.upper()
u = UD(a=1); print(u['a'], u['q'], len(u), u)
ul = UserList([3, 1, 2]); ul.sort(); print(ul, ul + [4], ul * 2, ul[1:])
print(deque(Counter('aab').elements()), defaultdict(int, Counter('xyx')))
