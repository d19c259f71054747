# marshal: dumps output for simple values (as CPython writes it), round trips of every
# marshallable type, code objects, files, versions and the errors.
import io
import marshal

print(marshal.version)
values = [None, True, False, ..., StopIteration, 0, 1, -5, 1000, 2**31 - 1, -2**31, 2**31,
          2**40, -2**100, 1.5, -0.0, float('inf'), 3j, 1 + 2.5j, 'abc', 'a b', '', 'é',
          '\udc80', 'x' * 300, b'', b'ab', (), (1, 2), [1, 'x'], {1: 2}, {'a': [1.5]},
          {1}, frozenset(), slice(1, 2), [[1.5]]]
for v in values:
    data = marshal.dumps(v)
    print(repr(v)[:40], data[:60])
    w = marshal.loads(data)
    assert w == v or v != v, (v, w)
x = 1.5
print(marshal.dumps([x, x]), marshal.dumps(['ab c', 'ab c']))
print(marshal.dumps(frozenset({3, 1, 2})), marshal.loads(marshal.dumps({'b', 'a'})) == {'a', 'b'})
t = (1.5, 'abc', 2j, [0.1])
for version in range(6):
    print(version, marshal.dumps(t, version))
print(marshal.loads(marshal.dumps(bytearray(b'xy'))), marshal.loads(memoryview(b'i\x01\x00\x00\x00extra')))
print(marshal.dumps(0.1, 1), marshal.dumps(1e100, 0), marshal.dumps(1e-7, 1), marshal.dumps(123456789012345678.0, 1))


def f(a, b=2):
    return a + b


code = marshal.loads(marshal.dumps(f.__code__))
print(type(code).__name__, code.co_name, code.co_varnames, code.co_code == f.__code__.co_code)
g = type(f)(code, {})
print(g(40, 2))
print(type(marshal.loads(marshal.dumps([f.__code__, 1]))[0]).__name__)
try:
    marshal.dumps(f.__code__, allow_code=False)
except ValueError as e:
    print(e)
try:
    marshal.loads(marshal.dumps(f.__code__), allow_code=False)
except ValueError as e:
    print(e)
buf = io.BytesIO()
marshal.dump([1, 2], buf)
marshal.dump('second', buf)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf))
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)
for bad in [b'', b'i\x01', b'\x99', b'(\x02\x00\x00\x00i', b'r\x00\x00\x00\x00', b'\xe9',
            b'[\xff\xff\xff\xff']:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for v in [object(), [object()], {1: print}, slice]:
    try:
        marshal.dumps(v)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(slice(1, 2), 4)
except ValueError as e:
    print(e)
nested = []
for _ in range(3000):
    nested = [nested]
try:
    marshal.dumps(nested)
except ValueError as e:
    print(e)
for args in [(), (1, 2, 3), ('x',)]:
    try:
        marshal.loads(*args)
    except TypeError as e:
        print(e)
