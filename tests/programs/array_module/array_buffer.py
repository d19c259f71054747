# array.array's buffer: memoryview shares the memory, exports block resizing, bytes-like
# consumers, frombytes/tobytes, files, copies and pickling.
import array
import copy
import io
import pickle
import struct

a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.tolist(), m.readonly)
m[0] = 100
print(a)
try:
    a.append(4)
except BufferError as e:
    print('BufferError', e)
a[1] = 20
print(m.tolist())
m.release()
a.append(4)
print(a, bytes(a), bytearray(a)[:4])
print(struct.unpack('4i', a), b''.join([a.tobytes()[:4], memoryview(a)[1:2].tobytes()]))
d = array.array('d', [1.5, -2.0])
print(memoryview(d).format, memoryview(d).tolist(), d.tobytes().hex())
c = array.array('i')
c.frombytes(b'\x01\x00\x00\x00\x02\x00\x00\x00')
print(c)
try:
    c.frombytes(b'abc')
except ValueError as e:
    print(e)
f = io.BytesIO()
c.tofile(f)
f.seek(0)
e = array.array('i')
e.fromfile(f, 2)
print(e)
f.seek(0)
try:
    e.fromfile(f, 5)
except EOFError as err:
    print('EOFError', err, e)
try:
    e.fromfile(f, -1)
except ValueError as err:
    print(err)
print(copy.copy(a), copy.deepcopy(a), copy.copy(a) is a)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for x in (a, d, array.array('w', 'xy'), array.array('B')):
        y = pickle.loads(pickle.dumps(x, proto))
        print(proto, y == x, y.typecode, y)
print(a.__reduce_ex__(2))
print(a.__reduce_ex__(3))
print(array._array_reconstructor(array.array, 'i', 9, b'\x00\x00\x00\x01'))
print(array._array_reconstructor(array.array, 'i', 13, b'\x00\x00\x00\x00\x00\x00\x00\x01'))
print(array._array_reconstructor(array.array, 'd', 17, struct.pack('>d', 2.5)))
print(array._array_reconstructor(array.array, 'w', 19, 'hi'.encode('utf-16-be')))
for args in [(1, 'i', 8, b''), (int, 'i', 8, b''), (array.array, 'x', 8, b''),
             (array.array, 'i', 99, b''), (array.array, 'i', 8, '')]:
    try:
        array._array_reconstructor(*args)
    except Exception as err:
        print(type(err).__name__, err)


class A(array.array):
    pass


s = A('b', [1, 2])
s.extra = 5
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.extra, repr(s))
print(array.array[int])
