# The Python part of Taipan's `array` module: the `array` type, its iterator and
# `_array_reconstructor`. Items live in a bytearray in the machine's own layout (what
# `tobytes()` and `memoryview(a)` show); values go in and out through `_struct`'s native
# formats, after the range checks and messages of CPython's per-typecode setters. The buffer
# is exported with PEP 688's `__buffer__`, so `memoryview(a)`, `bytes(a)` and every API taking
# a bytes-like object see (and, for views, share) the array's memory. Runs in the module's
# namespace when the module is made.

from _struct import pack as _pack, unpack as _unpack, unpack_from as _unpack_from
from operator import index as _index
import builtins as _builtins

typecodes = 'bBuwhHiIlLqQfd'

_SIZE = {'b': 1, 'B': 1, 'u': 4, 'w': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
         'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
# The struct format of one item (wchar_t and Py_UCS4 are 4-byte code points here).
_FMT = {'b': 'b', 'B': 'B', 'u': 'I', 'w': 'I', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I',
        'l': 'l', 'L': 'L', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd'}
# The machine format code `__reduce_ex__` records (little-endian machine).
_MFORMAT = {'b': 1, 'B': 0, 'u': 20, 'w': 20, 'h': 4, 'H': 2, 'i': 8, 'I': 6,
            'l': 12, 'L': 10, 'q': 12, 'Q': 10, 'f': 14, 'd': 16}
_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1
_INT_MIN, _INT_MAX = -(1 << 31), (1 << 31) - 1
_SHRT_MIN, _SHRT_MAX = -(1 << 15), (1 << 15) - 1


def _as_long(v):
    v = _index(v)
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')
    return v


def _range(v, lo, hi, low_msg, high_msg):
    if v < lo:
        raise OverflowError(low_msg)
    if v > hi:
        raise OverflowError(high_msg)
    return v


def _conv_b(v):
    v = _range(_as_long(v), _SHRT_MIN, _SHRT_MAX, 'signed short integer is less than minimum',
               'signed short integer is greater than maximum')
    return _range(v, -128, 127, 'signed char is less than minimum',
                  'signed char is greater than maximum')


def _conv_B(v):
    return _range(_as_long(v), 0, 255, 'unsigned byte integer is less than minimum',
                  'unsigned byte integer is greater than maximum')


def _conv_h(v):
    return _range(_as_long(v), _SHRT_MIN, _SHRT_MAX, 'signed short integer is less than minimum',
                  'signed short integer is greater than maximum')


def _conv_i(v):
    return _range(_as_long(v), _INT_MIN, _INT_MAX, 'signed integer is less than minimum',
                  'signed integer is greater than maximum')


def _conv_H(v):
    return _range(_conv_i(v), 0, 65535, 'unsigned short is less than minimum',
                  'unsigned short is greater than maximum')


def _as_ulong(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v > _ULONG_MAX:
        raise OverflowError('Python int too large to convert to C unsigned long')
    return v


def _conv_I(v):
    return _range(_as_ulong(v), 0, (1 << 32) - 1, '', 'unsigned int is greater than maximum')


def _conv_q(v):
    v = _index(v)
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError('int too big to convert')
    return v


def _conv_Q(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if v > _ULONG_MAX:
        raise OverflowError('int too big to convert')
    return v


def _as_double(v):
    if type(v) is float:
        return v
    t = type(v)
    if hasattr(t, '__float__') or hasattr(t, '__index__'):
        return float(v)
    raise TypeError('must be real number, not %s' % t.__name__)


def _conv_f(v):
    v = _as_double(v)
    try:
        _pack('f', v)
    except OverflowError:
        return float('inf') if v > 0 else float('-inf')
    return v


def _conv_u(v):
    if not isinstance(v, str):
        raise TypeError('array item must be a unicode character, not %s' % type(v).__name__)
    if len(v) != 1:
        raise TypeError('array item must be a unicode character, not a string of length %d'
                        % len(v))
    return ord(v)


_CONV = {'b': _conv_b, 'B': _conv_B, 'u': _conv_u, 'w': _conv_u, 'h': _conv_h, 'H': _conv_H,
         'i': _conv_i, 'I': _conv_I, 'l': _as_long, 'L': _as_ulong, 'q': _conv_q,
         'Q': _conv_Q, 'f': _conv_f, 'd': _as_double}


def _typecode_arg(typecode):
    if not isinstance(typecode, str):
        raise TypeError('array() argument 1 must be a unicode character, not %s'
                        % type(typecode).__name__)
    if len(typecode) != 1:
        raise TypeError('array() argument 1 must be a unicode character, not a string of '
                        'length %d' % len(typecode))
    if typecode not in _SIZE:
        raise ValueError('bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)')
    return typecode


_NO_INIT = object()


def _resize_error():
    return BufferError('cannot resize an array that is exporting buffers')


class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
string, bytes-like object or iterable over elements of the appropriate type."""

    __slots__ = ('_array__code', '_array__buf', '__weakref__')

    def __new__(cls, *args, **kwargs):
        if kwargs and cls is array:
            raise TypeError('array.array() takes no keyword arguments')
        if not args:
            raise TypeError('array() takes at least 1 argument (0 given)')
        if len(args) > 2:
            raise TypeError('array() takes at most 2 arguments (%d given)' % len(args))
        code = _typecode_arg(args[0])
        init = args[1] if len(args) > 1 else _NO_INIT
        if code == 'u':
            import warnings
            warnings.warn("The 'u' type code is deprecated and will be removed in Python 3.16",
                          DeprecationWarning, stacklevel=2)
        if isinstance(init, str) and code not in 'uw':
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % code)
        if isinstance(init, array) and init.__code in 'uw' and code not in 'uw':
            raise TypeError("cannot use a unicode array to initialize an array with typecode "
                            "'%s'" % code)
        self = object.__new__(cls)
        self.__code = code
        self.__buf = bytearray()
        if init is _NO_INIT:
            return self
        if isinstance(init, str):
            self.fromunicode(init)
        elif isinstance(init, (bytes, bytearray)):
            self.frombytes(init)
        elif isinstance(init, array) and init.__code == code:
            self.__buf[:] = init.__buf
        elif isinstance(init, array):
            self.fromlist(init.tolist())
        elif isinstance(init, list):
            self.fromlist(init)
        else:
            self.extend(init)
        return self

    # -- item access -----------------------------------------------------------------------

    def __item(self, i):
        v = _unpack_from(_FMT[self.__code], self.__buf, i * _SIZE[self.__code])[0]
        return chr(v) if self.__code in 'uw' else v

    def __packed(self, v):
        code = self.__code
        return _pack(_FMT[code], _CONV[code](v))

    def __values(self):
        code = self.__code
        n = len(self.__buf) // _SIZE[code]
        vals = _unpack('%d%s' % (n, _FMT[code]), self.__buf)
        if code in 'uw':
            return [chr(v) for v in vals]
        return list(vals)

    def __pack_all(self, values):
        code = self.__code
        conv = _CONV[code]
        return _pack('%d%s' % (len(values), _FMT[code]), *[conv(v) for v in values])

    def __grow(self, data):
        try:
            self.__buf += data
        except BufferError:
            raise _resize_error() from None

    def __set_bytes(self, start, stop, data):
        if stop - start != len(data):
            try:
                self.__buf[start:stop] = data
            except BufferError:
                raise _resize_error() from None
        else:
            self.__buf[start:stop] = data

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self.__code

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _SIZE[self.__code]

    def __len__(self):
        return len(self.__buf) // _SIZE[self.__code]

    def __norm_index(self, i, msg):
        n = len(self)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError(msg)
        return i

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            new = object.__new__(type(self))
            new.__code = self.__code
            sz = _SIZE[self.__code]
            if step == 1:
                new.__buf = bytearray(self.__buf[start * sz:max(start, stop) * sz])
            else:
                b = self.__buf
                new.__buf = bytearray().join(
                    b[k * sz:(k + 1) * sz] for k in range(start, stop, step))
            return new
        if not hasattr(type(key), '__index__'):
            raise TypeError('array indices must be integers')
        return self.__item(self.__norm_index(_index(key), 'array index out of range'))

    def __setitem__(self, key, value):
        sz = _SIZE[self.__code]
        if isinstance(key, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(value).__name__)
            if value.__code != self.__code:
                raise TypeError('bad argument type for built-in operation')
            data = bytes(value.__buf)
            start, stop, step = key.indices(len(self))
            if step == 1:
                stop = max(start, stop)
                self.__set_bytes(start * sz, stop * sz, data)
                return
            idx = range(start, stop, step)
            if len(idx) != len(data) // sz:
                raise ValueError('attempt to assign array of size %d to extended slice of '
                                 'size %d' % (len(data) // sz, len(idx)))
            for j, k in enumerate(idx):
                self.__buf[k * sz:(k + 1) * sz] = data[j * sz:(j + 1) * sz]
            return
        if not hasattr(type(key), '__index__'):
            raise TypeError('array indices must be integers')
        i = _index(key)
        packed = self.__packed(value)
        i = self.__norm_index(i, 'array assignment index out of range')
        self.__buf[i * sz:(i + 1) * sz] = packed

    def __delitem__(self, key):
        sz = _SIZE[self.__code]
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            idx = range(start, stop, step)
            if not idx:
                return
            if step < 0:
                idx = idx[::-1]
            if idx.step == 1:
                self.__set_bytes(idx.start * sz, (idx.stop) * sz, b'')
                return
            keep = bytearray()
            b = self.__buf
            drop = set(idx)
            for k in range(len(self)):
                if k not in drop:
                    keep += b[k * sz:(k + 1) * sz]
            self.__set_bytes(0, len(b), bytes(keep))
            return
        if not hasattr(type(key), '__index__'):
            raise TypeError('array indices must be integers')
        i = self.__norm_index(_index(key), 'array assignment index out of range')
        self.__set_bytes(i * sz, (i + 1) * sz, b'')

    def __contains__(self, value):
        for k in range(len(self)):
            if self.__item(k) == value:
                return True
        return False

    def __iter__(self):
        it = object.__new__(arrayiterator)
        it._array = self
        it._index = 0
        return it

    # -- comparisons and operators -----------------------------------------------------------

    def __compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        if len(self) != len(other) and op in ('==', '!='):
            return op == '!='
        a = self.__values()
        b = other.__values()
        if op == '==':
            return a == b
        if op == '!=':
            return a != b
        if op == '<':
            return a < b
        if op == '<=':
            return a <= b
        if op == '>':
            return a > b
        return a >= b

    def __eq__(self, other):
        return self.__compare(other, '==')

    def __ne__(self, other):
        return self.__compare(other, '!=')

    def __lt__(self, other):
        return self.__compare(other, '<')

    def __le__(self, other):
        return self.__compare(other, '<=')

    def __gt__(self, other):
        return self.__compare(other, '>')

    def __ge__(self, other):
        return self.__compare(other, '>=')

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.__code != self.__code:
            raise TypeError('bad argument type for built-in operation')
        new = object.__new__(type(self))
        new.__code = self.__code
        new.__buf = self.__buf + other.__buf
        return new

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __count_arg(self, n):
        t = type(n)
        if not hasattr(t, '__index__'):
            if hasattr(t, '__rmul__') and t.__module__ != 'builtins':
                return None
            raise TypeError("can't multiply sequence by non-int of type '%s'" % t.__name__)
        n = _index(n)
        return n if n > 0 else 0

    def __mul__(self, n):
        n = self.__count_arg(n)
        if n is None:
            return NotImplemented
        if n and len(self.__buf) * n > (1 << 62):
            raise MemoryError
        new = object.__new__(type(self))
        new.__code = self.__code
        new.__buf = self.__buf * n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = self.__count_arg(n)
        if n is None:
            return NotImplemented
        if n != 1 and self.__buf:
            if n and len(self.__buf) * n > (1 << 62):
                raise MemoryError
            self.__set_bytes(0, len(self.__buf), bytes(self.__buf) * n)
        return self

    # -- methods ---------------------------------------------------------------------------

    def append(self, v, /):
        """Append new value v to the end of the array."""
        self.__grow(self.__packed(v))

    def extend(self, bb, /):
        """Append items to the end of the array."""
        if isinstance(bb, array):
            if bb.__code != self.__code:
                raise TypeError('can only extend with array of same kind')
            self.__grow(bytes(bb.__buf))
            return
        for v in bb:
            self.__grow(self.__packed(v))

    def insert(self, i, v, /):
        """Insert a new item v into the array before position i."""
        i = _index(i)
        n = len(self)
        if i < 0:
            i = max(i + n, 0)
        i = min(i, n)
        sz = _SIZE[self.__code]
        self.__set_bytes(i * sz, i * sz, self.__packed(v))

    def pop(self, i=-1, /):
        """Return the i-th element and delete it from the array.

i defaults to -1."""
        i = _index(i)
        n = len(self)
        if n == 0:
            raise IndexError('pop from empty array')
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('pop index out of range')
        v = self.__item(i)
        sz = _SIZE[self.__code]
        self.__set_bytes(i * sz, (i + 1) * sz, b'')
        return v

    def remove(self, v, /):
        """Remove the first occurrence of v in the array."""
        for k in range(len(self)):
            if self.__item(k) == v:
                sz = _SIZE[self.__code]
                self.__set_bytes(k * sz, (k + 1) * sz, b'')
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=9223372036854775807, /):
        """Return index of first occurrence of v in the array.

Raise ValueError if the value is not present."""
        start, stop, _ = slice(start, stop).indices(len(self))
        k = start
        while k < min(stop, len(self)):
            if self.__item(k) == v:
                return k
            k += 1
        raise ValueError('array.index(x): x not in array')

    def count(self, v, /):
        """Return number of occurrences of v in the array."""
        c = 0
        for k in range(len(self)):
            if self.__item(k) == v:
                c += 1
        return c

    def reverse(self):
        """Reverse the order of the items in the array."""
        sz = _SIZE[self.__code]
        b = self.__buf
        n = len(b) // sz
        b[:] = bytearray().join(b[k * sz:(k + 1) * sz] for k in range(n - 1, -1, -1))

    def byteswap(self):
        """Byteswap all items of the array.

If the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is
raised."""
        sz = _SIZE[self.__code]
        if sz == 1:
            return
        b = self.__buf
        n = len(b) // sz
        b[:] = bytearray().join(b[k * sz:(k + 1) * sz][::-1] for k in range(n))

    def buffer_info(self):
        """Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.

The length should be multiplied by the itemsize attribute to calculate
the buffer length in bytes."""
        return (id(self.__buf), len(self))

    def clear(self):
        """Remove all items from the array."""
        self.__set_bytes(0, len(self.__buf), b'')

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes representation."""
        return bytes(self.__buf)

    def frombytes(self, buffer, /):
        """Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."""
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = memoryview(buffer).tobytes()
        if len(data) % _SIZE[self.__code]:
            raise ValueError('bytes length not a multiple of item size')
        self.__grow(data)

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return self.__values()

    def fromlist(self, list, /):
        """Append items to array from list."""
        if not isinstance(list, _builtins.list):
            raise TypeError('arg must be list')
        self.__grow(self.__pack_all(list))

    def tounicode(self):
        """Extends this array with data from the unicode string ustr.

Convert the array to a unicode string.  The array must be a unicode type array;
otherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a
unicode string from an array of some other type."""
        if self.__code not in 'uw':
            raise ValueError("tounicode() may only be called on unicode type arrays "
                             "('u' or 'w')")
        return ''.join(self.__values())

    def fromunicode(self, ustr, /):
        """Extends this array with data from the unicode string ustr.

The array must be a unicode type array; otherwise a ValueError is raised.
Use array.frombytes(ustr.encode(...)) to append Unicode data to an array of
some other type."""
        if not isinstance(ustr, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(ustr).__name__)
        if self.__code not in 'uw':
            raise ValueError("fromunicode() may only be called on unicode type arrays "
                             "('u' or 'w')")
        self.__grow(_pack('%dI' % len(ustr), *[ord(c) for c in ustr]))

    def tofile(self, f, /):
        """Write all items (as machine values) to the file object f."""
        data = bytes(self.__buf)
        block = 64 * 1024
        if not data:
            return
        for k in range(0, len(data), block):
            f.write(data[k:k + block])

    def fromfile(self, f, n, /):
        """Read n objects from the file object f and append them to the end of the array."""
        n = _index(n)
        if n < 0:
            raise ValueError('negative count')
        sz = _SIZE[self.__code]
        if n > (1 << 62) // sz:
            raise MemoryError
        nbytes = n * sz
        data = f.read(nbytes)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        whole = len(data) - len(data) % sz
        self.frombytes(data[:whole])
        if len(data) != nbytes:
            raise EOFError("read() didn't return enough bytes")

    # -- copying, pickling, buffers ----------------------------------------------------------

    def __copy__(self):
        """Return a copy of the array."""
        new = object.__new__(type(self))
        new.__code = self.__code
        new.__buf = bytearray(self.__buf)
        return new

    def __deepcopy__(self, unused, /):
        """Return a copy of the array."""
        return self.__copy__()

    def __reduce_ex__(self, protocol, /):
        """Return state information for pickling."""
        protocol = _index(protocol)
        d = getattr(self, '__dict__', None) or None
        if protocol < 3:
            return (type(self), (self.__code, self.__values()), d)
        return (_array_reconstructor_builtin,
                (type(self), self.__code, _MFORMAT[self.__code], bytes(self.__buf)), d)

    def __sizeof__(self):
        """Size of the array in memory, in bytes."""
        return 64 + len(self.__buf)

    def __buffer__(self, flags, /):
        """Return a buffer object that exposes the underlying memory of the object."""
        view = memoryview(self.__buf)
        code = self.__code
        return view.cast(_FMT[code]) if code not in 'bB' else view.cast(code)

    def __release_buffer__(self, buffer, /):
        """Release the buffer object that exposes the underlying memory of the object."""

    def __repr__(self):
        name = type(self).__name__
        code = self.__code
        if not self.__buf:
            return "%s('%s')" % (name, code)
        if code in 'uw':
            return "%s('%s', %r)" % (name, code, self.tounicode())
        return "%s('%s', %r)" % (name, code, self.__values())

    def __class_getitem__(cls, item, /):
        """See PEP 585"""
        import types
        return types.GenericAlias(cls, item)


def _from_bytes(cls, code, data):
    new = object.__new__(cls)
    new._array__code = code
    new._array__buf = bytearray(data)
    return new


array.__module__ = 'array'
ArrayType = array


class arrayiterator:
    __slots__ = ('_array', '_index')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'array.arrayiterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        a = self._array
        if a is None:
            raise StopIteration
        i = self._index
        if i >= len(a):
            self._array = None
            raise StopIteration
        self._index = i + 1
        return a[i]

    def __reduce__(self):
        """Return state information for pickling."""
        if self._array is None:
            return (iter, ((),))
        return (iter, (self._array,), self._index)

    def __setstate__(self, state, /):
        """Set state information for unpickling."""
        i = _index(state)
        if self._array is not None:
            n = len(self._array)
            self._index = 0 if i < 0 else min(i, n)


arrayiterator.__module__ = 'array'

import _collections_abc
_collections_abc.MutableSequence.register(array)
del _collections_abc

# Machine format codes: (item size, signed, kind) with kind 'i' (integer, little-endian
# when the code is even), 'f' (IEEE float), 'u' (UTF-16/UTF-32).
_MF = {0: (1, False, 'i'), 1: (1, True, 'i'),
       2: (2, False, 'i'), 3: (2, False, 'i'), 4: (2, True, 'i'), 5: (2, True, 'i'),
       6: (4, False, 'i'), 7: (4, False, 'i'), 8: (4, True, 'i'), 9: (4, True, 'i'),
       10: (8, False, 'i'), 11: (8, False, 'i'), 12: (8, True, 'i'), 13: (8, True, 'i'),
       14: (4, True, 'f'), 15: (4, True, 'f'), 16: (8, True, 'f'), 17: (8, True, 'f'),
       18: (2, False, 'u'), 19: (2, False, 'u'), 20: (4, False, 'u'), 21: (4, False, 'u')}


def _array_reconstructor(arraytype, typecode, mformat_code, items, /):
    """Internal. Used for pickling support."""
    if not isinstance(arraytype, type):
        raise TypeError('first argument must be a type object, not %s'
                        % type(arraytype).__name__)
    if not issubclass(arraytype, array):
        raise TypeError('%s is not a subtype of array.array' % arraytype.__name__)
    if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in _SIZE:
        if not isinstance(typecode, str):
            raise TypeError('array_reconstructor() argument 2 must be a unicode character, '
                            'not %s' % type(typecode).__name__)
        raise ValueError('second argument must be a valid type code')
    mformat_code = _index(mformat_code)
    if mformat_code not in _MF:
        raise ValueError('third argument must be a valid machine format code.')
    if not isinstance(items, bytes):
        raise TypeError('fourth argument should be bytes, not %s' % type(items).__name__)
    if len(items) % _MF[mformat_code][0]:
        raise ValueError('bytes length not a multiple of item size')
    if _MFORMAT[typecode] == mformat_code:
        return _from_bytes(arraytype, typecode, items)
    size, signed, kind = _MF[mformat_code]
    big = mformat_code % 2 == 1 if mformat_code < 18 else mformat_code in (19, 21)
    if mformat_code in (0, 1):
        big = False
    if kind == 'u':
        text = items.decode(('utf-16-' if size == 2 else 'utf-32-') + ('be' if big else 'le'))
        return arraytype(typecode, text)
    order = '>' if big else '<'
    n = len(items) // size
    if kind == 'f':
        vals = _unpack('%s%d%s' % (order, n, 'f' if size == 4 else 'd'), items[:n * size])
        return arraytype(typecode, list(vals))
    fmt = {1: 'b', 2: 'h', 4: 'i', 8: 'q'}[size]
    if not signed:
        fmt = fmt.upper()
    vals = _unpack('%s%d%s' % (order, n, fmt), items[:n * size])
    code = typecode
    for c in 'bBhHiIlLqQ':
        if _SIZE[c] == size and (c.islower()) == signed:
            code = c
    return arraytype(code, list(vals))
