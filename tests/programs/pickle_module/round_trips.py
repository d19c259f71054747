# pickle (the pure-Python pickler): every protocol on builtin types, shared and recursive
# references, classes with __reduce__/__getstate__/__setstate__/__getnewargs__, copyreg, and errors.
import pickle, copyreg, io
from collections import OrderedDict, deque, defaultdict, Counter

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return f'Point({self.x}, {self.y})'

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return f'Slotted({self.a}, {self.b})'

class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = 'drop me'
    def __getstate__(self):
        return {'v': self.v}
    def __setstate__(self, st):
        self.v = st['v']
        self.cache = None
    def __repr__(self):
        return f'WithState({self.v}, {self.cache})'

class Reduced:
    def __init__(self, *args):
        self.args = args
    def __reduce__(self):
        return (Reduced, self.args)
    def __repr__(self):
        return f'Reduced{self.args}'

class MyInt(int):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
    def __getnewargs__(self):
        return (int(self), self.tag)

class MyList(list):
    pass

values = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31, -2**31, 2**63, -2**100,
          1.5, -0.0, float('inf'), 1e-300, 'x', '', 'é€😀', 'a' * 300, b'', b'\x00\xff' * 3,
          bytearray(b'ba'), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2]], {}, {'k': [1]},
          set(), {1, 2}, frozenset({3}), 3 + 4j, range(1, 10, 2), type, int, len, Point(1, 2), Slotted(1, 'two'), WithState(5),
          Reduced(1, 'a'), MyInt(7, 'seven'), OrderedDict(a=1, b=2),
          deque([1, 2], maxlen=5), Counter('abca'), defaultdict(list, {'x': [1]})]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        try:
            data = pickle.dumps(v, proto)
        except TypeError as e:
            print(proto, type(v).__name__, 'TypeError:', e)
            continue
        back = pickle.loads(data)
        same = back == v or repr(back) == repr(v) or (v != v)
        if not same or type(back) is not type(v):
            print('MISMATCH', proto, repr(v), repr(back))
    print('protocol', proto, 'ok')

print(pickle.dumps([1, 'a', None], 0))
print(pickle.dumps((1, 2.5, 'é', b'x'), 2))
print(pickle.dumps({'a': [1, 2]}, 4))
print(pickle.dumps(Point(1, 2), 3))
print(MyInt(7, 'seven').tag, pickle.loads(pickle.dumps(MyInt(7, 'seven'), 2)).tag)
print(pickle.loads(pickle.dumps(WithState(3), 2)))

shared = [1, 2]
outer = [shared, shared]
back = pickle.loads(pickle.dumps(outer))
print(back, back[0] is back[1])
rec = []
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0] is back)
d = {}
d['self'] = d
print(pickle.loads(pickle.dumps(d, 0))['self'] is not None)

class Custom:
    def __init__(self, v):
        self.v = v
def reduce_custom(c):
    return (Custom, (c.v * 2,))
copyreg.pickle(Custom, reduce_custom)
print(pickle.loads(pickle.dumps(Custom(21))).v)

buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump('first')
p.dump([2])
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())

for bad in [
            lambda: pickle.dumps(1, 99)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
