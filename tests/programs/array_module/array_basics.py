# array.array: construction, every typecode's range checks, the sequence protocol.
import array
import warnings

warnings.simplefilter('ignore', DeprecationWarning)
print(array.typecodes, array.ArrayType is array.array)
print(sorted(n for n in dir(array) if not n.startswith('__')))
for tc in array.typecodes:
    a = array.array(tc, 'ab' if tc in 'uw' else [1, 2])
    print(tc, a.itemsize, a.typecode, repr(a), len(a), a.tolist(), a.tobytes())

for tc in 'bBhHiIlLqQ':
    for v in (-2**64, 2**64, -1, 2**7, 2**8, 2**15, 2**16, 2**31, 2**32, 2**63, -129, -2**15 - 1, -2**31 - 1):
        try:
            array.array(tc, [v])
        except Exception as e:
            print(tc, v, type(e).__name__, e)
for tc, v in [('i', 1.5), ('i', 'a'), ('d', 'a'), ('f', 10**400), ('u', 1), ('u', 'ab'),
              ('w', 1), ('d', None), ('i', None), ('b', True), ('f', 1e300), ('d', 3)]:
    try:
        print(array.array(tc, [v]))
    except Exception as e:
        print(tc, v, type(e).__name__, e)
for args in [(), (1,), ('x',), ('ii',), ('i', 'abc'), ('u', [1]), ('i', 5), ('i', b'abc'),
             ('i', [], 1)]:
    try:
        print(array.array(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    array.array('i', [1], x=1)
except TypeError as e:
    print(e)

a = array.array('i', [1, 2, 3])
print(a[0], a[-1], a[::2], a[1:], a[::-1], a * 2, 2 * a, a + a, 2 in a, 7 in a)
print(a.index(2), a.count(2), a == array.array('d', [1, 2, 3]), a < array.array('i', [1, 3]))
print(a != array.array('i', [1, 2]), a >= a, array.array('i', [1]) == array.array('b', [1]))
a.append(4); a.extend([5, 6]); a.insert(0, 0); a.insert(-100, -1); a.insert(100, 100)
print(a, a.pop(), a.pop(0), a)
a.remove(3); a.reverse(); print(a)
a[1:3] = array.array('i', [7, 8, 9]); print(a)
a[::2] = array.array('i', [0] * len(a[::2])); print(a)
del a[1]; del a[::3]; print(a)
a += array.array('i', [42]); a *= 2; print(a, len(a))
a.clear(); print(a, a * 3)
b = array.array('h', [1, 256, -2])
b.byteswap(); print(b)
print(bytes(b), b.buffer_info()[1])
u = array.array('w', 'héllo')
print(u.tounicode(), u[1], u.count('l'))
u.fromunicode('!'); print(u)
it = iter(array.array('b', [1, 2, 3]))
print(type(it).__name__, next(it), list(it), list(it))
x = array.array('i', [1, 2, 3])
seen = []
for v in x:
    seen.append(v)
    if v == 1:
        x.append(4)
print(seen)
tests = [lambda: x + [1], lambda: x + array.array('d'), lambda: x.__iadd__([1]),
         lambda: x.extend(array.array('d')), lambda: x * 1.5, lambda: x.frombytes('x'),
         lambda: x.fromlist((1,)), lambda: x.tounicode(), lambda: x.fromunicode('x'),
         lambda: x['x'], lambda: x.__setitem__(slice(0, 3, 2), array.array('i', [1])),
         lambda: x.__setitem__(slice(0, 1), [1]), lambda: x[10], lambda: x.__setitem__(10, 1),
         lambda: x.__delitem__(10), lambda: x.index(99), lambda: x.remove(99),
         lambda: array.array('i').pop(), lambda: x.pop(99), lambda: x.insert('x', 1),
         lambda: array.array('i', array.array('u', 'x')),
         lambda: x.fromlist([1, 'x']), lambda: x]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
