# struct.Struct and pack_into/unpack_from/iter_unpack with their error messages.
import struct

s = struct.Struct('<ih')
print(repr(s), s.format, s.size, type(s).__name__, type(s).__module__)
print(s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'xx' + s.pack(3, 4), 2))
print(s.unpack_from(buffer=s.pack(5, 6)), s.unpack_from(bytearray(s.pack(7, 8))))
b = bytearray(10)
s.pack_into(b, 2, 1, 2)
print(b)
struct.pack_into('b', b, -1, 5)
print(b)
m = memoryview(b)
struct.pack_into('>H', m, 0, 0x1234)
print(b[:2], struct.unpack_from('>H', m))
it = s.iter_unpack(bytes(12))
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
print(list(struct.iter_unpack('>h', b'\x00\x01\x00\x02')))
print(struct.Struct(b'i').format, struct.Struct('3s').unpack(b'abc'))
s.__init__('h')
print(s.size, s.format)


class S(struct.Struct):
    pass


print(S('i').size, isinstance(S('i'), struct.Struct))
tests = [
    lambda: s.pack_into(bytearray(10), 9, 1),
    lambda: struct.pack_into('<ih', bytearray(10), 9, 1, 2),
    lambda: struct.pack_into('<ih', bytearray(10), -11, 1, 2),
    lambda: s.pack_into(b'xx', 0, 1),
    lambda: s.pack_into(bytearray(4)),
    lambda: s.pack_into(),
    lambda: struct.pack_into('i'),
    lambda: struct.pack_into('i', bytearray(4), 0),
    lambda: struct.Struct('<ih').unpack_from(bytearray(10), 8),
    lambda: struct.Struct('<ih').unpack_from(bytearray(10), -20),
    lambda: struct.Struct('<ih').unpack(b'x'),
    lambda: struct.Struct('<ih').iter_unpack(b'xxx'),
    lambda: struct.Struct(),
    lambda: struct.Struct(1),
    lambda: s.pack(),
    lambda: s.pack(1, 2),
    lambda: s.unpack(),
    lambda: s.iter_unpack(),
    lambda: s.unpack_from(),
    lambda: setattr(s, 'size', 3),
    lambda: struct.Struct.__new__(struct.Struct).size,
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
import zipfile, io
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr('a.txt', 'hello')
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read('a.txt'))
