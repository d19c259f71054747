# Python subclasses of bytearray: construction, __init__ (re-initialisation, failures leave it
# empty, exported buffers), methods returning plain bytearrays, attributes
class B(bytearray):
    pass


class C(bytearray):
    def __init__(self, *args, tag='x'):
        super().__init__(*args)
        self.tag = tag


b = B(b'abc')
print(type(b).__name__, b, len(b), b[0], b[1:], type(b[1:]).__name__, b == b'abc')
print(B(), B(3), B([1, 2]), B('h\xe9', 'latin-1'), B(iter([65, 66])))
c = C(b'xy', tag='t')
print(c, c.tag, isinstance(c, bytearray), C.__mro__[1].__name__)
b.append(100)
b.extend(b'ef')
b += b'!'
print(b, type(b).__name__, type(b.upper()).__name__, type(b.copy()).__name__)
b.x = 5
print(b.x, vars(b))
a = bytearray(b'abc')
for source in ([256], (-1,), [0, 1000], 'str-no-encoding'):
    a = bytearray(b'abc')
    try:
        a.__init__(source)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e, a)
a.__init__(b'new')
print(a)
m = memoryview(a)
try:
    a.__init__(b'zz')
except BufferError as e:
    print('BufferError', e)
m.release()
a.__init__(b'zz')
print(a, bytearray.__init__ is not object.__init__)
